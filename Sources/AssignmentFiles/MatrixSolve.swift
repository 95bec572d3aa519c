import Assignment
import Diagnostics
import _TandemUtilities

/// Solves a matrix read from a file, checks the certificate, and times each
/// step: what `tandem solve` runs.
public struct MatrixSolve: Sendable {
    /// How to read and solve the matrix.
    public struct Options: Sendable {
        /// Maximise scores instead of minimising costs.
        public var maximize = false
        /// Cells equal to this value are forbidden pairs (NaN matches NaN).
        public var forbiddenValue: Double?
        /// How many rows each column may take; `nil` means 1 each.
        public var capacities: [Int]?
        /// The file the capacities came from, for error messages.
        public var capacitiesPath: String?
        /// When set, any row may stay unassigned at this value.
        public var unassignedValue: Double?

        public init() {}
    }

    /// The answer and how long each step took.
    public struct Outcome: Sendable {
        public var rows: Int
        public var columns: Int
        /// The objective as text, exact for integer matrices: the assigned
        /// pairs' values plus the unassigned value of each row left
        /// unassigned (the total the solver optimised, and the certificate's
        /// primal objective).
        public var objective: String
        /// The column of each row, or `nil`; empty when the matrix has no
        /// columns (then every row is unassigned, see ``isDegenerate``).
        public var assignment: [Int?]
        /// The certificate's verdict; `nil` when there was nothing to solve
        /// (``isDegenerate``).
        public var certificate: OptimalityCertificate.Report?
        /// Whether the matrix was solved with exact integer arithmetic.
        public var exact: Bool
        public var solveSeconds: Double
        public var verifySeconds: Double
        /// For a sparse file: each row's and column's number in the file
        /// (DIMACS node ids), which the answer is given in; `nil` for a
        /// matrix, whose rows and columns are numbered from 0.
        public var rowLabels: [Int64]?
        public var columnLabels: [Int64]?
        /// For a sparse file: the allowed pairs after repeats were merged.
        public var pairs: Int?

        /// Whether the matrix has no rows or no columns: its one answer is the
        /// empty assignment, found without the solver, and nothing is listed
        /// row by row (a 128-byte file may declare 10,000,000 × 0).
        public var isDegenerate: Bool { rows == 0 || columns == 0 }

        /// Whether the answer is proven optimal: by its certificate, or
        /// because it is the only one.
        public var isOptimal: Bool { certificate?.isOptimal ?? true }
    }

    /// Builds the problem from a loaded matrix, solves it and verifies it.
    ///
    /// - Throws: `InputDiagnostics` for a value the solver cannot use (with its
    ///   row and column), a capacity list of the wrong length, or a problem the
    ///   solver rejects.
    public static func run(
        _ matrix: consuming MatrixFile, options: Options, path: String
    ) throws(InputDiagnostics) -> Outcome {
        // The values move into the problem without a copy when the caller
        // passes its last reference: memory stays one matrix.
        let shape = (rows: matrix.rows, columns: matrix.columns, emptyCells: matrix.emptyCells)
        if let capacities = options.capacities, capacities.count != shape.columns {
            throw InputDiagnostics([
                .error(
                    SourceLocation(file: options.capacitiesPath ?? path),
                    "lists \(capacities.count) capacities but the matrix has \(shape.columns) columns; write one line per column"
                )
            ])
        }
        let values = matrix.takeValues()
        let integers = if case .integers = values { true } else { false }
        // An integer matrix counts unassigned rows in whole units: checked
        // once, for the solve and for an empty matrix alike.
        let wholeUnassigned = try options.unassignedValue.flatMap { value throws(InputDiagnostics) -> Int64? in
            guard integers else { return nil }
            guard value == value.rounded(), abs(value) < 9.2e18 else {
                throw InputDiagnostics([
                    .error(
                        SourceLocation(file: path),
                        "the unassigned value \(value) must be a whole number for an integer matrix")
                ])
            }
            return Int64(value)
        }
        if shape.rows == 0 || shape.columns == 0 {
            return try emptyOutcome(
                shape, integers: integers, unassigned: options.unassignedValue, wholeUnassigned: wholeUnassigned,
                path: path)
        }
        switch consume values {
        case let .integers(values):
            var forbidden: Int64?
            if let marker = options.forbiddenValue, marker == marker.rounded(), abs(marker) < 9.2e18 {
                forbidden = Int64(marker)
            }
            return try solve(
                shape, values: values, forbidden: forbidden, unassigned: wholeUnassigned, options: options, path: path)
        case let .reals(values):
            return try solve(
                shape, values: values, forbidden: options.forbiddenValue,
                unassigned: options.unassignedValue, options: options, path: path)
        }
    }

