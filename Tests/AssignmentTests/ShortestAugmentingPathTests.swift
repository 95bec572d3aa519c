import Assignment
import TestSupport
import Testing

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

extension ShortestAugmentingPathTests {
    static func solve(
        _ rows: Int, _ columns: Int, _ values: [Int64], sense: AssignmentProblem<Int64>.Sense = .minimize,
        capacities: [Int]? = nil
    ) throws -> (AssignmentProblem<Int64>, AssignmentSolution<Int64>) {
        let problem = try AssignmentProblem(
            try CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: -1),
            sense: sense, capacities: capacities)
        let solution = try ShortestAugmentingPath().solve(problem)
        let report = OptimalityCertificate.verify(problem: problem, solution: solution)
        #expect(report.isOptimal, "\(report)")
        return (problem, solution)
    }

    @Test(
        "degenerate shapes solve to the empty or obvious answer",
        arguments: [
            (0, 0), (0, 3), (3, 0), (1, 1), (1, 5), (5, 1),
        ])
    func degenerateShapes(shape: (Int, Int)) throws {
        let (rows, columns) = shape
        let values = (0..<(rows * columns)).map { Int64($0 % 7) }
        let (_, solution) = try Self.solve(rows, columns, values)
        #expect(solution.columnForRow.compactMap { $0 }.count == min(rows, columns))
        #expect(solution.unassignedRows.count == rows - min(rows, columns))
    }

    @Test("Machol–Wien: c_ij = i·j has the anti-diagonal optimum n(n+1)(n+2)/6", arguments: [1, 2, 5, 17, 60, 200])
    func macholWien(size: Int) throws {
        let values = (0..<(size * size)).map { Int64((($0 / size) + 1) * (($0 % size) + 1)) }
        let (_, solution) = try Self.solve(size, size, values)
        #expect(solution.objective == Int64(size * (size + 1) * (size + 2) / 6))
    }

    @Test("a constant matrix places every row and keeps the certificate exact")
    func constantMatrix() throws {
        let (_, solution) = try Self.solve(
            30, 20, Array(repeating: 5, count: 600), capacities: Array(repeating: 2, count: 20))
        #expect(solution.objective == 150)
        #expect(solution.unassignedRows.isEmpty)
    }

    @Test("all-forbidden rows are listed unassigned and the others placed")
    func allForbiddenRows() throws {
        let values: [Int64] = [-1, -1, -1, 3, 1, 2, -1, -1, -1, 4, 4, 0]
        let (_, solution) = try Self.solve(4, 3, values)
        #expect(solution.unassignedRows == [0, 2])
        #expect(solution.objective == 1)
    }

    @Test("an all-forbidden matrix leaves every row unassigned")
    func allForbidden() throws {
        let (_, solution) = try Self.solve(3, 3, Array(repeating: -1, count: 9))
        #expect(solution.unassignedRows == [0, 1, 2])
        #expect(solution.objective == 0)
    }

    @Test("the maximum-cardinality answer prefers the cheaper of two rows competing for one column")
    func cardinalityThenCost() throws {
        // Both rows only like column 0; row 1 is cheaper there. Forces the
        // unassigned option to take row 0, which a row-by-row skip would get wrong.
        let (_, solution) = try Self.solve(2, 2, [10, -1, 1, -1])
        #expect(solution.columnForRow == [nil, 0])
        #expect(solution.objective == 1)
    }

    @Test("a threshold leaves a row unassigned when every pair scores below it")
    func thresholdLeavesRowUnassigned() throws {
        let problem = try AssignmentProblem(
            try CostMatrix<Int64>(rows: 3, columns: 3, values: [9, 8, 1, 7, 9, 2, 1, 2, 3]),
            sense: .maximize, unassignedRows: .allowed(value: 4))
        let solution = try ShortestAugmentingPath().solve(problem)
        #expect(solution.columnForRow == [0, 1, nil])
        #expect(solution.objective == 18)
        #expect(solution.objectiveWithUnassigned == 22)
        #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal)
    }

    @Test("capacities let one column take several rows without copying it")
    func capacities() throws {
        let (_, solution) = try Self.solve(3, 2, [9, 4, 8, 7, 1, 6], sense: .maximize, capacities: [2, 1])
        #expect(solution.objective == 23)
        #expect(solution.rowsForColumn(columns: 2) == [[0, 1], [2]])
    }

    @Test("locks are kept even when they cost the optimum something")
    func locksAreKept() throws {
        let problem = try AssignmentProblem(
            try CostMatrix<Int64>(rows: 2, columns: 2, values: [1, 5, 5, 1]), locks: [.init(row: 0, column: 1)])
        let solution = try ShortestAugmentingPath().solve(problem)
        #expect(solution.columnForRow == [1, 0])
        #expect(solution.objective == 10)
        #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal)
    }

    @Test("a float problem agrees with brute force within the stated tolerance")
    func floatProblems() throws {
        try forEverySeed(0..<300) { seed, random in
            let rows = Int.random(in: 0...6, using: &random), columns = Int.random(in: 0...6, using: &random)
            let values = (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &random) }
            let problem = try AssignmentProblem(try CostMatrix(rows: rows, columns: columns, values: values))
            let solution = try ShortestAugmentingPath().solve(problem)
            let expected = try #require(BruteForceAssignment.solve(problem))
            #expect(abs(solution.objective - expected.objective) <= 1e-9, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
        }
    }
}

