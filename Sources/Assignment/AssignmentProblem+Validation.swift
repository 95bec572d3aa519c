extension AssignmentCost {
    /// The largest value magnitude for which every sum the solvers form on a
    /// `rows × columns` problem provably fits in `Int64` (or, for `Double`,
    /// stays finite). Problems with larger values are refused with
    /// ``AssignmentError/costOverflowRisk(largestMagnitude:limit:)``; a caller
    /// that builds values (offsets, bonuses) checks against this bound first.
    ///
    /// Every potential a solver holds is a sum of at most `rows + 1` values
    /// taken with alternating signs, so it is bounded by `2 (rows + 1) B`, where
    /// B is the largest magnitude of a value; an inner-loop expression adds at
    /// most four such terms. Requiring `16 (rows + columns + 2) B ≤ Int64.max`
    /// leaves a margin of two above that. `Double` gets the same bound against
    /// its largest finite value; rounding is what the certificate's tolerance
    /// covers. (The certificate itself sums `Int64` values in `Int128`, so it
    /// adds no bound of its own.)
    ///
    /// - Complexity: O(1).
    public static func largestSafeMagnitude(rows: Int, columns: Int) -> Double {
        (isExact ? Double(Int64.max) : Double.greatestFiniteMagnitude) / (16 * Double(rows + columns + 2))
    }
}

extension AssignmentProblem {

    internal func _validate() throws(AssignmentError) {
        guard capacities.count == columns else {
            throw .shapeMismatch(expected: columns, actual: capacities.count, what: "capacities")
        }
        if let column = capacities.firstIndex(where: { $0 < 0 }) {
            throw .negativeCapacity(column: column, capacity: capacities[column])
        }
        if let value = _unassignedCost, !value._isUsableCost {
            throw .unusableValue(row: -1, column: -1, description: "the unassigned value \(value)")
        }
        try _validateLocks()
        var largest = _unassignedCost?._magnitude ?? 0
        for value in _costs.storage where value != Cost._forbidden {
            largest = Swift.max(largest, value._magnitude)
        }
        let limit = Cost.largestSafeMagnitude(rows: rows, columns: columns)
        guard largest <= limit else {
            throw .costOverflowRisk(largestMagnitude: largest, limit: limit)
        }
    }

    private func _validateLocks() throws(AssignmentError) {
        var lockedRows = Set<Int>()
        var lockedPerColumn = Array(repeating: 0, count: columns)
        for lock in locks {
            guard lock.row >= 0, lock.row < rows, lock.column >= 0, lock.column < columns else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "out of range")
            }
            guard _costs.isAllowed(row: lock.row, column: lock.column) else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the pair is forbidden")
            }
            guard lockedRows.insert(lock.row).inserted else {
                throw .lockConflict(row: lock.row, column: lock.column, reason: "the row is locked twice")
            }
            lockedPerColumn[lock.column] += 1
            guard lockedPerColumn[lock.column] <= capacities[lock.column] else {
                throw .lockConflict(
                    row: lock.row, column: lock.column,
                    reason: "more locks than the column's capacity \(capacities[lock.column])")
            }
        }
    }
}