    /// Builds the problem from a sparse file (DIMACS or `row,column,cost`),
    /// solves it with the sparse solver and verifies it over every pair.
    /// Every row must be assigned unless `options.unassignedValue` is set.
    ///
    /// - Throws: `InputDiagnostics` for capacities (a sparse file has none),
    ///   values too large to sum, or no assignment of every row.
    public static func run(
        _ file: SparseMatrixFile, options: Options, path: String
    ) throws(InputDiagnostics)
        -> Outcome
    {
        if options.capacities != nil {
            throw InputDiagnostics([
                .error(
                    SourceLocation(file: options.capacitiesPath ?? path),
                    "capacities go with a matrix file; in a sparse file give each place a column of its own")
            ])
        }
        var outcome: Outcome
        switch file.values {
        case .integers(let values):
            var unassigned: Int64?
            if let value = options.unassignedValue {
                guard value == value.rounded(), abs(value) < 9.2e18 else {
                    throw InputDiagnostics([
                        .error(
                            SourceLocation(file: path),
                            "the unassigned value \(value) must be a whole number for integer costs")
                    ])
                }
                unassigned = Int64(value)
            }
            outcome = try solveSparse(file, values: values, unassigned: unassigned, options: options, path: path)
        case .reals(let values):
            outcome = try solveSparse(
                file, values: values, unassigned: options.unassignedValue, options: options, path: path)
        }
        outcome.rowLabels = file.rowLabels
        outcome.columnLabels = file.columnLabels
        return outcome
    }

    private static func solveSparse<Cost: AssignmentCost>(
        _ file: SparseMatrixFile, values: [Cost], unassigned: Cost?, options: Options, path: String
    ) throws(InputDiagnostics) -> Outcome {
        func located(_ error: AssignmentError) -> InputDiagnostics {
            if case .infeasible(let row) = error {
                let places = options.capacities?.reduce(0) { $0 + min($1, file.rows) } ?? file.columns
                // Enough places in all, yet the search from `row` found every column it can reach full:
                // those columns' rows and it are more than their places (Hall's condition fails there).
                let reason =
                    places < file.rows
                    ? " (\(file.rows) rows, \(places) places)"
                    : file.rowLabels.indices.contains(row)
                        ? ": row \(file.rowLabels[row]) and the rows already in the columns it can reach are more than those columns' places"
                        : ""
                return InputDiagnostics([
                    .error(
                        SourceLocation(file: path),
                        "no assignment places every row\(reason); give --unassigned-value V to let rows stay unassigned at value V"
                    )
                ])
            }
            return InputDiagnostics([.error(SourceLocation(file: path), error.description)])
        }
        let problem: SparseAssignmentProblem<Cost>, pairs: Int
        do {
            let matrix = try file.matrix(values, keepingLeast: !options.maximize)
            pairs = matrix.pairCount
            problem = try SparseAssignmentProblem(
                matrix, sense: options.maximize ? .maximize : .minimize,
                unassignedRows: unassigned.map { .allowed(value: $0) } ?? .forbidden)
        } catch {
            throw located(error)
        }
        let (solution, report, solveSeconds, verifySeconds) = try solveAndVerify(
            { () throws(AssignmentError) in try ShortestAugmentingPath().solve(problem) },
            verify: { OptimalityCertificate.verify(problem: problem, solution: $0) }, located: located)
        var outcome = Outcome(
            rows: file.rows, columns: file.columns, objective: solution.objectiveWithUnassigned.description,
            assignment: solution.columnForRow, certificate: report, exact: Cost.isExact,
            solveSeconds: solveSeconds, verifySeconds: verifySeconds)
        outcome.pairs = pairs
        return outcome
    }

