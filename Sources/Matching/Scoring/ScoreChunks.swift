/// How many scores a pass over a row tests at once before looking at them
/// one by one (``_chunkMayReach(_:_:_:largest:)``).
let _scoreChunk = 16

/// Whether any of the `_scoreChunk` scores from `scores` reaches `floor` or
/// its own entry of `floors`: the one test a pass keeping each row's and
/// each mentor's best scores (scoring's digest) makes on a chunk of a row,
/// and skips the chunk when it fails. `largest` is raised to the chunk's
/// largest score magnitude on the way (scoring's pass needs the largest of
/// all: a second sweep over each row for it was 7 % of the scoring step's
/// samples at 140,000 × 60,000; without it the step took 9.0–9.1 s against
/// 9.0–9.2 s, two runs each, within this machine's noise).
///
/// Almost every pair loses on both sides once the lists are full (about
/// 400 of a 32,000-mentor row reach either list), yet the pair-by-pair loop,
/// with its branches, ran scalar: its two comparisons and their branch cost
/// more than scoring the pair did (the digest's loop was a fifth of the
/// 68,000 × 32,000 round's scoring samples, more than the GEMM). Sixteen
/// scores compared against both floors as vectors, one branch per chunk,
/// leave the pair-by-pair loop to the few chunks that hold a winner.
/// A floor is the lowest score a list takes
/// (`_ScoreDigest.Builder.floor(above:)`), so a chunk this skips holds no
/// winner.
@inline(__always)
func _chunkMayReach(
    _ scores: UnsafePointer<Int32>, _ floor: Int32, _ floors: UnsafePointer<Int32>, largest: inout UInt32
) -> Bool {
    // A plain loop of selects and ors, which LLVM turns into vector
    // compares; Swift's `SIMD16` comparisons built their mask lane by lane
    // through the stack (the digest's pass took 20 s instead of 13.5).
    var reaches: Int32 = 0
    var magnitude = largest
    for lane in 0..<_scoreChunk {
        reaches |= (scores[lane] >= floor ? 1 : 0) | (scores[lane] >= floors[lane] ? 1 : 0)
        magnitude = max(magnitude, scores[lane].magnitude)
    }
    largest = magnitude
    return reaches != 0
}

/// Whether any of the `_scoreChunk` pairs from `scores` may reach a pricing
/// list: its score less its column's slack at least `floor`, where each
/// slack is the mentor's less the least of all, capped at 2³⁰, and `floor`
/// is the list's threshold less the values' offset plus that least slack,
/// clamped into `Int32`. Pricing's test of a chunk of a row (``_RowPricer``),
/// which skips the chunk when it fails.
///
/// Never refuses a chunk holding a pair that reaches the list: a slack
/// reduced by the least is never negative, capping it only lowers it, and
/// clamping the floor into `Int32` lowers it unless no score could reach it
/// anyway; a score far below zero may wrap to pass, a false alarm the pair
/// by pair loop then refuses. In `Int32` so that the loop compiles to
/// vector compares in the baseline x86-64 build, as the digest's test does:
/// the first version compared in `Double`, which that build left scalar, a
/// branch a pair, and pricing's reads were still 17 % of the 100,000 ×
/// 50,000 round's samples.
@inline(__always)
func _chunkMayImprove(_ scores: UnsafePointer<Int32>, _ slack: UnsafePointer<Int32>, floor: Int32) -> Bool {
    // A maximum, not an or of comparisons: LLVM turned the or into a search
    // for the first lane that passes, a branch a lane.
    var highest = Int32.min
    for lane in 0..<_scoreChunk { highest = max(highest, scores[lane] &- slack[lane]) }
    return highest >= floor
}

/// Whether any of the `_scoreChunk` scores from `scores` is above `bar`:
/// the answer's details' test of a chunk of a matched mentee's row, which
/// counts and audits only the mentors scoring above the mentee's own pair
/// (``_DetailReader``) and skips the chunk when it fails. A maximum, as in
/// ``_chunkMayImprove(_:_:floor:)``, so that it compiles to vector compares.
@inline(__always)
func _chunkHasAbove(_ scores: UnsafePointer<Int32>, _ bar: Int32) -> Bool {
    var highest = Int32.min
    for lane in 0..<_scoreChunk { highest = max(highest, scores[lane]) }
    return highest > bar
}
