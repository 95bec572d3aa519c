import TestSupport
import Testing
import _TandemUtilities

@testable import Assignment

/// Warm starts whose searches give way to a fresh solve: the same optimum,
/// certified, and of the duals optimal for the fresh assignment the greatest
/// below the warm start's (checked by tight paths, not by the solver's own
/// shortest paths).
@Suite struct SparseFreshStartTests {
    /// A solver that solves afresh as soon as a warm search relaxes a pair,
    /// with the auction on problems of any size.
    static var alwaysFresh: ShortestAugmentingPath {
        var solver = SparseAuctionTests.withAuction
        solver._freshStartPairsFactor = 0
        return solver
    }

    /// The problem with each pair dropped at `percent` percent: an earlier,
    /// smaller candidate set to warm-start the whole one from.
    static func thinned(
        _ problem: SparseAssignmentProblem<Int64>, dropping percent: Int, _ random: inout SeededGenerator
    ) -> SparseAssignmentProblem<Int64> {
        let matrix = problem.matrix
        let pairs = (0..<matrix.rows).map { row in
            (matrix.rowStart[row]..<matrix.rowStart[row + 1]).compactMap { position -> (column: Int, value: Int64)? in
                Int.random(in: 0..<100, using: &random) < percent
                    ? nil : (Int(matrix.columnIndices[position]), matrix.values[position])
            }
        }
        return try! SparseAssignmentProblem(
            try! SparseCostMatrix(rows: matrix.rows, columns: matrix.columns, pairs: pairs),
            sense: problem.sense, capacities: problem.capacities, unassignedRows: problem.unassignedRows)
    }

    /// Whether the duals are the greatest optimal ones at most `bound`: every
    /// column potential within its bound, and every column with room, at its
    /// bound, or tight with a row left unassigned reaching every other column
    /// through pairs that are tight (a placed row's column to another of its
    /// columns). Any dual solution at most the bound is then at most these
    /// along those paths.
    static func isGreatest(
        _ solution: AssignmentSolution<Int64>, below bound: [Int64], in problem: SparseAssignmentProblem<Int64>
    ) -> Bool {
        let matrix = problem._costs
        let u = solution.duals.rowPotentials, v = solution.duals.columnPotentials
        var rowsOf = [[Int]](repeating: [], count: matrix.columns)
        for (row, column) in solution.columnForRow.enumerated() { if let column { rowsOf[column].append(row) } }
        func tightColumns(of row: Int) -> [Int] {
            (matrix.rowStart[row]..<matrix.rowStart[row + 1]).compactMap { position in
                let column = Int(matrix.columnIndices[position])
                return matrix.values[position] - u[row] - v[column] == 0 ? column : nil
            }
        }
        guard (0..<matrix.columns).allSatisfy({ v[$0] <= bound[$0] }) else { return false }
        var reached = (0..<matrix.columns).map { rowsOf[$0].count < problem.capacities[$0] || v[$0] == bound[$0] }
        for row in 0..<matrix.rows where solution.columnForRow[row] == nil {
            for column in tightColumns(of: row) { reached[column] = true }
        }
        var waiting = (0..<matrix.columns).filter { reached[$0] }
        while let column = waiting.popLast() {
            for row in rowsOf[column] {
                for other in tightColumns(of: row) where !reached[other] {
                    reached[other] = true
                    waiting.append(other)
                }
            }
        }
        return reached.allSatisfy { $0 }
    }

    @Test("solved afresh from a smaller problem's answer: brute force's optimum, certified, on 1,500 seeded problems")
    func bruteForce() {
        var fresh = 0
        forEverySeed(70_000..<71_500) { seed, random in
            let problem = SparseAuctionTests.problem(
                rows: Int.random(in: 1...7, using: &random), columns: Int.random(in: 1...8, using: &random),
                density: Int.random(in: 30...100, using: &random), values: -6...9, &random)
            let earlier = Self.thinned(problem, dropping: 40, &random)
            guard let start = try? ShortestAugmentingPath().solve(earlier) else { return }
            let warm = WarmStart(start)
            let expected = BruteForceAssignment.solve(SparseSolverTests.dense(problem))
            guard let solution = try? Self.alwaysFresh.solve(problem, warmStart: warm) else {
                #expect(expected == nil, "seed \(seed): threw, but \(String(describing: expected)) exists")
                return
            }
            #expect(solution.objectiveWithUnassigned == expected?.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
            // Solved afresh: the cold answer with its duals moved towards the warm start's.
            if let cold = try? Self.alwaysFresh.solve(problem), solution.duals != cold.duals,
                solution == Self.alwaysFresh._optimalDuals(of: cold, near: warm.columnPotentials, in: problem)
            {
                fresh += 1
            }
        }
        #expect(fresh > 300, "only \(fresh) of 1,500 answers were solved afresh with their duals moved")
    }

