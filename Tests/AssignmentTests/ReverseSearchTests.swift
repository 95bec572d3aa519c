import Testing

@testable import Assignment

/// The warm start's reverse search (ShortestAugmentingPath+SparseWarmStart)
/// on a plateau of ties: it stops at its first end, not after everything as
/// near as that end.
@Suite struct ReverseSearchTests {
    @Test("a deficient column on a plateau of equal reduced costs is repaired without sweeping the plateau")
    func stopsAtTheTie() throws {
        // Every row may take every column at cost 0. The warm start holds
        // column 0 at potential −5 with no row (deficient) and every other
        // column at 0 with one row: each row reaches column 0 at 5, which is
        // also what raising column 0 to 0 costs, so the search ends there.
        let size = 40
        let pairs = (0..<size).map { _ in (0...size).map { (column: $0, value: Int64(0)) } }
        let problem = try SparseAssignmentProblem(
            SparseCostMatrix(rows: size, columns: size + 1, pairs: pairs),
            capacities: [Int](repeating: 1, count: size + 1))
        let warmStart = WarmStart<Int64>(
            columnPotentials: [-5] + [Int64](repeating: 0, count: size), columnForRow: (0..<size).map { $0 + 1 })
        let solution = problem._costs._withBuffers { pairs in
            let workspace = _SparseWorkspace(problem, pairs: pairs, warmStart: warmStart)
            #expect(workspace.repairDeficientColumns(within: nil))
            // Only column 0's own pairs were relaxed: settling the plateau would
            // have relaxed every column's (41 × 40 pairs).
            #expect(workspace.relaxedPairs == size)
            #expect(workspace.v[0] == 0)
            #expect(workspace.load[0] == 0)
            return workspace.solution(for: problem)
        }
        #expect(solution.objective == 0)
        #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal)
    }
}
