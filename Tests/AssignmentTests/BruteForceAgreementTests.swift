import Assignment
import TestSupport
import Testing

@Suite struct BruteForceAgreementTests {
    /// Solves, checks the certificate, and compares with the exhaustive optimum.
    static func check(_ problem: AssignmentProblem<Int64>, seed: UInt64) throws {
        let expected = BruteForceAssignment.solve(problem)
        let solution: AssignmentSolution<Int64>
        do {
            solution = try ShortestAugmentingPath().solve(problem)
        } catch {
            #expect(
                expected == nil,
                "seed \(seed): solver threw \(error) but brute force found \(String(describing: expected))")
            return
        }
        guard let expected else {
            Issue.record("seed \(seed): solver answered but no feasible assignment exists")
            return
        }
        let report = OptimalityCertificate.verify(problem: problem, solution: solution)
        #expect(report.isOptimal, "seed \(seed): \(report)")
        let assigned = solution.columnForRow.compactMap { $0 }.count
        switch problem.unassignedRows {
        case .maximumCardinality:
            #expect(assigned == expected.assignedCount, "seed \(seed)")
            #expect(solution.objective == expected.objective, "seed \(seed): \(solution.objective) vs \(expected)")
        case .allowed, .forbidden:
            #expect(
                solution.objectiveWithUnassigned == expected.objectiveWithUnassigned,
                "seed \(seed): \(solution.objectiveWithUnassigned) vs \(expected)")
        }
    }

    @Test(
        "agrees with brute force on 3,000 seeded problems with ties, negatives, forbidden pairs, capacities and thresholds"
    )
    func randomSmallProblems() throws {
        try forEverySeed(0..<3000) { seed, random in
            try Self.check(RandomProblemShape().makeProblem(&random), seed: seed)
        }
    }

    @Test("agrees with brute force with locks on 1,000 seeded problems")
    func randomProblemsWithLocks() throws {
        var shape = RandomProblemShape()
        shape.lockPercent = 30
        try forEverySeed(10_000..<11_000) { seed, random in
            try Self.check(shape.makeProblem(&random), seed: seed)
        }
    }

    @Test("agrees with brute force on tall problems (more rows than slots), up to 8 rows")
    func tallProblems() throws {
        var shape = RandomProblemShape()
        shape.maxRows = 8
        shape.maxColumns = 3
        shape.maxCapacity = 3
        try forEverySeed(20_000..<20_400) { seed, random in
            try Self.check(shape.makeProblem(&random), seed: seed)
        }
    }

    @Test("agrees with brute force on 8×8 problems with unit capacities")
    func squareEightByEight() throws {
        var shape = RandomProblemShape()
        shape.maxRows = 8
        shape.maxColumns = 8
        shape.maxCapacity = 1
        shape.allowUnassigned = false
        try forEverySeed(30_000..<30_040) { seed, random in
            try Self.check(shape.makeProblem(&random), seed: seed)
        }
    }

    @Test("requiring every row placed throws infeasible exactly when brute force finds no complete assignment")
    func requiredCompleteness() throws {
        try forEverySeed(40_000..<41_000) { seed, random in
            let base = RandomProblemShape().makeProblem(&random)
            let problem = try AssignmentProblem(
                base.matrix, sense: base.sense, capacities: base.capacities,
                locks: base.locks, unassignedRows: .forbidden)
            try Self.check(problem, seed: seed)
        }
    }
}
