/// A mentee–mentor pair that may never be proposed, whatever its score, and why.
public struct PairExclusion: Sendable, Hashable, Codable {
    public var mentee: ParticipantID
    public var mentor: ParticipantID
    public var reason: ExclusionReason

    public init(mentee: ParticipantID, mentor: ParticipantID, reason: ExclusionReason) {
        self.mentee = mentee
        self.mentor = mentor
        self.reason = reason
    }
}

/// A pair exclusion by index into ``Cohort/mentees`` and ``Cohort/mentors``,
/// as scoring applies it.
struct _IndexedExclusion: Sendable, Hashable, Comparable {
    var mentee: Int
    var mentor: Int
    var reason: ExclusionReason

    static func < (lhs: _IndexedExclusion, rhs: _IndexedExclusion) -> Bool {
        (lhs.mentee, lhs.mentor, lhs.reason) < (rhs.mentee, rhs.mentor, rhs.reason)
    }
}
