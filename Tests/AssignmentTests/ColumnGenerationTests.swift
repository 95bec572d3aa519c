import Assignment
import TestSupport
import Testing
import _TandemUtilities

/// A dense maximisation problem offered as a pricing source: each row's
/// `initial` best pairs first, then every pair priced against the duals.
struct DensePricingSource: PricingSource {
    let problem: AssignmentProblem<Int64>
    let initial: Int

    var rowCount: Int { problem.rows }
    var columnCount: Int { problem.columns }
    var capacities: [Int] { problem.capacities }

    func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>) {
        for column in 0..<problem.columns {
            let value = problem.value(row: row, column: column)
            allowed[column] = value != nil
            values[column] = value ?? 0
        }
    }

    private func pairs(_ row: Int) -> [CandidatePair<Int64>] {
        (0..<problem.columns).compactMap { column in
            problem.value(row: row, column: column).map { CandidatePair(column: column, value: $0) }
        }
    }

    func initialCandidates() -> [[CandidatePair<Int64>]] {
        (0..<problem.rows).map { row in
            Array(pairs(row).sorted { ($0.value, $1.column) > ($1.value, $0.column) }.prefix(initial))
                .sorted { $0.column < $1.column }
        }
    }

    func improvingPairs(
        duals: Duals<Int64>, limit: Int, candidates: [[CandidatePair<Int64>]]
    ) -> [(row: Int, pairs: [CandidatePair<Int64>])] {
        (0..<problem.rows).compactMap { row in
            let negative = pairs(row).map {
                ($0, -$0.value - duals.rowPotentials[row] - duals.columnPotentials[$0.column])
            }
            .filter { $0.1 < 0 }.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
            return negative.isEmpty ? nil : (row, Array(negative))
        }
    }
}

