/// A mentee–mentor pair excluded by identity, line management or a declared
/// conflict; indices are into ``Cohort/mentees`` and ``Cohort/mentors``.
public struct PairExclusion: Sendable, Hashable, Comparable {
    public var mentee: Int
    public var mentor: Int
    public var reason: ExclusionReason

    public static func < (lhs: PairExclusion, rhs: PairExclusion) -> Bool {
        (lhs.mentee, lhs.mentor, lhs.reason) < (rhs.mentee, rhs.mentor, rhs.reason)
    }
}
