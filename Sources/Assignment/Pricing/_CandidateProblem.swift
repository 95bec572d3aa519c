/// The sparse problem over candidate pairs, in either orientation, and the
/// way back from its answer to the source's terms.
///
/// - As given: rows are the source's rows, columns its columns with their
///   capacities.
/// - Transposed: one row per column slot (column `j` gives `capacities[j]`
///   rows, each listing `j`'s candidate pairs) and one column per source row,
///   capacity 1. The two forms are the same linear programme with the roles of
///   the duals swapped, because both sides may stay unmatched at value 0: a
///   source row's potential in one is its column potential in the other. A
///   column's slots share one potential (their rows are identical, so any two
///   slot potentials bound each other), which is the column's potential.
struct _CandidateProblem<Cost: AssignmentCost> {
    let problem: SparseAssignmentProblem<Cost>
    let transposed: Bool
    let sourceRows: Int
    let sourceColumns: Int
    /// Transposed: the source column of each slot row.
    let columnOfSlot: [Int]

    init(
        _ candidates: [[CandidatePair<Cost>]], columns: Int, capacities: [Int], transposed: Bool
    ) throws(AssignmentError) {
        self.transposed = transposed
        sourceRows = candidates.count
        sourceColumns = columns
        var rowStart = [0]
        var columnIndices: [Int32] = []
        var values: [Cost] = []
        let pairCount = candidates.reduce(0) { $0 + $1.count }
        columnIndices.reserveCapacity(pairCount * 2)
        values.reserveCapacity(pairCount * 2)
        guard transposed else {
            for pairs in candidates {
                for pair in pairs {
                    columnIndices.append(Int32(truncatingIfNeeded: pair.column))
                    values.append(pair.value)
                }
                rowStart.append(values.count)
            }
            columnOfSlot = []
            let matrix = try SparseCostMatrix(
                rows: candidates.count, columns: columns, rowStart: rowStart,
                columnIndices: columnIndices, values: values)
            problem = try SparseAssignmentProblem(
                matrix, sense: .maximize, capacities: capacities,
                unassignedRows: .allowed(value: .zero))
            return
        }
        // Each column's candidate rows, in row order.
        var pairsOfColumn = [[(row: Int32, value: Cost)]](repeating: [], count: columns)
        for (row, pairs) in candidates.enumerated() {
            for pair in pairs { pairsOfColumn[pair.column].append((Int32(row), pair.value)) }
        }
        var columnOfSlot: [Int] = []
        for column in 0..<columns {
            for _ in 0..<capacities[column] {
                for pair in pairsOfColumn[column] {
                    columnIndices.append(pair.row)
                    values.append(pair.value)
                }
                rowStart.append(values.count)
                columnOfSlot.append(column)
            }
        }
        self.columnOfSlot = columnOfSlot
        let matrix = try SparseCostMatrix(
            rows: columnOfSlot.count, columns: candidates.count, rowStart: rowStart,
            columnIndices: columnIndices, values: values)
        problem = try SparseAssignmentProblem(matrix, sense: .maximize, unassignedRows: .allowed(value: .zero))
    }

    /// A start in the source's terms as a warm start of the sparse problem:
    /// as given, the columns' potentials and the rows' columns; transposed,
    /// the source rows' potentials (its columns) and, for each column's
    /// slots in turn, the rows it held.
    func warmStart(from start: ColumnGeneration.Start<Cost>) -> WarmStart<Cost> {
        guard transposed else {
            return WarmStart(columnPotentials: start.columnPotentials, columnForRow: start.columnForRow)
        }
        var firstSlot = [Int](repeating: columnOfSlot.count, count: sourceColumns + 1)
        for (slot, column) in columnOfSlot.enumerated().reversed() { firstSlot[column] = slot }
        var nextSlot = firstSlot
        var rowOfSlot = [Int?](repeating: nil, count: columnOfSlot.count)
        for (row, column) in start.columnForRow.enumerated() {
            guard let column, column < sourceColumns, nextSlot[column] < columnOfSlot.count,
                columnOfSlot[nextSlot[column]] == column
            else { continue }
            rowOfSlot[nextSlot[column]] = row
            nextSlot[column] += 1
        }
        return WarmStart(columnPotentials: start.rowPotentials, columnForRow: rowOfSlot)
    }

    /// The sparse answer as an answer to the source's problem.
    func sourceSolution(_ solution: AssignmentSolution<Cost>) -> AssignmentSolution<Cost> {
        guard transposed else { return solution }
        var columnForRow = [Int?](repeating: nil, count: sourceRows)
        for (slot, row) in solution.columnForRow.enumerated() {
            if let row { columnForRow[row] = columnOfSlot[slot] }
        }
        let slotPotentials = solution.duals.rowPotentials
        var columnPotentials = [Cost](repeating: .zero, count: sourceColumns)
        var seen = [Bool](repeating: false, count: sourceColumns)
        for (slot, column) in columnOfSlot.enumerated()
        where !seen[column] || slotPotentials[slot] > columnPotentials[column] {
            columnPotentials[column] = slotPotentials[slot]
            seen[column] = true
        }
        let duals = Duals(
            rowPotentials: solution.duals.columnPotentials, columnPotentials: columnPotentials,
            unassigned: Duals.UnassignedOption(cost: .zero, capacity: sourceRows, potential: .zero))
        return AssignmentSolution(
            columnForRow: columnForRow, objective: solution.objective,
            objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: duals)
    }
}
