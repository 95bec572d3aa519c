import Assignment
import Testing
import TestSupport

@Suite struct ShortestAugmentingPathTests {
    @Test("a 2×2 problem takes the cheaper diagonal")
    func twoByTwo() throws {
        let problem = try AssignmentProblem(try CostMatrix<Int64>(rows: 2, columns: 2, values: [4, 1, 2, 8]))
        let solution = try ShortestAugmentingPath().solve(problem)
        #expect(solution.columnForRow == [1, 0])
        #expect(solution.objective == 3)
        #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal)
    }
}