    /// The answer for a matrix with no rows or no columns, found without the
    /// solver. Solving it as given costs memory in the other dimension for
    /// nothing (0 × 10⁸ took 41 s and 11 GB; 10⁷ × 0 printed 238 MB): its only
    /// assignment is the empty one, worth each row's unassigned value.
    private static func emptyOutcome(
        _ matrix: (rows: Int, columns: Int, emptyCells: [Int]), integers: Bool, unassigned: Double?,
        wholeUnassigned: Int64?, path: String
    ) throws(InputDiagnostics) -> Outcome {
        var objective = integers ? "0" : "0.0"
        if let whole = wholeUnassigned {
            let (total, overflow) = Int64(matrix.rows).multipliedReportingOverflow(by: whole)
            guard !overflow else {
                throw InputDiagnostics([
                    .error(
                        SourceLocation(file: path),
                        "\(matrix.rows) unassigned rows at \(whole) each overflow a 64-bit total")
                ])
            }
            objective = String(total)
        } else if let value = unassigned, !integers {
            objective = String(Double(matrix.rows) * value)
        }
        return Outcome(
            rows: matrix.rows, columns: matrix.columns, objective: objective, assignment: [], certificate: nil,
            exact: integers, solveSeconds: 0, verifySeconds: 0)
    }

    private static func solve<Cost: AssignmentCost>(
        _ matrix: (rows: Int, columns: Int, emptyCells: [Int]), values: consuming [Cost], forbidden: Cost?,
        unassigned: Cost?, options: Options, path: String
    ) throws(InputDiagnostics) -> Outcome {
        func located(_ error: AssignmentError) -> InputDiagnostics {
            if case let .unusableValue(row, column, description) = error, row >= 0 {
                return InputDiagnostics([
                    .error(
                        SourceLocation(file: path),
                        "row \(row + 1), column \(column + 1): \(description) is not a usable value; "
                            + "pass --forbidden \(description) if it marks forbidden pairs")
                ])
            }
            return InputDiagnostics([.error(SourceLocation(file: path), error.description)])
        }
        let problem: AssignmentProblem<Cost>
        do {
            var costs = try CostMatrix(
                rows: matrix.rows, columns: matrix.columns, values: consume values,
                forbiddenValue: forbidden)
            for index in matrix.emptyCells { costs.forbid(row: index / matrix.columns, column: index % matrix.columns) }
            problem = try AssignmentProblem(
                consume costs, sense: options.maximize ? .maximize : .minimize, capacities: options.capacities,
                unassignedRows: unassigned.map { .allowed(value: $0) } ?? .maximumCardinality)
        } catch {
            throw located(error)
        }
        let (solution, report, solveSeconds, verifySeconds) = try solveAndVerify(
            { () throws(AssignmentError) in try ShortestAugmentingPath().solve(problem) },
            verify: { OptimalityCertificate.verify(problem: problem, solution: $0) }, located: located)
        return Outcome(
            rows: matrix.rows, columns: matrix.columns,
            objective: solution.objectiveWithUnassigned.description,
            assignment: solution.columnForRow, certificate: report, exact: Cost.isExact,
            solveSeconds: solveSeconds, verifySeconds: verifySeconds)
    }

    /// Solves with `solve` and checks the answer with `verify` (code that
    /// shares nothing with the solver), timing each.
    private static func solveAndVerify<Cost: AssignmentCost>(
        _ solve: () throws(AssignmentError) -> AssignmentSolution<Cost>,
        verify: (AssignmentSolution<Cost>) -> OptimalityCertificate.Report,
        located: (AssignmentError) -> InputDiagnostics
    ) throws(InputDiagnostics) -> (
        solution: AssignmentSolution<Cost>, report: OptimalityCertificate.Report, solveSeconds: Double,
        verifySeconds: Double
    ) {
        let clock = ContinuousClock()
        let solveStart = clock.now
        let solution: AssignmentSolution<Cost>
        do {
            solution = try solve()
        } catch {
            throw located(error)
        }
        let verifyStart = clock.now
        let report = verify(solution)
        let end = clock.now
        return (solution, report, (verifyStart - solveStart).seconds, (end - verifyStart).seconds)
    }
}
