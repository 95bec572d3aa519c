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

    /// Lays the candidates out as compressed rows, each pair written once
    /// into arrays sized beforehand.
    ///
    /// Every solve of column generation builds this from all the candidates,
    /// however few pricing added. Appending pair by pair, each append
    /// checked its array's uniqueness and capacity through a call the
    /// optimiser could not remove: at 140,000 × 60,000 the nine solves
    /// spent 2,300 samples here (0.25–0.45 s each, most of a late re-solve's
    /// 0.45–0.55 s), a third of them in `swift_isUniquelyReferenced`.
    init(
        _ candidates: [[CandidatePair<Cost>]], columns: Int, capacities: [Int], transposed: Bool
    ) throws(AssignmentError) {
        self.transposed = transposed
        sourceRows = candidates.count
        sourceColumns = columns
        guard transposed else {
            let pairCount = candidates.reduce(0) { $0 + $1.count }
            var rowStart = [Int](repeating: 0, count: candidates.count + 1)
            let (columnIndices, values) = Self.filled(pairCount) { indices, values in
                var position = 0
                for (row, pairs) in candidates.enumerated() {
                    for pair in pairs {
                        indices[position] = Int32(truncatingIfNeeded: pair.column)
                        values[position] = pair.value
                        position += 1
                    }
                    rowStart[row + 1] = position
                }
            }
            columnOfSlot = []
            let matrix = try SparseCostMatrix(
                rows: candidates.count, columns: columns, rowStart: rowStart,
                columnIndices: columnIndices, values: values)
            problem = try SparseAssignmentProblem(
                consume matrix, sense: .maximize, capacities: capacities,
                unassignedRows: .allowed(value: .zero))
            return
        }
        // Each column's candidate rows, in row order (a counting sort), then
        // each of the column's slots lists them.
        var columnStart = [Int](repeating: 0, count: columns + 1)
        for (row, pairs) in candidates.enumerated() {
            for pair in pairs {
                guard (0..<columns).contains(pair.column) else {
                    throw .shapeMismatch(
                        expected: columns, actual: pair.column, what: "column of row \(row)'s candidate")
                }
                columnStart[pair.column + 1] += 1
            }
        }
        if let column = capacities.firstIndex(where: { $0 < 0 }) {
            throw .negativeCapacity(column: column, capacity: capacities[column])
        }
        for column in 0..<columns { columnStart[column + 1] += columnStart[column] }
        var next = columnStart
        let (rowOfPair, valueOfPair) = Self.filled(columnStart[columns]) { rowsOfPairs, values in
            for (row, pairs) in candidates.enumerated() {
                for pair in pairs {
                    rowsOfPairs[next[pair.column]] = Int32(truncatingIfNeeded: row)
                    values[next[pair.column]] = pair.value
                    next[pair.column] += 1
                }
            }
        }
        var columnOfSlot: [Int] = []
        var rowStart = [0]
        for column in 0..<columns {
            for _ in 0..<capacities[column] {
                rowStart.append(rowStart.last! + columnStart[column + 1] - columnStart[column])
                columnOfSlot.append(column)
            }
        }
        let (columnIndices, values) = Self.filled(rowStart.last!) { indices, values in
            for (slot, column) in columnOfSlot.enumerated() {
                let pairs = columnStart[column]..<columnStart[column + 1]
                for (offset, pair) in pairs.enumerated() {
                    indices[rowStart[slot] + offset] = rowOfPair[pair]
                    values[rowStart[slot] + offset] = valueOfPair[pair]
                }
            }
        }
        self.columnOfSlot = columnOfSlot
        let matrix = try SparseCostMatrix(
            rows: columnOfSlot.count, columns: candidates.count, rowStart: rowStart,
            columnIndices: columnIndices, values: values)
        problem = try SparseAssignmentProblem(consume matrix, sense: .maximize, unassignedRows: .allowed(value: .zero))
    }

    /// Two arrays of `count` elements, indices and values, written by `fill`
    /// (which must write every element) without being cleared first.
    private static func filled(
        _ count: Int,
        _ fill: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Cost>) -> Void
    ) -> ([Int32], [Cost]) {
        var values: [Cost] = []
        let indices = [Int32](unsafeUninitializedCapacity: count) { indices, indexCount in
            values = [Cost](unsafeUninitializedCapacity: count) { values, valueCount in
                fill(indices, values)
                valueCount = count
            }
            indexCount = count
        }
        return (indices, values)
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
