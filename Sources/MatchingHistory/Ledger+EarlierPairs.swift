import GRDB
import Matching

extension Ledger {
    /// The pairs of this cohort whose two people were paired in an earlier
    /// round (a proposal one of them accepted), in either role: a mentee of
    /// one year who mentors the next is still the same person. What the
    /// policy's `[history] repeat_pairs = "forbid"` excludes.
    public func earlierPairs(in cohort: Cohort) throws(LedgerError) -> [PairExclusion] {
        try read { db in
            var mentees: [Int64: [ParticipantID]] = [:], mentors: [Int64: [ParticipantID]] = [:]
            for mentee in cohort.mentees {
                if let person = try _LedgerPeople.find(db, mentee) { mentees[person, default: []].append(mentee.id) }
            }
            for mentor in cohort.mentors {
                if let person = try _LedgerPeople.find(db, mentor) { mentors[person, default: []].append(mentor.id) }
            }
            var exclusions = Set<PairExclusion>()
            for (first, second) in try Self.acceptedPairs(db) {
                for (mentee, mentor) in [(first, second), (second, first)] {
                    for menteeID in mentees[mentee] ?? [] {
                        for mentorID in mentors[mentor] ?? [] {
                            exclusions.insert(PairExclusion(mentee: menteeID, mentor: mentorID, reason: .earlierPair))
                        }
                    }
                }
            }
            return exclusions.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        }
    }

    /// Every (mentee, mentor) pair of people that was accepted in any round.
    static func acceptedPairs(_ db: Database) throws -> [(Int64, Int64)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT mentee, mentor FROM proposals WHERE origin = 'accepted'
                UNION SELECT DISTINCT mentee, mentor FROM responses WHERE response = 'accepted'
                """
        ).map { ($0[0], $0[1]) }
    }
}
