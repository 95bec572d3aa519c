extension _Workspace {
    /// Checks the solver's invariants: each active row is placed, no column is
    /// over capacity, potentials are ≤ 0 and 0 on columns with room, every
    /// reduced cost is ≥ 0 and every placed pair tight. Compiled only with
    /// `TANDEM_INTERNAL_CHECKS` (debug builds); it costs O(n m).
    func _checkInvariants(activeRows: [Int]) {
        #if TANDEM_INTERNAL_CHECKS
        for column in 0...columnCount {
            precondition(load[column] <= capacity[column], "column \(column) over capacity")
            precondition(potential[column] <= .zero, "column \(column) has a positive potential")
            if Cost.isExact && hasRoom(column) {
                precondition(potential[column] == .zero, "column \(column) has room but potential < 0")
            }
        }
        for row in activeRows {
            precondition(columnForRow[row] >= 0, "row \(row) left free")
            let u = derivedRowPotential(row)
            for column in 0...columnCount where column < columnCount || capacity[column] > 0 {
                let cost = cost(row: row, column: column)
                if cost == Cost._forbidden { continue }
                let reduced = cost - u - potential[column]
                if Cost.isExact { precondition(reduced >= .zero, "negative reduced cost at (\(row), \(column))") }
            }
        }
        #endif
    }
}
