/// How many scores a pass over a row tests at once before looking at them
/// one by one (``_chunkMayReach(_:_:_:)``).
let _scoreChunk = 16

/// Whether any of the `_scoreChunk` scores from `scores` reaches `floor` or
/// its own entry of `floors`: the one test a pass keeping each row's and
/// each mentor's best scores (scoring's digest) makes on a chunk of a row,
/// and skips the chunk when it fails.
///
/// Almost every pair loses on both sides once the lists are full (about
/// 400 of a 32,000-mentor row reach either list), yet the pair-by-pair loop,
/// with its branches, ran scalar: its two comparisons and their branch cost
/// more than scoring the pair did (the digest's loop was a fifth of the
/// 68,000 × 32,000 round's scoring samples, more than the GEMM). Sixteen
/// scores compared against both floors as vectors, one branch per chunk,
/// leave the pair-by-pair loop to the few chunks that hold a winner.
/// A floor is a list's threshold clamped into `Int32`: every score above
/// the threshold reaches it, so a chunk this skips holds no winner.
@inline(__always)
func _chunkMayReach(_ scores: UnsafePointer<Int32>, _ floor: Int32, _ floors: UnsafePointer<Int32>) -> Bool {
    // A plain loop of selects and ors, which LLVM turns into vector
    // compares; Swift's `SIMD16` comparisons built their mask lane by lane
    // through the stack (the digest's pass took 20 s instead of 13.5).
    var reaches: Int32 = 0
    for lane in 0..<_scoreChunk {
        reaches |= (scores[lane] >= floor ? 1 : 0) | (scores[lane] >= floors[lane] ? 1 : 0)
    }
    return reaches != 0
}

/// Whether any of the `_scoreChunk` pairs from `scores` may reach a pricing
/// list: its score times `scale` less its column's slack at least `floor`
/// (the list's threshold less the values' offset). Pricing's test of a chunk
/// of a row (``_RowPricer``), which skips the chunk when it fails.
///
/// In `Double`, which the baseline x86-64 build compares as vectors (it has
/// no 64-bit integer compare). Exact when `|floor| < 2⁵²` and a score times
/// the scale stays below 2⁵⁰ (scores below 2³⁰, scales below 2²⁰; the
/// caller checks both): a lane whose slack is below 2⁵³ is computed exactly
/// (whole numbers below 2⁵³ are), and one whose slack is larger (a mentor
/// without places has about 2⁶²) lies below −2⁵², under the floor, whether
/// rounded or not.
@inline(__always)
func _chunkMayImprove(
    _ scores: UnsafePointer<Int32>, _ slack: UnsafePointer<Double>, scale: Double, floor: Double
) -> Bool {
    var reaches: Int32 = 0
    for lane in 0..<_scoreChunk { reaches |= Double(scores[lane]) * scale - slack[lane] >= floor ? 1 : 0 }
    return reaches != 0
}
