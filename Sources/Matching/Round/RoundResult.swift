/// What a round decided, keyed by participant id: the part of a
/// ``MatchingRound`` worth keeping (in a history, a comparison, a file) and
/// reading back. No timings, so the same inputs always give the same value.
public struct RoundResult: Sendable, Equatable, Codable {
    /// A proposed pair.
    public struct Pair: Sendable, Equatable, Codable {
        public var mentee: ParticipantID
        public var mentor: ParticipantID
        /// The pair's score in units of the policy's resolution.
        public var units: Int32
        /// The mentor's place in the mentee's own list of eligible mentors (1 = their best).
        public var rank: Int
        /// Whether the round was asked to keep this pair.
        public var locked: Bool
    }

    /// A mentee left without a mentor, and why.
    public struct Unmatched: Sendable, Equatable, Codable {
        public var mentee: ParticipantID
        public var reason: UnmatchedReason
    }

    /// A mentor with places left.
    public struct FreePlaces: Sendable, Equatable, Codable {
        public var mentor: ParticipantID
        public var free: Int
        public var places: Int
    }

    /// The optimality certificate's verdict.
    public struct Certificate: Sendable, Equatable, Codable {
        public var optimal: Bool
        public var primalObjective: Double
        public var dualObjective: Double
        /// Units added to every pair's score in the problem it checks.
        public var pairOffsetUnits: Int64
        public var violations: [String]
    }

    public var pairs: [Pair]
    public var unmatched: [Unmatched]
    public var freePlaces: [FreePlaces]
    /// The fairness floor in units, when the policy asks for one and a pair was made.
    public var floorUnits: Int64?
    /// The policy's minimum score in units, if any.
    public var minimumUnits: Int64?
    /// Allowed pairs not proposed whose mentee and mentor would both rather be together.
    public var blockingPairs: Int
    public var certificate: Certificate
    /// Sparse solves the last pricing loop took, and the candidate pairs the last one saw.
    public var sparseSolves: Int
    public var candidatePairs: Int
}

extension MatchingRound {
    /// The round's decisions keyed by participant id.
    public var result: RoundResult {
        let mentees = cohort.mentees, mentors = cohort.mentors
        return RoundResult(
            pairs: pairs.map {
                .init(
                    mentee: mentees[$0.mentee].id, mentor: mentors[$0.mentor].id, units: $0.units, rank: $0.rank,
                    locked: $0.locked)
            },
            unmatched: unmatched.map { .init(mentee: mentees[$0.mentee].id, reason: $0.reason) },
            freePlaces: freePlaces.map {
                .init(mentor: mentors[$0.mentor].id, free: $0.free, places: places[$0.mentor])
            },
            floorUnits: floorUnits, minimumUnits: minimumUnits, blockingPairs: blockingPairs,
            certificate: .init(
                optimal: certificate.isOptimal, primalObjective: certificate.primalObjective,
                dualObjective: certificate.dualObjective, pairOffsetUnits: pairOffsetUnits,
                violations: certificate.violations),
            sparseSolves: effort.sparseSolves, candidatePairs: effort.candidatePairs)
    }
}
