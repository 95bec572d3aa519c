import GRDB
import Matching

extension Ledger {
    /// The pairs of this cohort whose two people were paired in an earlier
    /// round (a proposal one of them accepted), in either role: a mentee of
    /// one year who mentors the next is still the same person. What the
    /// policy's `[history] repeat_pairs` forbids, penalises or allows.
    public func earlierPairs(in cohort: Cohort) throws(LedgerError) -> [Pairing] {
        try read { db in try Self.earlierPairs(db, in: cohort, outside: nil) }
    }

    /// The same, leaving out the pairs of one chain (a follow-up round's own).
    static func earlierPairs(_ db: Database, in cohort: Cohort, outside chain: Int64?) throws -> [Pairing] {
        let (mentees, mentors) = try _LedgerPeople.ids(db, in: cohort)
        var pairs = Set<Pairing>()
        for (first, second) in try acceptedPairs(db, outside: chain) {
            for (mentee, mentor) in [(first, second), (second, first)] {
                for menteeID in mentees[mentee] ?? [] {
                    for mentorID in mentors[mentor] ?? [] { pairs.insert(Pairing(mentee: menteeID, mentor: mentorID)) }
                }
            }
        }
        return pairs.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
    }

    /// Every (mentee, mentor) pair of people that was accepted in a round
    /// outside `chain`.
    static func acceptedPairs(_ db: Database, outside chain: Int64?) throws -> [(Int64, Int64)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT p.mentee, p.mentor FROM proposals p JOIN rounds r ON r.id = p.round
                    WHERE p.origin = 'accepted' AND r.chain IS NOT ?
                UNION SELECT DISTINCT a.mentee, a.mentor FROM responses a JOIN rounds r ON r.id = a.round
                    WHERE a.response = 'accepted' AND r.chain IS NOT ?
                """, arguments: [chain, chain]
        ).map { ($0[0], $0[1]) }
    }
}