    @Test("the fresh answer's duals are the greatest optimal ones below the warm start's and above its own")
    func nearestDuals() {
        var moved = 0
        forEverySeed(71_500..<71_560) { seed, random in
            let rows = Int.random(in: 50...300, using: &random)
            let problem = SparseAuctionTests.problem(
                rows: rows, columns: Int.random(in: rows / 2...rows * 2, using: &random),
                density: Int.random(in: 3...20, using: &random),
                values: Bool.random(using: &random) ? -20...20 : -100_000...100_000, &random)
            guard let start = try? ShortestAugmentingPath().solve(Self.thinned(problem, dropping: 30, &random)),
                let fresh = try? SparseAuctionTests.withAuction.solve(problem)
            else { return }
            let target = start.duals.columnPotentials
            let near = Self.alwaysFresh._optimalDuals(of: fresh, near: target, in: problem)
            let largest = target.max() ?? 0
            let bound = zip(target, fresh.duals.columnPotentials).map { max($0 - largest, $1) }
            #expect(near.columnForRow == fresh.columnForRow, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: near).isOptimal, "seed \(seed)")
            #expect(Self.isGreatest(near, below: bound, in: problem), "seed \(seed)")
            #expect(
                zip(near.duals.columnPotentials, fresh.duals.columnPotentials).allSatisfy { $0 >= $1 }, "seed \(seed)")
            if near.duals != fresh.duals { moved += 1 }
            // The solve itself, warm from the smaller answer, ends on the same optimum.
            let solved = try? Self.alwaysFresh.solve(problem, warmStart: WarmStart(start))
            #expect(solved?.objectiveWithUnassigned == fresh.objectiveWithUnassigned, "seed \(seed)")
        }
        #expect(moved > 30, "the duals moved in only \(moved) of 60 problems")
    }
    @Test("the repair's prediction from its ends: exact at the close, near linear with room to spare, steep without")
    func sinkDepletionPrediction() {
        for total in [1, 10, 824, 37_921] {
            for spare in [1, 135, 4_152, 1_000_000] {
                #expect(_SearchBudget.sinkDepletion(searches: total, of: total, spare: spare) == 1)
                var earlier = Double.infinity
                for searches in stride(from: max(1, total / 10), through: total, by: max(1, total / 10)) {
                    let factor = _SearchBudget.sinkDepletion(searches: searches, of: total, spare: spare)
                    // Each later search costs at least what an earlier one did.
                    #expect(factor >= 1 && factor <= earlier)
                    #expect(factor >= Double(total) / Double(searches) * 0.999)
                    earlier = factor
                }
            }
        }
        // With far more room than searches each search costs about the same.
        let roomy = _SearchBudget.sinkDepletion(searches: 100, of: 1_000, spare: 10_000_000)
        #expect(abs(roomy - 10) < 0.01)
        // The counted repairs: 68,000 × 32,000 (22,625 columns, 4,152 spare)
        // and 100,000 × 50,000 (27,215 columns, 135 spare) a tenth through.
        let roomier = _SearchBudget.sinkDepletion(searches: 2_263, of: 22_625, spare: 4_152)
        let fuller = _SearchBudget.sinkDepletion(searches: 2_722, of: 27_215, spare: 135)
        #expect(roomier > 50 && roomier < 70)
        #expect(fuller > 1_500)
        // Only the repair passes its spare room; the larger prediction decides.
        let budget = _SearchBudget(pairs: 200)
        #expect(!budget.isExceeded(relaxed: 1, searches: 100, of: 1_000))
        #expect(budget.isExceeded(relaxed: 1, searches: 100, of: 1_000, spare: 10))
        #expect(!budget.isExceeded(relaxed: 1, searches: 99, of: 1_000, spare: 10))
    }

    @Test(
        "the budget weighs only the searches left: a repair nearly done finishes, one a tenth through that promises more gives way"
    )
    func budgetWeighsWhatIsLeft() {
        let budget = _SearchBudget(pairs: 200)
        // 99 of 100 searches done for 1,000 pairs: the whole is over budget, the last search is not.
        #expect(!budget.isExceeded(relaxed: 1_000, searches: 99, of: 100))
        #expect(!budget.isExceeded(relaxed: 1_000, searches: 100, of: 100, spare: 1))
        // A tenth through, the rest promises 99 times the pairs so far.
        #expect(budget.isExceeded(relaxed: 3, searches: 10, of: 100))
        #expect(!budget.isExceeded(relaxed: 2, searches: 10, of: 100))
    }

    @Test("a warm start leaving more than 30 % of the rows' worth of columns deficient gives way before any repair")
    func hopelessWarmStart() throws {
        let budget = _SearchBudget(pairs: 200)
        #expect(budget.isHopeless(deficientColumns: 301, rows: 1_000))
        #expect(!budget.isHopeless(deficientColumns: 300, rows: 1_000))
        // Every column deficient: the repair relaxes nothing and says so.
        let size = 40
        let pairs = (0..<size).map { row in (0..<size).map { (column: $0, value: Int64(($0 * 7 + row * 3) % 11)) } }
        let problem = try SparseAssignmentProblem(SparseCostMatrix(rows: size, columns: size, pairs: pairs))
        let warmStart = WarmStart<Int64>(
            columnPotentials: [Int64](repeating: -50, count: size - 1) + [0], columnForRow: nil)
        problem._costs._withBuffers { pairs in
            let workspace = _SparseWorkspace(problem, pairs: pairs, warmStart: warmStart)
            #expect(!workspace.repairDeficientColumns(within: budget))
            #expect(workspace.relaxedPairs == 0)
        }
    }
}