@Suite struct AssignmentProblemValidationTests {
    @Test("NaN and infinities that are not the marker are rejected with their position")
    func unusableValues() {
        #expect(throws: AssignmentError.unusableValue(row: 1, column: 0, description: "nan")) {
            try CostMatrix<Double>(rows: 2, columns: 2, values: [1, 2, .nan, 3])
        }
        #expect(throws: AssignmentError.unusableValue(row: 0, column: 1, description: "-inf")) {
            try CostMatrix<Double>(rows: 1, columns: 2, values: [1, -.infinity], forbiddenValue: .infinity)
        }
    }

    @Test("costs whose sums could overflow Int64 are refused before solving")
    func overflowRisk() throws {
        let matrix = try CostMatrix<Int64>(rows: 2, columns: 2, values: [1, Int64.max / 4, 3, 4])
        let limit = Int64.largestSafeMagnitude(rows: 2, columns: 2)
        #expect(throws: AssignmentError.costOverflowRisk(largestMagnitude: Double(Int64.max / 4), limit: limit)) {
            try AssignmentProblem(matrix)
        }
    }

    @Test("wrong shapes, negative capacities and bad locks are clear errors")
    func shapeAndLockErrors() throws {
        #expect(throws: AssignmentError.shapeMismatch(expected: 4, actual: 3, what: "values")) {
            try CostMatrix<Int64>(rows: 2, columns: 2, values: [1, 2, 3])
        }
        let matrix = try CostMatrix<Int64>(rows: 2, columns: 2, values: [1, -1, 3, 4], forbiddenValue: -1)
        #expect(throws: AssignmentError.negativeCapacity(column: 1, capacity: -1)) {
            try AssignmentProblem(matrix, capacities: [1, -1])
        }
        #expect(throws: AssignmentError.lockConflict(row: 0, column: 1, reason: "the pair is forbidden")) {
            try AssignmentProblem(matrix, locks: [.init(row: 0, column: 1)])
        }
        #expect(
            throws: AssignmentError.lockConflict(row: 1, column: 0, reason: "more locks than the column's capacity 1")
        ) {
            try AssignmentProblem(matrix, locks: [.init(row: 0, column: 0), .init(row: 1, column: 0)])
        }
    }

    @Test("requiring every row placed throws infeasible naming the row")
    func infeasibleNamesRow() throws {
        let matrix = try CostMatrix<Int64>(rows: 2, columns: 1, values: [1, 2])
        #expect(throws: AssignmentError.infeasible(row: 1)) {
            try ShortestAugmentingPath().solve(try AssignmentProblem(matrix, unassignedRows: .forbidden))
        }
    }
}

@Suite struct OptimalityCertificateTests {
    @Test("the certificate rejects a worse assignment, wrong duals and an over-full column")
    func rejectsBadSolutions() throws {
        let (problem, solution) = try ShortestAugmentingPathTests.solve(3, 3, [4, 1, 3, 2, 0, 5, 3, 2, 2])
        let swapped = AssignmentSolution(
            columnForRow: [solution.columnForRow[1], solution.columnForRow[0], solution.columnForRow[2]],
            objective: solution.objective, objectiveWithUnassigned: solution.objectiveWithUnassigned,
            duals: solution.duals)
        #expect(!OptimalityCertificate.verify(problem: problem, solution: swapped).isOptimal)
        var potentials = solution.duals.rowPotentials
        potentials[0] += 1
        let badDuals = AssignmentSolution(
            columnForRow: solution.columnForRow, objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned,
            duals: Duals(rowPotentials: potentials, columnPotentials: solution.duals.columnPotentials, unassigned: nil))
        #expect(!OptimalityCertificate.verify(problem: problem, solution: badDuals).isOptimal)
        let crowded = AssignmentSolution(
            columnForRow: [0, 0, 2], objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: solution.duals)
        #expect(!OptimalityCertificate.verify(problem: problem, solution: crowded).isOptimal)
    }

