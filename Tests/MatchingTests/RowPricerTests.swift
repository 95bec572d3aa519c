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

    @Test(
        "Rows with slacks, a kept proposal, forbidden pairs, known pairs and subsets of mentors give the lists a sort by hand gives (300 seeded rows)"
    )
    func agreesWithSortedRows() {
        for seed in 0..<300 {
            var random = SeededGenerator(seed: UInt64(seed))
            let mentors = Int.random(in: 1...1_500, using: &random)
            // Half the rows spread over thousands of units, half over a few dozen (ties at the
            // threshold everywhere); huge slacks for mentors without places.
            let spread = Bool.random(using: &random) ? 30 : 3_000
            let slack = (0..<mentors).map { _ in
                Int.random(in: 0..<8, using: &random) == 0
                    ? Int64.max / 2 : Int64.random(in: Int64(-spread)...Int64(spread), using: &random)
            }
            let terms = _PricingTerms(
                slack: slack, lowest: Int64.random(in: -50...50, using: &random),
                scale: [1, 1, 7].randomElement(using: &random)!,
                offset: Int64.random(in: -1 << 33...1 << 33, using: &random),
                keepBonus: Int64.random(in: 0...500, using: &random), limit: Int.random(in: 1...12, using: &random))
            let subset: [Int32]? =
                Bool.random(using: &random) ? (0..<Int32(mentors)).filter { _ in Bool.random(using: &random) } : nil
            let columns = subset?.count ?? mentors
            let scores = (0..<max(1, columns)).map { _ in Int32.random(in: -20...Int32(spread), using: &random) }
            var forbidden = [UInt64](repeating: 0, count: max(1, (columns + 63) / 64))
            for column in 0..<columns where Int.random(in: 0..<6, using: &random) == 0 {
                forbidden[column >> 6] |= 1 << UInt64(column & 63)
            }
            let kept = Bool.random(using: &random) ? Int.random(in: 0..<mentors, using: &random) : -1
            let candidates = (0..<mentors).filter { _ in Int.random(in: 0..<10, using: &random) == 0 }
            let potential = Int64.random(in: Int64(-spread)...Int64(spread), using: &random) &- terms.offset
            // Some pairs are known before the read, with mentors among the
            // columns (at the scores the row holds) and, for a partial row,
            // outside them; a partial row bounds the pairs it neither reads nor knows.
            let columnOf = Dictionary(
                uniqueKeysWithValues: (subset ?? (0..<Int32(mentors)).map { $0 }).enumerated().map { ($1, $0) })
            func isForbidden(_ column: Int) -> Bool { forbidden[column >> 6] >> UInt64(column & 63) & 1 == 1 }
            let known = (0..<Int32(mentors)).filter { mentor in
                guard Int.random(in: 0..<4, using: &random) == 0 else { return false }
                return columnOf[mentor].map { !isForbidden($0) } ?? (subset != nil)
            }.shuffled(using: &random)
            let knownScores = known.map { mentor in
                columnOf[mentor].map { scores[$0] } ?? Int32.random(in: -20...Int32(spread), using: &random)
            }
            let unreadBound = Int64.random(in: -5_000...5_000, using: &random) &+ terms.offset
            var pricer = _RowPricer(terms)
            pricer.useColumns(subset)
            scores.withUnsafeBufferPointer { scores in
                forbidden.withUnsafeBufferPointer { words in
                    let row = ScoreRow(
                        mentee: 0, mentors: columns, scores: scores.baseAddress!, forbidden: words.baseAddress!)
                    let partial = subset.map { _PartialRow(mentorOfColumn: $0, unreadBound: unreadBound) }
                    pricer.read(
                        row, potential: potential, kept: kept, candidates: candidates,
                        known: (known[...], knownScores[...]), partial: partial)
                }
            }
            // By hand: every eligible pair outside the candidates, keyed by worth less slack.
            var pairs: [(key: Int64, mentor: Int, score: Int32)] = []
            func offer(_ mentor: Int, _ score: Int32) {
                guard Int64(score) >= terms.lowest, !candidates.contains(mentor) else { return }
                let key =
                    Int64(score) * terms.scale + terms.offset + (mentor == kept ? terms.keepBonus : 0) - slack[mentor]
                pairs.append((key, mentor, score))
            }
            for column in 0..<columns where !isForbidden(column) {
                offer(subset.map { Int($0[column]) } ?? column, scores[column])
            }
            for (mentor, score) in zip(known, knownScores) where columnOf[mentor] == nil { offer(Int(mentor), score) }
            pairs.sort { $0.key > $1.key || ($0.key == $1.key && $0.mentor < $1.mentor) }
            let improving = min(terms.limit, pairs.prefix { $0.key + potential > 0 }.count)
            let runners = min(pairs.count - improving, _PricingMemory.runnersUp)
            #expect(pricer.improving.map { Int($0.item) } == pairs[..<improving].map(\.mentor), "seed \(seed)")
            #expect(
                pricer.runners.map { Int($0.item) } == pairs[improving..<improving + runners].map(\.mentor),
                "seed \(seed)")
            let left = improving + runners < pairs.count ? pairs[improving + runners].key : .min
            #expect(pricer.bound == max(left, subset == nil ? .min : unreadBound), "seed \(seed)")
        }
    }
}
