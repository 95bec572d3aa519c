import Testing
import _TandemUtilities

@testable import Matching

/// Pricing's reading of one row: the improving pairs a pass adds, the
/// runners-up it remembers and the bound on the rest, against the same
/// figures taken from the row sorted by hand.
@Suite struct RowPricerTests {
    /// Reads `scores` (none forbidden) with every slack 0 and the limit given.
    static func read(
        _ scores: [Int32], potential: Int64, limit: Int, candidates: [Int] = []
    ) -> _RowPricer {
        let terms = _PricingTerms(
            slack: [Int64](repeating: 0, count: scores.count), lowest: 0, scale: 1, offset: 0, keepBonus: 0,
            limit: limit)
        var pricer = _RowPricer(terms)
        let forbidden = [UInt64](repeating: 0, count: (scores.count + 63) / 64)
        scores.withUnsafeBufferPointer { scores in
            forbidden.withUnsafeBufferPointer { forbidden in
                let row = ScoreRow(
                    mentee: 0, mentors: scores.count, scores: scores.baseAddress!, forbidden: forbidden.baseAddress!)
                pricer.read(row, potential: potential, kept: -1, candidates: candidates)
            }
        }
        return pricer
    }

    @Test("Pairs that improve beyond the limit are runners-up, and the bound lies below every improving pair")
    func overflowIsRemembered() {
        // Five pairs improve (score above 25); the pass adds the best two.
        let pricer = Self.read([50, 10, 40, 30, 20, 35, 5, 45], potential: -25, limit: 2)
        #expect(pricer.improving.map(\.item) == [0, 7])
        #expect(pricer.runners.map(\.item) == [2, 5, 3, 4, 1, 6])
        // Every pair of the row is kept: nothing is left to bound.
        #expect(pricer.bound == .min)
    }

    @Test(
        "A full list bounds the rest by the best pair it left out; candidates are skipped; ties go to the lower mentor")
    func fullListBound() {
        var random = SeededGenerator(seed: 11)
        for limit in [1, 3, 10] {
            let scores = (0..<200).map { _ in Int32.random(in: 0..<60, using: &random) }
            let candidates = [4, 17, 90]
            let potential: Int64 = -40
            let pricer = Self.read(scores, potential: potential, limit: limit, candidates: candidates)
            let ranked = scores.indices.filter { !candidates.contains($0) }
                .sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            let improving = min(limit, ranked.prefix { Int64(scores[$0]) + potential > 0 }.count)
            let runners = _PricingMemory.runnersUp
            #expect(pricer.improving.map { Int($0.item) } == Array(ranked[..<improving]), "limit \(limit)")
            #expect(
                pricer.runners.map { Int($0.item) } == Array(ranked[improving..<improving + runners]), "limit \(limit)")
            // The bound holds every pair not kept, and is no looser than the best of them.
            #expect(pricer.bound == Int64(scores[ranked[improving + runners]]), "limit \(limit)")
        }
    }
}
