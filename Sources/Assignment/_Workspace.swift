/// The scratch state of one dense solve: every buffer the search touches,
/// allocated once when the solve starts and reused by every augmentation.
///
/// Columns `0 ..< columnCount` are the real columns. Index `columnCount` is the
/// *unassigned option*: a virtual column of constant cost that rows may be
/// placed in when the problem lets rows stay unassigned. Its capacity is 0 when
/// the option is absent.
///
/// The rows placed in a column form a doubly linked list (`firstRow`,
/// `nextRow`, `previousRow`), so a column of capacity c costs O(1) memory
/// instead of c copies of its matrix column, and moving a row along an
/// augmenting path is O(1).
internal final class _Workspace<Cost: AssignmentCost> {
    /// Rows of the problem (locked rows included; they are never placed here).
    let rowCount: Int
    /// Real columns; `columnCount` is also the index of the unassigned option.
    let columnCount: Int
    /// Row-major costs (minimisation form); valid for the lifetime of the workspace.
    let costs: UnsafeBufferPointer<Cost>
    /// The constant cost of the unassigned option.
    var unassignedCost: Cost = .zero

    /// Column potentials `v`, `columnCount + 1` entries.
    let potential: UnsafeMutableBufferPointer<Cost>
    /// Shortest reduced distance from the current root row to each column,
    /// offset by the root's own potential.
    let distance: UnsafeMutableBufferPointer<Cost>
    /// The row from which each column was last reached.
    let predecessor: UnsafeMutableBufferPointer<Int>
    /// A permutation of the real columns: `[0, scannedEnd)` scanned,
    /// `[scannedEnd, batchEnd)` at the current minimum distance and waiting to be
    /// scanned, the rest not yet reached at that distance.
    let remaining: UnsafeMutableBufferPointer<Int>
    /// Capacity of each column after locks.
    let capacity: UnsafeMutableBufferPointer<Int>
    /// Rows currently placed in each column.
    let load: UnsafeMutableBufferPointer<Int>
    /// Head of each column's list of rows, or -1.
    let firstRow: UnsafeMutableBufferPointer<Int>
    /// The column of each row, or -1 while the row is free.
    let columnForRow: UnsafeMutableBufferPointer<Int>
    /// Row list links, -1 at either end.
    let nextRow: UnsafeMutableBufferPointer<Int>
    let previousRow: UnsafeMutableBufferPointer<Int>
    /// Row potentials `u`, used while initialising; derived again at the end.
    let rowPotential: UnsafeMutableBufferPointer<Cost>

    init(costs: UnsafeBufferPointer<Cost>, rows: Int, columns: Int) {
        self.costs = costs
        rowCount = rows
        columnCount = columns
        potential = .allocate(filledWith: .zero, count: columns + 1)
        distance = .allocate(filledWith: .zero, count: columns + 1)
        predecessor = .allocate(filledWith: -1, count: columns + 1)
        remaining = .allocate(filledWith: 0, count: columns)
        capacity = .allocate(filledWith: 0, count: columns + 1)
        load = .allocate(filledWith: 0, count: columns + 1)
        firstRow = .allocate(filledWith: -1, count: columns + 1)
        columnForRow = .allocate(filledWith: -1, count: rows)
        nextRow = .allocate(filledWith: -1, count: rows)
        previousRow = .allocate(filledWith: -1, count: rows)
        rowPotential = .allocate(filledWith: .zero, count: rows)
    }

    deinit {
        for buffer in [predecessor, remaining, capacity, load, firstRow, columnForRow, nextRow, previousRow] {
            buffer.deallocate()
        }
        potential.deallocate()
        distance.deallocate()
        rowPotential.deallocate()
    }

    /// The index of the unassigned option.
    @inline(__always) var unassignedColumn: Int { columnCount }

    /// The cost of a pair, `Cost._forbidden` for a missing edge.
    @inline(__always) func cost(row: Int, column: Int) -> Cost {
        column == columnCount ? unassignedCost : costs[row &* columnCount &+ column]
    }

    @inline(__always) func hasRoom(_ column: Int) -> Bool { load[column] < capacity[column] }

    /// Puts a free row at the head of a column's list.
    func link(_ row: Int, into column: Int) {
        assert(columnForRow[row] == -1 && load[column] < capacity[column])
        let head = firstRow[column]
        nextRow[row] = head
        previousRow[row] = -1
        if head >= 0 { previousRow[head] = row }
        firstRow[column] = row
        load[column] += 1
        columnForRow[row] = column
    }

    /// Takes a row out of its column; it becomes free.
    func unlink(_ row: Int) {
        let column = columnForRow[row]
        assert(column >= 0)
        let next = nextRow[row], previous = previousRow[row]
        if previous >= 0 { nextRow[previous] = next } else { firstRow[column] = next }
        if next >= 0 { previousRow[next] = previous }
        load[column] -= 1
        columnForRow[row] = -1
    }

    /// The potential of an assigned row: the reduced cost of its pair is 0.
    func derivedRowPotential(_ row: Int) -> Cost {
        let column = columnForRow[row]
        return cost(row: row, column: column) - potential[column]
    }
}

extension UnsafeMutableBufferPointer {
    /// A new buffer of `count` elements, each `value`.
    static func allocate(filledWith value: Element, count: Int) -> Self {
        let buffer = Self.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }
}
