extension OptimalityCertificate {
    /// Checks a solution of a dense problem: the row-source check over the
    /// problem's matrix, with its locks and its rule for unassigned rows.
    ///
    /// - Parameters:
    ///   - problem: The problem that was solved.
    ///   - solution: Any candidate solution with its duals.
    /// - Returns: The verdict, with every violated condition named.
    /// - Complexity: O(rows × columns), plus a matching search when a
    ///   maximum-cardinality answer leaves rows unassigned.
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public static func verify<Cost>(problem: AssignmentProblem<Cost>, solution: AssignmentSolution<Cost>) -> Report {
        verify(
            rows: _DenseRows(problem: problem), sense: problem.sense, capacities: problem.capacities,
            locks: problem.locks, unassignedRows: problem.unassignedRows, solution: solution)
    }

    /// Checks a solution of a sparse problem against every stored pair: each
    /// row's summary lists its stored pairs and allows nothing else, so no
    /// row is read as wide as the columns (only locked rows are).
    ///
    /// - Complexity: O(pairs + columns), plus O(columns) per locked row.
    public static func verify<Cost>(
        problem: SparseAssignmentProblem<Cost>, solution: AssignmentSolution<Cost>
    ) -> Report {
        verify(
            rows: problem, sense: problem.sense, capacities: problem.capacities, locks: problem.locks,
            unassignedRows: problem.unassignedRows, solution: solution)
    }
}

/// A dense problem's rows in its own sense, for the certificate.
public struct _DenseRows<Cost: AssignmentCost>: AssignmentRowSource {
    let problem: AssignmentProblem<Cost>

    public var rowCount: Int { problem.rows }
    public var columnCount: Int { problem.columns }

    public func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Cost>, allowed: UnsafeMutableBufferPointer<Bool>)
    {
        for column in 0..<problem.columns {
            let value = problem.value(row: row, column: column)
            allowed[column] = value != nil
            values[column] = value ?? .zero
        }
    }
}
