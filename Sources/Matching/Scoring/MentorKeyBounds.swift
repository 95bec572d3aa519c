import Synchronization

/// Each mentor's lowest kept key in the full lists of the parts of
/// scoring's pass done so far, shared by the threads of one process
/// (``_ThreadedPasses``): a part that starts from them
/// (``_ScoreDigest/Builder/seed(lowerBounds:)``) offers its mentors only
/// entries that can still end in their lists.
///
/// A mentor's list keeps the entries of highest key over every mentee,
/// so over more mentees it ends no lower: the lowest key of any part's full
/// list bounds the whole pass's from below, and a part may refuse every
/// key under it. Without this each part of a pass (8 on two cores) starts
/// every mentor's list empty, and a mentee row offered about 250 entries to
/// mentors' lists at 34,000 × 16,000 (counted), each a cache miss on a list
/// far from the last. Which parts finish first changes only how much a
/// part refuses, never the merged lists.
///
/// Measured (release, this 2-core machine, `tandem validate` on a generated
/// 68,000 × 32,000 cohort under `perf record`): the digest's samples 2,596
/// → 1,939 of 11,896 → 11,489 in all (the first two parts, started
/// together, still start empty); the wall time within this machine's noise
/// (14.95 and 14.43 s → 14.81 and 14.09 s).
final class _MentorKeyBounds: Sendable {
    private let bounds: Mutex<[Int64]>

    init(mentors: Int) {
        bounds = Mutex([Int64](repeating: .min, count: mentors))
    }

    /// The bounds so far.
    var current: [Int64] { bounds.withLock { $0 } }

    /// Raises each mentor's bound to a finished part's lowest kept key of a
    /// full list (`Int64.min`: not full, no bound).
    func raise(to keys: [Int64]) {
        bounds.withLock { bounds in
            for (mentor, key) in keys.enumerated() where key > bounds[mentor] { bounds[mentor] = key }
        }
    }
}
