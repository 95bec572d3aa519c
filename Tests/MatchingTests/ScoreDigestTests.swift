import Testing
import _TandemUtilities

@testable import Matching

/// Scoring's digest, built row by row with its chunk test and floors,
/// against the same lists sorted by hand.
@Suite struct ScoreDigestTests {
    /// Rows of scores (one a mentee) and their forbidden pairs.
    struct Rows {
        var scores: [[Int32]]
        var forbidden: [[Bool]]

        /// Row `mentee` as a ``ScoreRow``, for `body`.
        func withRow<Result>(_ mentee: Int, _ body: (ScoreRow) -> Result) -> Result {
            let mentors = scores[mentee].count
            let words = (0..<(mentors + 63) / 64).map { word in
                (0..<64).reduce(UInt64(0)) { bits, bit in
                    let mentor = word * 64 + bit
                    return mentor < mentors && forbidden[mentee][mentor] ? bits | 1 << UInt64(bit) : bits
                }
            }
            return scores[mentee].withUnsafeBufferPointer { scores in
                words.withUnsafeBufferPointer { words in
                    body(
                        ScoreRow(
                            mentee: mentee, mentors: mentors, scores: scores.baseAddress!, forbidden: words.baseAddress!
                        ))
                }
            }
        }
    }

    /// Seeded rows whose scores spread over a few units (ties at every
    /// threshold) or the whole of `Int32` (the floors' edges), with
    /// forbidden pairs among them.
    static func rows(mentees: Int, mentors: Int, random: inout SeededGenerator) -> Rows {
        let range: ClosedRange<Int32> =
            switch Int.random(in: 0..<3, using: &random) {
            case 0: -3...4
            case 1: -2_000...2_000
            default: .min ... .max
            }
        var rows = Rows(scores: [], forbidden: [])
        for _ in 0..<mentees {
            rows.scores.append((0..<mentors).map { _ in Int32.random(in: range, using: &random) })
            rows.forbidden.append((0..<mentors).map { _ in Int.random(in: 0..<7, using: &random) == 0 })
        }
        return rows
    }

    @Test(
        "Each mentee's list, its bound, each mentor's list and each row's largest magnitude equal a sort by hand (150 seeded cohorts up to 700 mentors, some without places, with and without a minimum)"
    )
    func agreesWithSortedRows() {
        for seed in UInt64(0)..<150 {
            var random = SeededGenerator(seed: seed)
            let mentees = Int.random(in: 1...40, using: &random)
            let mentors = Int.random(in: 1...700, using: &random)
            let places = (0..<mentors).map { _ in
                Int.random(in: 0..<5, using: &random) == 0 ? 0 : Int.random(in: 1...3, using: &random)
            }
            let rows = Self.rows(mentees: mentees, mentors: mentors, random: &random)
            let minimum: Int64? = Bool.random(using: &random) ? Int64(rows.scores[0][0]) : nil
            var builder = _ScoreDigest.Builder(places: places, minimum: minimum)
            for mentee in 0..<mentees {
                let largest = rows.withRow(mentee) { builder.add($0) }
                #expect(largest == rows.scores[mentee].map(\.magnitude).max(), "seed \(seed)")
            }
            let digest = builder.finish(minimum: minimum)
            func eligible(_ mentee: Int, _ mentor: Int) -> Bool {
                places[mentor] > 0 && !rows.forbidden[mentee][mentor]
                    && Int64(rows.scores[mentee][mentor]) >= (minimum ?? .min)
            }
            for mentee in 0..<mentees {
                let ranked = (0..<mentors).filter { eligible(mentee, $0) }
                    .sorted { (rows.scores[mentee][$0], -$0) > (rows.scores[mentee][$1], -$1) }
                let kept = ranked.prefix(_ScoreDigest.perMentee)
                let listed = digest.mentors(of: mentee)
                #expect(listed.mentors.map(Int.init) == kept.sorted(), "seed \(seed), mentee \(mentee)")
                #expect(listed.scores.map { $0 } == kept.sorted().map { rows.scores[mentee][$0] })
                let bound = kept.count == _ScoreDigest.perMentee ? Int64(rows.scores[mentee][kept.last!]) : .min
                #expect(digest.leftOutBound[mentee] == bound, "seed \(seed), mentee \(mentee)")
            }
            for mentor in 0..<mentors {
                let ranked = (0..<mentees).filter { eligible($0, mentor) }
                    .sorted { (rows.scores[$0][mentor], -$0) > (rows.scores[$1][mentor], -$1) }
                let kept = ranked.prefix(places[mentor] * _ScoreDigest.perPlace).sorted()
                #expect(digest.mentees(of: mentor).mentees.map(Int.init) == kept, "seed \(seed), mentor \(mentor)")
            }
        }
    }
}
