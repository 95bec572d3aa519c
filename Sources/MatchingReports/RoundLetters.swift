import Matching

/// A participant's letter as plain text, for a mail merge or a ledger: the
/// same words as the round's `letters/` files.
public struct ParticipantLetter: Sendable, Equatable {
    public var role: Role
    public var id: ParticipantID
    public var subject: String
    /// The letter without its subject line, as an email's body.
    public var body: String
}

/// The round's letters as values (see ``ParticipantLetter``).
public enum RoundLetters {
    /// Every participant's letter, mentees first, in id order.
    public static func letters(_ round: MatchingRound) async -> [ParticipantLetter] {
        await _ParticipantLetters.composed(round, explanations: await _PairExplanations(round)).map { person, letter in
            ParticipantLetter(role: person.role, id: person.id, subject: letter.subject, body: letter.body)
        }
    }
}
