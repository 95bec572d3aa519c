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

    /// Runs `body` on one mentee's scores and forbidden bits (mentor m is
    /// bit m % 64 of word m / 64) without copying, for loops over whole rows.
    @inline(__always)
    func withRow<Result>(_ mentee: Int, _ body: (UnsafePointer<Int32>, UnsafePointer<UInt64>) -> Result) -> Result {
        scores.withUnsafeBufferPointer { scores in
            forbidden.words.withUnsafeBufferPointer { words in
                body(scores.baseAddress! + mentee * mentors, words.baseAddress! + mentee * forbidden.wordsPerRow)
            }
        }
    }
}

/// Whether mentor `m` is forbidden in a row's bits from ``ScoreMatrix/withRow(_:_:)``.
@inline(__always)
func _isForbidden(_ bits: UnsafePointer<UInt64>, _ mentor: Int) -> Bool {
    bits[mentor >> 6] >> UInt64(mentor & 63) & 1 == 1
}
