import Assignment
import Testing
import _TandemUtilities

/// A dense maximisation problem whose rows the certificate may settle
/// through summaries: each row's `listed` best pairs and a bound on the
/// rest, optionally against a column allowance. It counts the rows read.
final class SummarisedRows: AssignmentRowSource, @unchecked Sendable {
    let problem: AssignmentProblem<Int64>
    let listed: Int
    /// Added to each row's true bound on the pairs left out (0: tight).
    let slackAbove: (Int) -> Int64
    /// Per column, added to the values' bound through an allowance (nil: none).
    let allowance: [Int64]?
    /// Whether a summary adds the best value left out as its value bound.
    let statesValueBound: Bool
    var rowsRead = 0

    init(
        _ problem: AssignmentProblem<Int64>, listed: Int, allowance: [Int64]? = nil, statesValueBound: Bool = false,
        slackAbove: @escaping (Int) -> Int64
    ) {
        self.problem = problem
        self.listed = listed
        self.allowance = allowance
        self.statesValueBound = statesValueBound
        self.slackAbove = slackAbove
    }

    var rowCount: Int { problem.rows }
    var columnCount: Int { problem.columns }

    func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>) {
        rowsRead += 1
        for column in 0..<problem.columns {
            let value = problem.value(row: row, column: column)
            allowed[column] = value != nil
            values[column] = value ?? 0
        }
    }

    func summary(row: Int) -> RowSummary<Int64>? {
        let pairs = (0..<problem.columns).compactMap { column in
            problem.value(row: row, column: column).map { CandidatePair(column: column, value: $0) }
        }.sorted { ($0.value, -$0.column) > ($1.value, -$1.column) }
        let kept = Array(pairs.prefix(listed)), rest = pairs.dropFirst(listed)
        // With an allowance a, the bound must hold as value ≤ bound + a[column].
        let bound = rest.map { $0.value - (allowance?[$0.column] ?? 0) }.max().map { $0 + slackAbove(row) }
        return RowSummary(
            pairs: kept, othersBound: bound, allowance: allowance == nil ? nil : 0,
            valueBound: statesValueBound ? rest.map(\.value).max() : nil)
    }

    func columnAllowance(_ index: Int) -> [Int64]? { index == 0 ? allowance : nil }
}