    @Test("the certificate rejects an answer that leaves a placeable row unassigned")
    func rejectsTooFewPlaced() throws {
        let (problem, solution) = try ShortestAugmentingPathTests.solve(2, 2, [1, 2, 3, 4])
        let dropped = AssignmentSolution(
            columnForRow: [solution.columnForRow[0], nil], objective: 0, objectiveWithUnassigned: 0,
            duals: solution.duals)
        #expect(!OptimalityCertificate.verify(problem: problem, solution: dropped).isOptimal)
    }
}

extension OptimalityCertificateTests {
    /// 2⁵⁶ + 1 is not a `Double`: a certificate summing in `Double` rounds
    /// every cost below to 2⁵⁶ and finds nothing wrong with the swapped answer.
    static let large: Int64 = 1 << 56

    @Test("with values near 2⁵⁶ the certificate is exact: a swapped answer one unit worse per pair is refused")
    func exactForLargeIntegers() throws {
        let problem = try AssignmentProblem(
            CostMatrix<Int64>(rows: 2, columns: 2, values: [Self.large, Self.large + 1, Self.large + 1, Self.large]))
        let solution = try ShortestAugmentingPath().solve(problem)
        #expect(solution.columnForRow == [0, 1])
        let report = OptimalityCertificate.verify(problem: problem, solution: solution)
        #expect(report.isOptimal, "\(report)")
        // The worse answer with duals that are tight on it: u = the swapped
        // pairs' costs, v = 0. They violate dual feasibility by one unit.
        let swapped = AssignmentSolution(
            columnForRow: [1, 0], objective: 2 * Self.large + 2, objectiveWithUnassigned: 2 * Self.large + 2,
            duals: Duals(rowPotentials: [Self.large + 1, Self.large + 1], columnPotentials: [0, 0], unassigned: nil))
        let refused = OptimalityCertificate.verify(problem: problem, solution: swapped)
        #expect(!refused.isOptimal)
        #expect(refused.violations.contains("pair (0, 0) has reduced cost -1 < 0"), "\(refused.violations)")
    }

    @Test("the largest costs the solver accepts are certified exactly; larger ones are refused before solving")
    func largestAcceptedCosts() throws {
        // 2 × 2: the bound is Int64.max / 96, about 9.6 × 10¹⁶.
        let accepted = try AssignmentProblem(
            CostMatrix<Int64>(rows: 2, columns: 2, values: [Self.large, 3, 2, Self.large]), sense: .maximize)
        let solution = try ShortestAugmentingPath().solve(accepted)
        #expect(solution.objective == 2 * Self.large)
        #expect(OptimalityCertificate.verify(problem: accepted, solution: solution).isOptimal)
        #expect(
            throws: AssignmentError.costOverflowRisk(largestMagnitude: Double(1 << 60), limit: Double(Int64.max) / 96)
        ) {
            try AssignmentProblem(CostMatrix<Int64>(rows: 2, columns: 2, values: [1 << 60, 3, 2, 1]))
        }
    }
}

@Suite struct RegressionTests {
    @Test("as many slots as columns but not one per column never reads another column's costs (seed 40077)")
    func slotCountEqualToColumnCount() throws {
        // Column 0 has two slots and column 1 none: the search once took slot s
        // for column s and placed the row on its forbidden pair.
        let problem = try AssignmentProblem(
            try CostMatrix<Int64>(rows: 1, columns: 2, values: [-1, 9], forbiddenValue: -1),
            capacities: [2, 0], unassignedRows: .forbidden)
        #expect(throws: AssignmentError.infeasible(row: 0)) { try ShortestAugmentingPath().solve(problem) }
    }
}

extension RegressionTests {
    @Test("float rounding never lets a settled slot improve and loop the path (hung at seed 42)")
    func floatRoundingCannotCycle() throws {
        try forEverySeed(0..<200) { seed, random in
            let rows = Int.random(in: 0...60, using: &random), columns = Int.random(in: 0...60, using: &random)
            let problem = randomFloatProblem(rows: rows, columns: columns, seed: seed, random: &random)
            let solution = try ShortestAugmentingPath().solve(problem)
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
        }
    }
}

extension AssignmentProblemValidationTests {
    @Test("float costs so large that sums could become infinite are refused before solving")
    func floatOverflowRisk() throws {
        let matrix = try CostMatrix<Double>(rows: 2, columns: 2, values: [1, 1e307, 3, 4])
        let limit = Double.largestSafeMagnitude(rows: 2, columns: 2)
        #expect(throws: AssignmentError.costOverflowRisk(largestMagnitude: 1e307, limit: limit)) {
            try AssignmentProblem(matrix)
        }
    }
}