@Suite struct ColumnGenerationTests {
    @Test(
        "from one candidate per row, either way round, with and without locks, it reaches the dense solver's optimum and is certified over every pair (500 seeded problems)"
    )
    func agreesWithDense() throws {
        var shape = RandomProblemShape(
            maxRows: 7, maxColumns: 6, maxCapacity: 3, valueRange: -4...9, forbiddenPercent: 30)
        shape.lockPercent = 40
        var checked = 0, priced = 0, withLocks = 0
        forEverySeed(0..<500) { seed, random in
            let base = shape.makeProblem(&random)
            // The symmetric form column generation solves: maximise, rows free at 0.
            let dense = try! AssignmentProblem(
                base.sense == .maximize ? base.matrix : negated(base.matrix), sense: .maximize,
                capacities: base.capacities, locks: base.locks, unassignedRows: .allowed(value: 0))
            let expected = try! ShortestAugmentingPath().solve(dense).objectiveWithUnassigned
            let source = DensePricingSource(problem: dense, initial: 1)
            for transposed in [false, true] {
                for locks in dense.locks.isEmpty ? [[]] : [[], dense.locks] {
                    let unlocked = try! AssignmentProblem(
                        dense.matrix, sense: .maximize, capacities: dense.capacities,
                        locks: locks, unassignedRows: .allowed(value: 0))
                    let result = try! ColumnGeneration().solve(source, transposed: transposed, locks: locks)
                    let want =
                        locks.isEmpty ? try! ShortestAugmentingPath().solve(unlocked).objectiveWithUnassigned : expected
                    #expect(
                        result.solution.objectiveWithUnassigned == want,
                        "seed \(seed), transposed \(transposed), \(locks.count) locks")
                    let report = OptimalityCertificate.verify(
                        rows: source, sense: .maximize, capacities: source.capacities, locks: locks,
                        unassignedRows: .allowed(value: 0), solution: result.solution)
                    #expect(report.isOptimal, "seed \(seed): \(report)")
                    for lock in locks { #expect(result.solution.columnForRow[lock.row] == lock.column, "seed \(seed)") }
                    checked += 1
                    if result.solves > 1 { priced += 1 }
                    if !locks.isEmpty { withLocks += 1 }
                }
            }
        }
        // The cases really ran, pricing really added pairs, and locks were exercised.
        #expect(
            checked >= 1_000 && priced >= 200 && withLocks >= 400,
            "\(checked) checked, \(priced) priced, \(withLocks) with locks")
    }

    @Test(
        "started from an earlier answer's potentials, or from random ones, it reaches the cold optimum and is certified (300 seeded problems, both ways round, with locks)"
    )
    func startsAnywhere() throws {
        var shape = RandomProblemShape(
            maxRows: 7, maxColumns: 6, maxCapacity: 3, valueRange: -4...9, forbiddenPercent: 30)
        shape.lockPercent = 30
        var checked = 0
        forEverySeed(0..<300) { seed, random in
            let base = shape.makeProblem(&random)
            let dense = try! AssignmentProblem(
                base.sense == .maximize ? base.matrix : negated(base.matrix), sense: .maximize,
                capacities: base.capacities, locks: base.locks, unassignedRows: .allowed(value: 0))
            let source = DensePricingSource(problem: dense, initial: 1)
            for transposed in [false, true] {
                let cold = try! ColumnGeneration().solve(source, transposed: transposed, locks: dense.locks)
                let earlier = ColumnGeneration.Start(
                    rowPotentials: cold.solution.duals.rowPotentials,
                    columnPotentials: cold.solution.duals.columnPotentials, columnForRow: cold.solution.columnForRow)
                let scrambled = ColumnGeneration.Start<Int64>(
                    rowPotentials: (0..<dense.rows).map { _ in Int64.random(in: -50...50, using: &random) },
                    columnPotentials: (0..<dense.columns).map { _ in Int64.random(in: -50...50, using: &random) },
                    columnForRow: (0..<dense.rows).map { _ in
                        dense.columns > 0 && Bool.random(using: &random)
                            ? Int.random(in: 0..<dense.columns, using: &random) : nil
                    })
                for start in [earlier, scrambled] {
                    let warm = try! ColumnGeneration().solve(
                        source, transposed: transposed, locks: dense.locks, start: start)
                    #expect(
                        warm.solution.objectiveWithUnassigned == cold.solution.objectiveWithUnassigned,
                        "seed \(seed), transposed \(transposed)")
                    let report = OptimalityCertificate.verify(
                        rows: source, sense: .maximize, capacities: source.capacities, locks: dense.locks,
                        unassignedRows: .allowed(value: 0), solution: warm.solution)
                    #expect(report.isOptimal, "seed \(seed): \(report)")
                    checked += 1
                }
            }
        }
        #expect(checked == 1_200)
    }

    @Test("a lock on a forbidden pair, a row locked twice and a column over capacity are refused with the reason")
    func badLocks() throws {
        let matrix = try CostMatrix<Int64>(rows: 2, columns: 2, values: [5, .max, 3, 4], forbiddenValue: .max)
        let source = DensePricingSource(
            problem: try AssignmentProblem(matrix, sense: .maximize, unassignedRows: .allowed(value: 0)), initial: 1)
        #expect(throws: AssignmentError.lockConflict(row: 0, column: 1, reason: "the pair is forbidden")) {
            try ColumnGeneration().solve(source, transposed: false, locks: [AssignmentLock(row: 0, column: 1)])
        }
        #expect(throws: AssignmentError.lockConflict(row: 0, column: 0, reason: "the row is locked twice")) {
            try ColumnGeneration().solve(
                source, transposed: false,
                locks: [AssignmentLock(row: 0, column: 0), AssignmentLock(row: 0, column: 0)])
        }
        #expect(
            throws: AssignmentError.lockConflict(row: 1, column: 0, reason: "more locks than the column's capacity 1")
        ) {
            try ColumnGeneration().solve(
                source, transposed: false,
                locks: [AssignmentLock(row: 0, column: 0), AssignmentLock(row: 1, column: 0)])
        }
    }

    @Test("a source whose candidate names a column it does not have is refused, either way round")
    func strayCandidate() throws {
        let matrix = try CostMatrix<Int64>(rows: 2, columns: 2, values: [5, 1, 3, 4], forbiddenValue: .max)
        let dense = DensePricingSource(
            problem: try AssignmentProblem(matrix, sense: .maximize, unassignedRows: .allowed(value: 0)), initial: 1)
        let source = StrayCandidateSource(dense: dense)
        #expect(
            throws: AssignmentError.shapeMismatch(
                expected: 2, actual: 2, what: "column in row 1 (in range and increasing)")
        ) {
            try ColumnGeneration().solve(source, transposed: false)
        }
        #expect(throws: AssignmentError.shapeMismatch(expected: 2, actual: 2, what: "column of row 1's candidate")) {
            try ColumnGeneration().solve(source, transposed: true)
        }
    }
}

/// A dense source whose second row's first candidate names column 2, one past the last.
struct StrayCandidateSource: PricingSource {
    let dense: DensePricingSource

    var rowCount: Int { dense.rowCount }
    var columnCount: Int { dense.columnCount }
    var capacities: [Int] { dense.capacities }

    func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>) {
        dense.readRow(row, values: values, allowed: allowed)
    }

    func initialCandidates() -> [[CandidatePair<Int64>]] {
        var candidates = dense.initialCandidates()
        candidates[1] = [CandidatePair(column: 2, value: 7)]
        return candidates
    }

    func improvingPairs(
        duals: Duals<Int64>, limit: Int, candidates: [[CandidatePair<Int64>]]
    ) -> [(row: Int, pairs: [CandidatePair<Int64>])] {
        dense.improvingPairs(duals: duals, limit: limit, candidates: candidates)
    }
}

/// The same matrix with every allowed value negated.
func negated(_ matrix: CostMatrix<Int64>) -> CostMatrix<Int64> {
    var values: [Int64] = []
    for row in 0..<matrix.rows {
        for column in 0..<matrix.columns { values.append(matrix.cost(row: row, column: column).map { -$0 } ?? .max) }
    }
    return try! CostMatrix(rows: matrix.rows, columns: matrix.columns, values: values, forbiddenValue: .max)
}
