import Assignment
import Testing

@testable import Matching

/// A score source that stores nothing it lends: it copies each block of
/// rows out of a matrix into a scratch buffer, a few rows at a time, as a
/// source that recomputes its blocks would.
struct BlockByBlockScores: ScoreSource {
    let matrix: ScoreMatrix
    let rowsPerBlock: Int

    var mentees: Int { matrix.mentees }
    var mentors: Int { matrix.mentors }

    func forEachBlock(in rows: Range<Int>, _ body: (ScoreBlock) -> Void) {
        var first = rows.lowerBound
        while first < rows.upperBound {
            let count = min(rowsPerBlock, rows.upperBound - first)
            let words = (mentors + 63) / 64
            var scores = [Int32](repeating: 0, count: max(1, count * mentors))
            var bits = [UInt64](repeating: 0, count: max(1, count * words))
            matrix.forEachBlock(in: first..<first + count) { block in
                for offset in 0..<count {
                    let row = block.row(offset)
                    for mentor in 0..<mentors {
                        scores[offset * mentors + mentor] = row[mentor]
                        if row.isForbidden(mentor) { bits[offset * words + mentor / 64] |= 1 << UInt64(mentor % 64) }
                    }
                }
            }
            scores.withUnsafeBufferPointer { scores in
                bits.withUnsafeBufferPointer { bits in
                    body(
                        ScoreBlock(
                            firstMentee: first, count: count, mentors: mentors, scores: scores.baseAddress!,
                            forbidden: bits.baseAddress!, wordsPerRow: words))
                }
            }
            first += count
        }
    }
}

@Suite struct ScoreSourceTests {
    @Test(
        "Rounds read through a source that lends its rows a few at a time and stores none agree with the stored matrix, under every objective and the fairness floor"
    )
    func blockByBlockAgrees() throws {
        var checked = 0
        for seed in UInt64(300)..<312 {
            let check = try Fixtures.generated(
                mentees: 40 + Int(seed % 4) * 10, mentors: 15 + Int(seed % 3) * 5, topics: 12, seed: seed
            ) { policy in
                policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
                policy.matching.fairness = seed % 3 == 0 ? .none : .floor
                policy.matching.slotDiscount = seed % 4 == 0 ? 1.5 : 0
            }
            let matrix = try #require(check.scores as? ScoreMatrix)
            let streamed = BlockByBlockScores(matrix: matrix, rowsPerBlock: 7)
            #expect(streamed.withEveryRow { _ in true } == nil)
            let capacities = check.cohort.mentors.map(\.capacity)
            let stored = _RoundSolver(scores: matrix, policy: check.cohort.policy, capacities: capacities).solve()
            let other = _RoundSolver(scores: streamed, policy: check.cohort.policy, capacities: capacities).solve()
            #expect(other.mentorOfMentee == stored.mentorOfMentee, "seed \(seed)")
            #expect(other.floor == stored.floor, "seed \(seed)")
            #expect(other.solution.objectiveWithUnassigned == stored.solution.objectiveWithUnassigned, "seed \(seed)")
            let report = other.certify()
            #expect(report.isOptimal, "seed \(seed): \(report)")
            if stored.floor != nil { checked += 1 }
        }
        #expect(checked >= 5, "the floor was set in \(checked) of 12 rounds")
    }
}
