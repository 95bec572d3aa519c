/// Locks solved by reduction, for the sparse solver and column generation:
/// checked against the problem's pairs, taken out of what is solved (locked
/// rows place nothing, each locked column has a slot less), and put back into
/// the answer, each locked row with the potential that makes its pair tight,
/// as the dense solver does for its native locks. The certificate then checks
/// the answer with the locks.
struct _LockedPairs<Cost: AssignmentCost> {
    /// Each locked row's column, value (in the problem's sense) and cost
    /// (minimisation form).
    private let pairs: [Int: (column: Int, value: Cost, cost: Cost)]
    /// Each column's capacity less its locks.
    let room: [Int]
    /// The locked rows, in increasing order.
    let rows: [Int]

    func holds(_ row: Int) -> Bool { pairs[row] != nil }

    /// - Parameter sense: the sense `source`'s values are in.
    init<Source: AssignmentRowSource>(
        _ locks: [AssignmentLock], in source: Source, capacities: [Int], sense: AssignmentProblem<Cost>.Sense
    ) throws(AssignmentError) where Source.Cost == Cost {
        var room = capacities
        var pairs: [Int: (column: Int, value: Cost, cost: Cost)] = [:]
        for lock in locks {
            guard lock.row >= 0, lock.row < source.rowCount, lock.column >= 0, lock.column < source.columnCount else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "out of range")
            }
            guard let value = source.value(row: lock.row, column: lock.column) else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the pair is forbidden")
            }
            guard pairs[lock.row] == nil else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the row is locked twice")
            }
            room[lock.column] -= 1
            guard room[lock.column] >= 0 else {
                throw .lockConflict(
                    row: lock.row, column: lock.column,
                    reason: "more locks than the column's capacity \(capacities[lock.column])")
            }
            pairs[lock.row] = (lock.column, value, sense == .maximize ? value._negated : value)
        }
        self.pairs = pairs
        self.room = room
        rows = pairs.keys.sorted()
    }

    /// The answer over the unlocked rows with the locked pairs added: each
    /// locked row in its column, its potential the one that makes the pair
    /// tight (`cost − v`), the objectives counting the locked values, and the
    /// unassigned option sized for the unlocked rows.
    ///
    /// - Parameter solution: An answer over every row, the locked ones unassigned.
    func adding(to solution: AssignmentSolution<Cost>) -> AssignmentSolution<Cost> {
        guard !pairs.isEmpty else { return solution }
        var columnForRow = solution.columnForRow
        var rowPotentials = solution.duals.rowPotentials
        var lockedTotal = Cost.zero
        // In row order, so that `Double` totals are the same every run.
        for row in rows {
            guard let pair = pairs[row] else { continue }
            columnForRow[row] = pair.column
            rowPotentials[row] = pair.cost - solution.duals.columnPotentials[pair.column]
            lockedTotal += pair.value
        }
        let duals = Duals(
            rowPotentials: rowPotentials, columnPotentials: solution.duals.columnPotentials,
            unassigned: solution.duals.unassigned.map {
                Duals.UnassignedOption(
                    cost: $0.cost, capacity: columnForRow.count - pairs.count, potential: $0.potential)
            })
        return AssignmentSolution(
            columnForRow: columnForRow, objective: solution.objective + lockedTotal,
            objectiveWithUnassigned: solution.objectiveWithUnassigned + lockedTotal, duals: duals)
    }
}
