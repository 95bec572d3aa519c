/// The scratch state of one dense solve: every buffer the search touches,
/// allocated once when the solve starts and reused by every augmentation.
///
/// Capacities are handled by *slots*: column `j` of capacity `c` owns `c`
/// consecutive slots (at most one per row that could use them), each with its
/// own potential, and every slot reads its costs from its column, so the
/// matrix is never copied. Slots of one column are interchangeable; an optimal
/// dual gives all filled slots of a column the same potential, which becomes
/// the column's potential in the answer.
///
/// Index `slotCount` is the *unassigned option*: a virtual column of constant
/// cost that rows may be placed in when the problem lets rows stay
/// unassigned. It can hold many rows, kept in a doubly linked list.
internal final class _Workspace<Cost: AssignmentCost> {
    /// Rows of the problem (locked rows included; they are never placed here).
    let rowCount: Int
    /// Real columns of the matrix.
    let columnCount: Int
    /// Slots of all real columns; also the index of the unassigned option.
    let slotCount: Int
    /// Whether every column has exactly one slot (slot `s` is column `s`).
    let slotsAreColumns: Bool
    /// Row-major costs (minimisation form); valid for the lifetime of the workspace.
    let costs: UnsafeBufferPointer<Cost>
    /// The constant cost of the unassigned option.
    var unassignedCost: Cost = .zero
    /// How many rows the unassigned option may hold (0: the option is closed).
    var optionCapacity = 0
    /// How many rows it holds.
    var optionLoad = 0
    /// Head of the option's row list, or -1.
    var optionFirstRow = -1

    /// The column each slot belongs to.
    let columnOfSlot: UnsafeMutableBufferPointer<Int>
    /// `firstSlot[j] ..< firstSlot[j + 1]` are column j's slots.
    let firstSlot: UnsafeMutableBufferPointer<Int>
    /// Slot potentials `v`, `slotCount + 1` entries (the option last).
    let potential: UnsafeMutableBufferPointer<Cost>
    /// Shortest reduced distance from the current root row to each slot,
    /// offset by the root's own potential.
    let distance: UnsafeMutableBufferPointer<Cost>
    /// The row from which each slot was last reached.
    let predecessor: UnsafeMutableBufferPointer<Int>
    /// The slots settled by the current search, in the order they settled.
    let remaining: UnsafeMutableBufferPointer<Int>
    /// Whether each slot is settled in the current search (reset after it).
    let settled: UnsafeMutableBufferPointer<Bool>
    /// The row in each slot, or -1.
    let rowForSlot: UnsafeMutableBufferPointer<Int>
    /// The slot of each row (`slotCount` for the option), or -1 while free.
    let slotForRow: UnsafeMutableBufferPointer<Int>
    /// Option list links, -1 at either end.
    let nextRow: UnsafeMutableBufferPointer<Int>
    let previousRow: UnsafeMutableBufferPointer<Int>
    /// Row potentials `u`, used by initialisation and repair.
    let rowPotential: UnsafeMutableBufferPointer<Cost>

    // The tight-pair cache (see +TightMatching).
    /// Counts potential changes; stamps below compare against it.
    var epoch = 0
    /// Up to `tightPairLimit` tight slots per row.
    let tightSlots: UnsafeMutableBufferPointer<Int32>
    let tightCount: UnsafeMutableBufferPointer<Int32>
    /// The epoch at which each row's tight slots were cached.
    let tightStamp: UnsafeMutableBufferPointer<Int>
    /// The epoch at which each slot's potential last changed.
    let slotStamp: UnsafeMutableBufferPointer<Int>
    /// Breadth-first search scratch: a per-search mark, the row that reached
    /// each slot, the queue of rows and the slots reached.
    var search = 0
    let visited: UnsafeMutableBufferPointer<Int>
    let parentRow: UnsafeMutableBufferPointer<Int>
    let bfsQueue: UnsafeMutableBufferPointer<Int>
    let reached: UnsafeMutableBufferPointer<Int>

