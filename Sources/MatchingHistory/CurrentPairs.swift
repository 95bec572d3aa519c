import Diagnostics
import Foundation
import GRDB

/// The proposals of a chain's current round and where each stands: accepted,
/// declined, awaiting a reply, or ended. Read once per command; what
/// `respond`, `end`, `checkpoint` and `rematch` check people and pairs against.
struct _CurrentPairs {
    /// One person as the round has them.
    struct Person: Hashable {
        var person: Int64
        var role: String
        var participantID: String
        var name: String
        var email: String
    }

    struct Proposal {
        var mentee: Person
        var mentor: Person
        var standing: ProposalStanding
        /// The latest response's day, or the ending's.
        var since: String?
    }

    let round: LedgerRound
    let people: [Person]
    let proposals: [Proposal]
}

extension _CurrentPairs {
    /// The round's people and proposals as the ledger has them now.
    init(_ db: Database, round: LedgerRound) throws {
        self.round = round
        people = try Row.fetchAll(
            db,
            sql: """
                SELECT person, role, participant_id, name, email FROM round_people WHERE round = ?
                ORDER BY role, participant_id
                """, arguments: [round.id]
        ).map { Person(person: $0[0], role: $0[1], participantID: $0[2], name: $0[3], email: $0[4]) }
        let byKey = Dictionary(uniqueKeysWithValues: people.map { ("\($0.role) \($0.person)", $0) })
        let outcomes = try _ChainOutcomes(db, chain: round.chain)
        proposals = try Row.fetchAll(
            db, sql: "SELECT mentee, mentor FROM proposals WHERE round = ?", arguments: [round.id]
        ).compactMap { row in
            guard let mentee = byKey["mentee \(row[0] as Int64)"], let mentor = byKey["mentor \(row[1] as Int64)"]
            else {
                return nil
            }
            let (standing, latest) = outcomes.standing(
                _ChainOutcomes.Pair(mentee: mentee.person, mentor: mentor.person))
            return Proposal(mentee: mentee, mentor: mentor, standing: standing, since: latest?.on)
        }
    }

    /// The person with this email (any case) or id, in `role` if given.
    func person(_ reference: String, role: String? = nil) -> Person? {
        let wanted = reference.trimmingCharacters(in: .whitespaces)
        let candidates = people.filter { role == nil || $0.role == role }
        return candidates.first { !$0.email.isEmpty && $0.email.lowercased() == wanted.lowercased() }
            ?? candidates.first { $0.participantID == wanted }
    }

    /// "; did you mean …?" among the round's emails and ids.
    func suggestion(for reference: String) -> String {
        Suggestion.clause(
            for: reference, among: people.flatMap { [$0.email, $0.participantID] }.filter { !$0.isEmpty })
    }

    /// The person's proposals in the round (a mentee has at most one).
    func proposals(of person: Person) -> [Proposal] {
        proposals.filter { person.role == "mentee" ? $0.mentee == person : $0.mentor == person }
    }
}
