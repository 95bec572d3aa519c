/// Every mentee–mentor score of a cohort, as whole numbers of the policy's
/// resolution, and the forbidden pairs.
///
/// Rows are mentees and columns mentors, in ``Cohort`` order. A score of a
/// forbidden pair is meaningless (it is 0); read ``forbidden`` first.
public struct ScoreMatrix: Sendable {
    public let mentees: Int
    public let mentors: Int
    /// Row-major scores in units of `resolution` points.
    public internal(set) var scores: [Int32]
    public internal(set) var forbidden: ForbiddenMask
    /// Points per unit.
    public let resolution: Double

    /// The pair's score in units, or `nil` when the pair is forbidden.
    public func score(mentee: Int, mentor: Int) -> Int32? {
        forbidden[mentee, mentor] ? nil : scores[mentee * mentors + mentor]
    }
}
