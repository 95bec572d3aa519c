/// Whether a round keeps every pair's score in memory (``ScoreMatrix``) or
/// computes them again, a block of mentees at a time, for each pass over
/// them (``StreamedScores``).
///
/// Stored scores cost 4 bytes and a bit a pair and make each pass a read of
/// memory; streamed ones cost a few blocks and make each pass a BLAS product.
public enum ScoreStorage: String, Sendable, CaseIterable {
    /// Stored up to ``automaticLimitBytes``, streamed beyond.
    case automatic = "auto"
    /// Always stored.
    case stored
    /// Always streamed.
    case streamed

    /// The largest matrix ``automatic`` stores.
    public static let automaticLimitBytes = 1 << 30

    /// The bytes a stored matrix of this size takes.
    public static func storedBytes(mentees: Int, mentors: Int) -> Int {
        mentees * (mentors * 4 + (mentors + 63) / 64 * 8)
    }

    /// Whether a cohort of this size has its scores stored.
    public func stores(mentees: Int, mentors: Int) -> Bool {
        switch self {
        case .stored: true
        case .streamed: false
        case .automatic: Self.storedBytes(mentees: mentees, mentors: mentors) <= Self.automaticLimitBytes
        }
    }
}
