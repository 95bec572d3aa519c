import Assignment
import TestSupport
import Testing

@Suite struct SparseSolverTests {
    /// The sparse form of a dense problem, locks included; maximum-cardinality
    /// problems become "every row placed" (the sparse form has no such mode).
    static func sparse<Cost: AssignmentCost>(_ problem: AssignmentProblem<Cost>) -> SparseAssignmentProblem<Cost> {
        let dense = problem.matrix
        let pairs = (0..<dense.rows).map { row in
            (0..<dense.columns).compactMap { column in
                dense.cost(row: row, column: column).map { (column: column, value: $0) }
            }
        }
        let unassigned = problem.unassignedRows == .maximumCardinality ? .forbidden : problem.unassignedRows
        return try! SparseAssignmentProblem(
            try! SparseCostMatrix(rows: dense.rows, columns: dense.columns, pairs: pairs),
            sense: problem.sense, capacities: problem.capacities, locks: problem.locks, unassignedRows: unassigned)
    }

    /// The dense problem a sparse one stands for, for the brute-force oracle.
    static func dense(_ problem: SparseAssignmentProblem<Int64>) -> AssignmentProblem<Int64> {
        var values = [Int64](repeating: .max, count: problem.rows * problem.columns)
        for row in 0..<problem.rows {
            for column in 0..<problem.columns {
                if let value = problem.value(row: row, column: column) {
                    values[row * problem.columns + column] = value
                }
            }
        }
        return try! AssignmentProblem(
            try! CostMatrix(rows: problem.rows, columns: problem.columns, values: values, forbiddenValue: .max),
            sense: problem.sense, capacities: problem.capacities, locks: problem.locks,
            unassignedRows: problem.unassignedRows)
    }

