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
    /// The round's people and proposals as the ledger has them now; with
    /// `wholeChain`, those of every round of its chain up to it too (each
    /// pair once, each person as the latest of those rounds has them): what
    /// reviews of pairings made in an earlier round of the chain are about.
    init(_ db: Database, round: LedgerRound, wholeChain: Bool = false) throws {
        self.round = round
        let (rounds, arguments): (String, StatementArguments) =
            wholeChain
            ? ("round IN (SELECT id FROM rounds WHERE chain = ? AND id <= ?)", [round.chain, round.id])
            : ("round = ?", [round.id])
        var byKey: [String: Person] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT person, role, participant_id, name, email FROM round_people WHERE \(rounds)
                ORDER BY round
                """, arguments: arguments)
        {
            let person = Person(person: row[0], role: row[1], participantID: row[2], name: row[3], email: row[4])
            byKey["\(person.role) \(person.person)"] = person
        }
        people = byKey.values.sorted { ($0.role, $0.participantID) < ($1.role, $1.participantID) }
        let outcomes = try _ChainOutcomes(db, chain: round.chain)
        var seen = Set<[Int64]>()
        proposals = try Row.fetchAll(
            db, sql: "SELECT mentee, mentor FROM proposals WHERE \(rounds) ORDER BY round DESC", arguments: arguments
        ).compactMap { row in
            guard let mentee = byKey["mentee \(row[0] as Int64)"], let mentor = byKey["mentor \(row[1] as Int64)"],
                seen.insert([mentee.person, mentor.person]).inserted
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
