import TestSupport
import Testing
import _TandemUtilities

@testable import Assignment

/// The phases that place many of the auction's free rows at once: the same
/// optimum as brute force and a cold start, certified, whether they run to
/// the end or hand the last rows to a search each.
@Suite struct SparsePhasesTests {
    /// A solver that starts from the auction on problems of any size and
    /// runs phases until `end` rows are left free.
    static func withPhases(until end: Int, after searchBlock: Int = 0) -> ShortestAugmentingPath {
        var solver = SparseAuctionTests.withAuction
        solver._phases = _PhasePolicy(searchBlock: searchBlock, end: end)
        return solver
    }

    @Test("agrees with brute force on 2,000 seeded small problems, phases to the end")
    func bruteForce() {
        forEverySeed(80_000..<82_000) { seed, random in
            let problem = SparseAuctionTests.problem(
                rows: Int.random(in: 1...7, using: &random), columns: Int.random(in: 1...8, using: &random),
                density: Int.random(in: 30...100, using: &random), values: -3...3, &random)
            let expected = BruteForceAssignment.solve(SparseSolverTests.dense(problem))
            guard let solution = try? Self.withPhases(until: 0).solve(problem) else {
                #expect(expected == nil, "seed \(seed): threw, but \(String(describing: expected)) exists")
                return
            }
            #expect(solution.objectiveWithUnassigned == expected?.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
        }
    }

    @Test("agrees with one search per row on larger problems full of ties, whenever the phases stop")
    func searchAgreement() {
        var placedByPhases = 0
        forEverySeed(90_000..<90_030) { seed, random in
            let rows = Int.random(in: 150...400, using: &random)
            let problem = SparseAuctionTests.problem(
                rows: rows, columns: Int.random(in: rows / 2...rows * 2, using: &random),
                density: Int.random(in: 1...10, using: &random),
                values: Bool.random(using: &random) ? -3...3 : -1_000...1_000, &random)
            var searchesOnly = SparseAuctionTests.withAuction
            searchesOnly._phases = _PhasePolicy(searchBlock: .max, end: 0)
            let searches = try? searchesOnly.solve(problem)
            // Phases from the start, or after blocks of 2 searches (when those relax half the pairs).
            for (end, block) in [(0, 0), (5, 0), (50, 0), (0, 2)] {
                let phased = try? Self.withPhases(until: end, after: block).solve(problem)
                #expect(
                    phased?.objectiveWithUnassigned == searches?.objectiveWithUnassigned,
                    "seed \(seed), \(end), \(block)")
                if let phased {
                    #expect(
                        OptimalityCertificate.verify(problem: problem, solution: phased).isOptimal,
                        "seed \(seed), \(end), \(block)")
                }
            }
            // Count the rows the phases place, so the test cannot pass with phases that never run.
            guard let start = SparseAuctionTests.auctionStart(problem) else { return }
            placedByPhases += problem._costs._withBuffers { pairs in
                let workspace = _SparseWorkspace(problem, pairs: pairs, warmStart: start)
                let free = workspace.reduceFreeRows().sorted().filter {
                    workspace.columnOfRow[$0] == _SparseWorkspace<Int64>.free
                }
                return free.count - workspace.augmentInPhases(free, until: 0).count
            }
        }
        #expect(placedByPhases > 500, "the phases placed only \(placedByPhases) rows")
    }
}