    @Test("agrees with brute force on 3,000 seeded problems (ties, negatives, missing pairs, capacities, thresholds)")
    func bruteForce() throws {
        var shape = RandomProblemShape()
        shape.forbiddenPercent = 35
        forEverySeed(20_000..<23_000) { seed, random in
            let problem = Self.sparse(shape.makeProblem(&random))
            let expected = BruteForceAssignment.solve(Self.dense(problem))
            guard let solution = try? ShortestAugmentingPath().solve(problem) else {
                #expect(
                    expected == nil, "seed \(seed): the sparse solver threw but \(String(describing: expected)) exists")
                return
            }
            guard let expected else {
                Issue.record("seed \(seed): solved an infeasible problem")
                return
            }
            #expect(solution.objectiveWithUnassigned == expected.objectiveWithUnassigned, "seed \(seed)")
            let report = OptimalityCertificate.verify(problem: problem, solution: solution)
            #expect(report.isOptimal, "seed \(seed): \(report)")
        }
    }

    @Test("agrees with the dense solver on larger problems, and both certificates accept its answer")
    func denseAgreement() throws {
        let shape = RandomProblemShape(
            maxRows: 60, maxColumns: 40, maxCapacity: 3, valueRange: -200...900, forbiddenPercent: 70)
        forEverySeed(30_000..<30_200) { seed, random in
            var problem = shape.makeProblem(&random)
            if problem.unassignedRows == .maximumCardinality {
                problem = try! AssignmentProblem(
                    problem.matrix, sense: problem.sense, capacities: problem.capacities,
                    unassignedRows: .allowed(value: 0))
            }
            let sparse = Self.sparse(problem)
            let expected = try! ShortestAugmentingPath().solve(problem)
            let solution = try! ShortestAugmentingPath().solve(sparse)
            #expect(solution.objectiveWithUnassigned == expected.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: sparse, solution: solution).isOptimal, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal, "seed \(seed)")
        }
    }

    @Test(
        "the sparse certificate checks only stored pairs and gives the dense check's verdict on right and damaged answers"
    )
    func certificateVerdictsMatchDense() throws {
        var shape = RandomProblemShape(
            maxRows: 12, maxColumns: 9, maxCapacity: 2, valueRange: -6...9, forbiddenPercent: 50)
        shape.lockPercent = 10
        var refused = 0
        forEverySeed(31_000..<31_400) { seed, random in
            let sparse = Self.sparse(shape.makeProblem(&random))
            let dense = Self.dense(sparse)
            guard let solution = try? ShortestAugmentingPath().solve(sparse) else { return }
            let report = OptimalityCertificate.verify(problem: sparse, solution: solution)
            #expect(report.isOptimal, "seed \(seed): \(report)")
            #expect(report.rowsSettledByBound == sparse.rows - sparse.locks.count, "seed \(seed)")
            guard sparse.rows > 0, sparse.columns > 0 else { return }
            // Damage one row: its potential up by one, or its column moved to the next one.
            let row = Int.random(in: 0..<sparse.rows, using: &random)
            var potentials = solution.duals.rowPotentials
            potentials[row] += 1
            var columns = solution.columnForRow
            columns[row] = ((columns[row] ?? -1) + 1) % sparse.columns
            let damaged = [
                AssignmentSolution(
                    columnForRow: solution.columnForRow, objective: solution.objective,
                    objectiveWithUnassigned: solution.objectiveWithUnassigned,
                    duals: Duals(
                        rowPotentials: potentials, columnPotentials: solution.duals.columnPotentials,
                        unassigned: solution.duals.unassigned)),
                AssignmentSolution(
                    columnForRow: columns, objective: solution.objective,
                    objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: solution.duals),
            ]
            for answer in damaged {
                let sparseVerdict = OptimalityCertificate.verify(problem: sparse, solution: answer).isOptimal
                #expect(
                    sparseVerdict == OptimalityCertificate.verify(problem: dense, solution: answer).isOptimal,
                    "seed \(seed)")
                if !sparseVerdict { refused += 1 }
            }
        }
        #expect(refused >= 300, "only \(refused) damaged answers were refused")
    }

    @Test("the sparse certificate of Double values takes its tolerance from the stored pairs alone, as the dense one")
    func doubleToleranceMatchesDense() throws {
        forEverySeed(32_000..<32_040) { seed, random in
            let problem = randomFloatProblem(rows: 14, columns: 10, seed: seed, random: &random)
            let dense = try! AssignmentProblem(
                problem.matrix, sense: problem.sense, capacities: problem.capacities,
                unassignedRows: .allowed(value: 0))
            let sparse = Self.sparse(dense)
            let solution = try! ShortestAugmentingPath().solve(sparse)
            let sparseReport = OptimalityCertificate.verify(problem: sparse, solution: solution)
            let denseReport = OptimalityCertificate.verify(problem: dense, solution: solution)
            #expect(sparseReport.isOptimal && denseReport.isOptimal, "seed \(seed)")
            #expect(sparseReport.tolerance == denseReport.tolerance && sparseReport.tolerance > 0, "seed \(seed)")
        }
    }

    @Test("warm starts from a solve over a subset of the pairs reach the optimum of all of them")
    func warmStartFromSubset() throws {
        let shape = RandomProblemShape(
            maxRows: 40, maxColumns: 30, maxCapacity: 3, valueRange: -50...300, forbiddenPercent: 40)
        var exercised = 0
        forEverySeed(40_000..<40_300) { seed, random in
            let whole = Self.sparse(shape.makeProblem(&random))
            // Problems whose rows must all be placed may have no answer; those are skipped, and counted below.
            guard let expected = try? ShortestAugmentingPath().solve(whole) else { return }
            // Keep each pair with probability one half, solve, then warm-start the whole problem from that answer.
            let matrix = whole.matrix
            let subset = (0..<matrix.rows).map { row in
                (matrix.rowStart[row]..<matrix.rowStart[row + 1]).compactMap { position in
                    Bool.random(using: &random)
                        ? (column: Int(matrix.columnIndices[position]), value: matrix.values[position]) : nil
                }
            }
            let part = try! SparseAssignmentProblem(
                try! SparseCostMatrix(rows: matrix.rows, columns: matrix.columns, pairs: subset),
                sense: whole.sense, capacities: whole.capacities, unassignedRows: whole.unassignedRows)
            guard let first = try? ShortestAugmentingPath().solve(part) else { return }
            exercised += 1
            let solution = try! ShortestAugmentingPath().solve(whole, warmStart: WarmStart(first))
            #expect(solution.objectiveWithUnassigned == expected.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: whole, solution: solution).isOptimal, "seed \(seed)")
            // Any potentials at all are a valid (if poor) start.
            let arbitrary = WarmStart<Int64>(
                columnPotentials: (0..<matrix.columns).map { _ in Int64.random(in: -400...400, using: &random) })
            let fromArbitrary = try! ShortestAugmentingPath().solve(whole, warmStart: arbitrary)
            #expect(fromArbitrary.objectiveWithUnassigned == expected.objectiveWithUnassigned, "seed \(seed)")
            #expect(OptimalityCertificate.verify(problem: whole, solution: fromArbitrary).isOptimal, "seed \(seed)")
        }
        #expect(exercised >= 150, "only \(exercised) of 300 seeds had a feasible problem and subset")
    }

    @Test("an answer on a subset of pairs is refused when a left-out pair would improve it")
    func subsetAnswerIsRefused() throws {
        // Row 0 prefers column 1 (9 vs 5), but the subset only offers column 0.
        let full = try SparseAssignmentProblem(
            try SparseCostMatrix<Int64>(rows: 1, columns: 2, pairs: [[(0, 5), (1, 9)]]), sense: .maximize)
        let subset = try SparseAssignmentProblem(
            try SparseCostMatrix<Int64>(rows: 1, columns: 2, pairs: [[(0, 5)]]), sense: .maximize)
        let answer = try ShortestAugmentingPath().solve(subset)
        #expect(answer.columnForRow == [0])
        #expect(OptimalityCertificate.verify(problem: subset, solution: answer).isOptimal)
        let report = OptimalityCertificate.verify(problem: full, solution: answer)
        #expect(!report.isOptimal)
        #expect(report.violations.contains { $0.contains("pair (0, 1)") })
    }

    @Test("more rows to place than places is refused before any search, naming the first row past the places")
    func fewerPlacesThanRows() throws {
        // Every row has a pair in both columns, so only the count decides.
        let pairs = (0..<5).map { row in [(column: 0, value: Int64(row)), (column: 1, value: Int64(2 * row))] }
        let matrix = try SparseCostMatrix<Int64>(rows: 5, columns: 2, pairs: pairs)
        #expect(throws: AssignmentError.infeasible(row: 3)) {
            try ShortestAugmentingPath().solve(try SparseAssignmentProblem(matrix, capacities: [2, 1]))
        }
        // A column's capacity beyond the rows counts the rows only; enough places solve.
        let enough = try ShortestAugmentingPath().solve(try SparseAssignmentProblem(matrix, capacities: [9, 0]))
        #expect(enough.columnForRow == [0, 0, 0, 0, 0])
        let allowed = try ShortestAugmentingPath().solve(
            try SparseAssignmentProblem(matrix, capacities: [2, 1], unassignedRows: .allowed(value: 100)))
        #expect(allowed.columnForRow.compactMap { $0 }.count == 3)
    }

    @Test("rows with no pairs: infeasible when every row must be placed, unassigned otherwise")
    func rowsWithoutPairs() throws {
        let matrix = try SparseCostMatrix<Int64>(rows: 2, columns: 1, pairs: [[(0, 3)], []])
        #expect(throws: AssignmentError.infeasible(row: 1)) {
            try ShortestAugmentingPath().solve(try SparseAssignmentProblem(matrix))
        }
        let solution = try ShortestAugmentingPath().solve(
            try SparseAssignmentProblem(matrix, unassignedRows: .allowed(value: 10)))
        #expect(solution.columnForRow == [0, nil])
        #expect(solution.objectiveWithUnassigned == 13)
    }

    @Test(
        "with locks, it agrees with brute force and the dense solver, keeps every lock, and is certified with them (1,000 seeded problems)"
    )
    func locks() throws {
        var shape = RandomProblemShape()
        shape.forbiddenPercent = 30
        shape.lockPercent = 35
        var withLocks = 0
        forEverySeed(60_000..<61_000) { seed, random in
            let dense = shape.makeProblem(&random)
            let sparse = Self.sparse(dense)
            let expected = BruteForceAssignment.solve(Self.dense(sparse))
            let solution = try? ShortestAugmentingPath().solve(sparse)
            #expect(solution?.objectiveWithUnassigned == expected?.objectiveWithUnassigned, "seed \(seed)")
            #expect(
                solution?.objectiveWithUnassigned
                    == (try? ShortestAugmentingPath().solve(Self.dense(sparse)))?.objectiveWithUnassigned,
                "seed \(seed)")
            guard let solution else { return }
            for lock in sparse.locks { #expect(solution.columnForRow[lock.row] == lock.column, "seed \(seed)") }
            #expect(OptimalityCertificate.verify(problem: sparse, solution: solution).isOptimal, "seed \(seed)")
            if !sparse.locks.isEmpty { withLocks += 1 }
        }
        #expect(withLocks >= 150, "only \(withLocks) feasible problems had locks")
    }

    @Test("a maximising problem negates its own scores, never its caller's")
    func maximisingKeepsCallersMatrix() throws {
        let scores = try SparseCostMatrix<Int64>(rows: 2, columns: 2, pairs: [[(0, 9), (1, 4)], [(0, 8)]])
        let problem = try SparseAssignmentProblem(scores, sense: .maximize, unassignedRows: .allowed(value: 0))
        #expect(scores.values == [9, 4, 8])
        #expect(problem.matrix == scores)
        #expect(problem.value(row: 0, column: 1) == 4)
        let handedOver = try SparseAssignmentProblem(
            consume scores, sense: .maximize, unassignedRows: .allowed(value: 0))
        #expect(handedOver.matrix.values == [9, 4, 8])
        #expect(try ShortestAugmentingPath().solve(handedOver).objective == 12)
    }

    @Test("malformed compressed rows are refused with the reason")
    func malformedRows() {
        // Columns must increase within a row: the second pair (column 0) does not.
        #expect(
            throws: AssignmentError.shapeMismatch(
                expected: 2, actual: 0, what: "column in row 0 (in range and increasing)")
        ) {
            try SparseCostMatrix<Int64>(rows: 1, columns: 2, rowStart: [0, 2], columnIndices: [1, 0], values: [1, 2])
        }
        #expect(
            throws: AssignmentError.shapeMismatch(
                expected: 2, actual: 2, what: "column in row 0 (in range and increasing)")
        ) {
            try SparseCostMatrix<Int64>(rows: 1, columns: 2, rowStart: [0, 1], columnIndices: [2], values: [1])
        }
        #expect(throws: AssignmentError.unusableValue(row: 0, column: 0, description: "nan")) {
            try SparseCostMatrix<Double>(rows: 1, columns: 2, rowStart: [0, 1], columnIndices: [0], values: [.nan])
        }
        #expect(throws: AssignmentError.shapeMismatch(expected: 3, actual: 2, what: "row offsets")) {
            try SparseCostMatrix<Int64>(rows: 2, columns: 2, rowStart: [0, 1], columnIndices: [0], values: [1])
        }
        // Rows, as columns, are kept in 32 bits by the solvers: a larger
        // count is refused before anything is read.
        let tooMany = Int(Int32.max) + 1
        for (rows, columns) in [(tooMany, 1), (1, tooMany), (-1, 1)] {
            let outside = rows == 1 ? columns : rows
            #expect(
                throws: AssignmentError.shapeMismatch(
                    expected: 0, actual: outside, what: "rows and columns (0 or more, below 2³¹)")
            ) {
                try SparseCostMatrix<Int64>(rows: rows, columns: columns, rowStart: [0], columnIndices: [], values: [])
            }
        }
    }
}
