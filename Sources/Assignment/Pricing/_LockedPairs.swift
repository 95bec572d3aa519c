/// A column generation's locks: checked against the source, taken out of the
/// sparse problems (rows without candidates, columns with a slot less), and
/// put back into each answer with tight row potentials.
struct _LockedPairs<Cost: AssignmentCost> {
    /// Each locked row's column and value (in the problem's sense).
    private let pairs: [Int: (column: Int, value: Cost)]
    /// Each column's capacity less its locks.
    let room: [Int]
    /// The locked rows, in increasing order.
    var rows: [Int] { pairs.keys.sorted() }

    func holds(_ row: Int) -> Bool { pairs[row] != nil }

    init<Source: PricingSource>(_ locks: [AssignmentLock], in source: Source) throws(AssignmentError)
    where Source.Cost == Cost {
        var room = source.capacities
        var pairs: [Int: (column: Int, value: Cost)] = [:]
        let values = UnsafeMutableBufferPointer<Cost>.allocate(capacity: source.columnCount)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: source.columnCount)
        defer {
            values.deallocate()
            allowed.deallocate()
        }
        for lock in locks {
            guard lock.row >= 0, lock.row < source.rowCount, lock.column >= 0, lock.column < source.columnCount else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "out of range")
            }
            source.readRow(lock.row, values: values, allowed: allowed)
            guard allowed[lock.column] else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the pair is forbidden")
            }
            guard pairs[lock.row] == nil else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the row is locked twice")
            }
            room[lock.column] -= 1
            guard room[lock.column] >= 0 else {
                throw .lockConflict(
                    row: lock.row, column: lock.column,
                    reason: "more locks than the column's capacity \(source.capacities[lock.column])")
            }
            pairs[lock.row] = (lock.column, values[lock.column])
        }
        self.pairs = pairs
        self.room = room
    }

    /// The answer over the unlocked rows with the locked pairs added: each
    /// locked row in its column, its potential the one that makes the pair
    /// tight (`cost − v`, costs being negated values), and the objectives
    /// counting the locked values.
    func adding(to solution: AssignmentSolution<Cost>) -> AssignmentSolution<Cost> {
        guard !pairs.isEmpty else { return solution }
        var columnForRow = solution.columnForRow
        var rowPotentials = solution.duals.rowPotentials
        var lockedTotal = Cost.zero
        for (row, pair) in pairs {
            columnForRow[row] = pair.column
            rowPotentials[row] = pair.value._negated - solution.duals.columnPotentials[pair.column]
            lockedTotal += pair.value
        }
        let duals = Duals(
            rowPotentials: rowPotentials, columnPotentials: solution.duals.columnPotentials,
            unassigned: solution.duals.unassigned.map {
                Duals.UnassignedOption(cost: $0.cost, capacity: $0.capacity - pairs.count, potential: $0.potential)
            })
        return AssignmentSolution(
            columnForRow: columnForRow, objective: solution.objective + lockedTotal,
            objectiveWithUnassigned: solution.objectiveWithUnassigned + lockedTotal, duals: duals)
    }
}