    /// - Parameter slotsPerColumn: How many slots each column gets (its capacity
    ///   after locks, capped at the number of rows that could use it).
    init(costs: UnsafeBufferPointer<Cost>, rows: Int, slotsPerColumn: [Int]) {
        self.costs = costs
        rowCount = rows
        columnCount = slotsPerColumn.count
        let slots = slotsPerColumn.reduce(0, +)
        slotCount = slots
        slotsAreColumns = slotsPerColumn.allSatisfy { $0 == 1 }
        columnOfSlot = .allocate(filledWith: 0, count: slots)
        firstSlot = .allocate(filledWith: 0, count: slotsPerColumn.count + 1)
        var next = 0
        for (column, count) in slotsPerColumn.enumerated() {
            firstSlot[column] = next
            for slot in next..<(next + count) { columnOfSlot[slot] = column }
            next += count
        }
        firstSlot[slotsPerColumn.count] = next
        potential = .allocate(filledWith: .zero, count: slots + 1)
        distance = .allocate(filledWith: .zero, count: slots + 1)
        predecessor = .allocate(filledWith: -1, count: slots + 1)
        remaining = .allocate(filledWith: 0, count: slots)
        settled = .allocate(filledWith: false, count: slots)
        rowForSlot = .allocate(filledWith: -1, count: slots)
        slotForRow = .allocate(filledWith: -1, count: rows)
        nextRow = .allocate(filledWith: -1, count: rows)
        previousRow = .allocate(filledWith: -1, count: rows)
        rowPotential = .allocate(filledWith: .zero, count: rows)
        tightSlots = .allocate(filledWith: -1, count: rows * Self.tightPairLimit)
        tightCount = .allocate(filledWith: 0, count: rows)
        tightStamp = .allocate(filledWith: -1, count: rows)
        slotStamp = .allocate(filledWith: 0, count: slots + 1)
        visited = .allocate(filledWith: 0, count: slots)
        parentRow = .allocate(filledWith: -1, count: slots)
        bfsQueue = .allocate(filledWith: -1, count: rows + 1)
        reached = .allocate(filledWith: -1, count: slots)
    }

    deinit {
        settled.deallocate()
        for buffer in [
            columnOfSlot, firstSlot, predecessor, remaining, rowForSlot,
            slotForRow, nextRow, previousRow,
        ] {
            buffer.deallocate()
        }
        potential.deallocate()
        distance.deallocate()
        rowPotential.deallocate()
        tightSlots.deallocate()
        tightCount.deallocate()
        for buffer in [tightStamp, slotStamp, visited, parentRow, bfsQueue, reached] { buffer.deallocate() }
    }

    /// The index of the unassigned option.
    @inline(__always) var option: Int { slotCount }

    /// The cost of placing a row in a slot, `Cost._forbidden` for a missing edge.
    @inline(__always) func cost(row: Int, slot: Int) -> Cost {
        slot == slotCount ? unassignedCost : costs[row &* columnCount &+ columnOfSlot[slot]]
    }

    /// Whether a slot (or the option) can take one more row.
    @inline(__always) func hasRoom(_ slot: Int) -> Bool {
        slot == slotCount ? optionLoad < optionCapacity : rowForSlot[slot] < 0
    }

    /// Places a free row in a slot with room, or in the option.
    func place(_ row: Int, in slot: Int) {
        assert(slotForRow[row] == -1 && hasRoom(slot))
        slotForRow[row] = slot
        if slot < slotCount {
            rowForSlot[slot] = row
            return
        }
        nextRow[row] = optionFirstRow
        previousRow[row] = -1
        if optionFirstRow >= 0 { previousRow[optionFirstRow] = row }
        optionFirstRow = row
        optionLoad += 1
    }

    /// Takes a row out of its slot; it becomes free.
    func release(_ row: Int) {
        let slot = slotForRow[row]
        assert(slot >= 0)
        slotForRow[row] = -1
        if slot < slotCount {
            rowForSlot[slot] = -1
            return
        }
        let next = nextRow[row], previous = previousRow[row]
        if previous >= 0 { nextRow[previous] = next } else { optionFirstRow = next }
        if next >= 0 { previousRow[next] = previous }
        optionLoad -= 1
    }

    /// The potential of a placed row: the reduced cost of its slot is 0.
    @inline(__always) func derivedRowPotential(_ row: Int) -> Cost {
        let slot = slotForRow[row]
        return cost(row: row, slot: slot) - potential[slot]
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
