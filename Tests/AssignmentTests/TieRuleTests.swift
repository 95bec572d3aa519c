import Assignment
import Testing

/// The documented tie rules, pinned (as SciPy pins its constant-matrix answer):
/// among slots at the least distance, the search takes the lowest-numbered
/// empty one, and the unassigned option only after every real slot. A change
/// that reorders ties changes these answers and fails here, not in a report.
@Suite struct TieRuleTests {
    /// (rows, columns, the dense answer, the sparse answer). Square: JV's
    /// column reduction gives each column to the last row at its least cost,
    /// and the row left over takes the lowest column (3, 0, 1, 2). Otherwise
    /// each row in turn takes the lowest-numbered empty column. With more rows
    /// than columns the dense maximum-cardinality answer and the sparse one
    /// (rows free at a value) leave different rows out; both are pinned.
    static let cases: [(Int, Int, [Int?], [Int?])] = [
        (4, 4, [3, 0, 1, 2], [0, 1, 2, 3]),
        (3, 5, [0, 1, 2], [0, 1, 2]),
        (5, 3, [0, nil, 2, 1, nil], [0, 1, 2, nil, nil]),
    ]

    @Test("a constant matrix, square, wide and tall, dense and sparse, always gives the same answer", arguments: cases)
    func constantMatrix(rows: Int, columns: Int, dense expectedDense: [Int?], sparse expectedSparse: [Int?]) throws {
        let dense = try AssignmentProblem(
            CostMatrix<Int64>(rows: rows, columns: columns, values: Array(repeating: 7, count: rows * columns)))
        let denseAnswer = try ShortestAugmentingPath().solve(dense).columnForRow
        let pairs = (0..<rows).map { _ in (0..<columns).map { (column: $0, value: Int64(7)) } }
        let sparse = try SparseAssignmentProblem(
            SparseCostMatrix(rows: rows, columns: columns, pairs: pairs), unassignedRows: .allowed(value: 100))
        let sparseAnswer = try ShortestAugmentingPath().solve(sparse).columnForRow
        #expect(denseAnswer == expectedDense)
        #expect(sparseAnswer == expectedSparse)
    }
}