@Suite struct RowSummaryCertificateTests {
    static func solved(seed: Int) throws -> (AssignmentProblem<Int64>, AssignmentSolution<Int64>) {
        var random = SeededGenerator(seed: UInt64(seed))
        let rows = 30, columns = 12
        let values = (0..<(rows * columns)).map { _ in Int64.random(in: 0...50, using: &random) }
        let matrix = try CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: -1)
        let problem = try AssignmentProblem(
            matrix, sense: .maximize, capacities: Array(repeating: 2, count: columns),
            unassignedRows: .allowed(value: 0))
        return (problem, try ShortestAugmentingPath().solve(problem))
    }

    @Test("A row whose bound its potential covers exactly (tight) is settled without being read; the answer is proven")
    func tightBound() throws {
        var settledSomewhere = false
        for seed in 0..<20 {
            let (problem, solution) = try Self.solved(seed: seed)
            // Every assigned pair listed, so no row has to be read for it.
            let source = SummarisedRows(problem, listed: problem.columns) { _ in 0 }
            let report = OptimalityCertificate.verify(
                rows: source, sense: .maximize, capacities: problem.capacities,
                unassignedRows: .allowed(value: 0), solution: solution)
            #expect(report.isOptimal, "seed \(seed): \(report)")
            #expect(report.rowsSettledByBound == problem.rows)
            #expect(source.rowsRead == 0)
            // Listing fewer pairs: a row is settled when its potential covers the
            // best pair left out exactly, and read otherwise.
            let fewer = SummarisedRows(problem, listed: 3) { _ in 0 }
            let partial = OptimalityCertificate.verify(
                rows: fewer, sense: .maximize, capacities: problem.capacities,
                unassignedRows: .allowed(value: 0), solution: solution)
            #expect(partial.isOptimal, "seed \(seed): \(partial)")
            #expect(partial.rowsSettledByBound + fewer.rowsRead == problem.rows)
            if partial.rowsSettledByBound > 0 { settledSomewhere = true }
        }
        #expect(settledSomewhere)
    }

    @Test("A row whose bound its potential does not cover is read in full, and the answer is still proven")
    func rescan() throws {
        let (problem, solution) = try Self.solved(seed: 7)
        // A bound far above any value: no row can be settled by it.
        let loose = SummarisedRows(problem, listed: 2) { _ in 1_000 }
        let report = OptimalityCertificate.verify(
            rows: loose, sense: .maximize, capacities: problem.capacities, unassignedRows: .allowed(value: 0),
            solution: solution)
        #expect(report.isOptimal, "\(report)")
        #expect(report.rowsSettledByBound == 0)
        #expect(loose.rowsRead == problem.rows)
    }

    @Test("A bound against a column allowance settles the rows the allowance's largest rise leaves covered")
    func allowance() throws {
        let (problem, solution) = try Self.solved(seed: 11)
        // Allowance = the final column potentials negated: no potential has
        // risen since, so the bound is exactly as strong as without one.
        let allowance = solution.duals.columnPotentials.map { -$0 }
        let exact = SummarisedRows(problem, listed: 3, allowance: allowance) { _ in 0 }
        let report = OptimalityCertificate.verify(
            rows: exact, sense: .maximize, capacities: problem.capacities, unassignedRows: .allowed(value: 0),
            solution: solution)
        #expect(report.isOptimal, "\(report)")
        // A tight allowance settles every row, except those whose own pair is not listed.
        let unlisted = (0..<problem.rows).count { row in
            guard let column = solution.columnForRow[row] else { return false }
            return !(exact.summary(row: row)?.pairs.contains { $0.column == column } ?? false)
        }
        #expect(report.rowsSettledByBound == problem.rows - unlisted)
        #expect(exact.rowsRead == unlisted)
        // A column whose potential "rose" by 1,000 since: no row is settled.
        var risen = allowance
        risen[0] += 1_000
        let weak = SummarisedRows(problem, listed: 3, allowance: risen) { _ in 0 }
        let weakReport = OptimalityCertificate.verify(
            rows: weak, sense: .maximize, capacities: problem.capacities, unassignedRows: .allowed(value: 0),
            solution: solution)
        #expect(weakReport.isOptimal)
        #expect(weakReport.rowsSettledByBound == 0)
        #expect(weak.rowsRead == problem.rows)
    }

    @Test(
        "A value bound beside the allowance settles exactly the rows whose every left-out pair it proves, counted pair by pair"
    )
    func valueBound() throws {
        var settledOnlyWithIt = 0
        for seed in 20..<40 {
            let (problem, solution) = try Self.solved(seed: seed)
            var allowance = solution.duals.columnPotentials.map { -$0 }
            allowance[seed % problem.columns] += 1_000
            let source = SummarisedRows(problem, listed: 3, allowance: allowance, statesValueBound: true) { _ in 0 }
            let report = OptimalityCertificate.verify(
                rows: source, sense: .maximize, capacities: problem.capacities, unassignedRows: .allowed(value: 0),
                solution: solution)
            #expect(report.isOptimal, "seed \(seed): \(report)")
            #expect(report.rowsSettledByBound + source.rowsRead == problem.rows)
            // The same verdict row by row, over every column: a left-out pair in
            // column j is worth at most min(bound + a[j], value bound), and its
            // reduced cost (minimisation form: −value − u − v) must not be negative.
            let v = solution.duals.columnPotentials, u = solution.duals.rowPotentials
            let expected = (0..<problem.rows).count { row in
                guard let summary = source.summary(row: row),
                    solution.columnForRow[row].map({ column in summary.pairs.contains { $0.column == column } }) ?? true
                else { return false }
                guard let bound = summary.othersBound, let valueBound = summary.valueBound else { return true }
                return (0..<problem.columns).allSatisfy { column in
                    min(bound + allowance[column], valueBound) + u[row] + v[column] <= 0
                }
            }
            #expect(report.rowsSettledByBound == expected, "seed \(seed)")
            let without = SummarisedRows(problem, listed: 3, allowance: allowance) { _ in 0 }
            let withoutReport = OptimalityCertificate.verify(
                rows: without, sense: .maximize, capacities: problem.capacities, unassignedRows: .allowed(value: 0),
                solution: solution)
            settledOnlyWithIt += report.rowsSettledByBound - withoutReport.rowsSettledByBound
        }
        #expect(settledOnlyWithIt > 0, "the value bound settles rows the risen column alone sends to be read")
    }

    @Test("A wrong answer is refused whether its rows are settled by bounds or read")
    func wrongAnswerRefused() throws {
        let (problem, solution) = try Self.solved(seed: 3)
        // Move one assigned row to another allowed column: primal and dual no longer meet.
        var columns = solution.columnForRow
        let row = try #require(columns.firstIndex { $0 != nil })
        columns[row] = (columns[row]! + 1) % problem.columns
        let wrong = AssignmentSolution(
            columnForRow: columns, objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: solution.duals)
        for listed in [problem.columns, 3] {
            let source = SummarisedRows(problem, listed: listed) { _ in 0 }
            let report = OptimalityCertificate.verify(
                rows: source, sense: .maximize, capacities: problem.capacities,
                unassignedRows: .allowed(value: 0), solution: wrong)
            #expect(!report.isOptimal, "listed \(listed)")
        }
    }
}
