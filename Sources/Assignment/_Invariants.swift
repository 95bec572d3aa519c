extension _Workspace {
    /// Checks the solver's invariants at the end of a solve: each active row is
    /// placed, potentials are ≤ 0 and 0 on empty slots, every reduced cost is
    /// ≥ 0 and every placed pair tight. Compiled only with
    /// `TANDEM_INTERNAL_CHECKS` (debug builds); it costs O(rows × slots).
    func _checkInvariants(activeRows: [Int]) {
        #if TANDEM_INTERNAL_CHECKS
        guard Cost.isExact else { return }
        for slot in 0...slotCount where slot < slotCount || optionCapacity > 0 {
            precondition(potential[slot] <= .zero, "slot \(slot) has a positive potential")
            if hasRoom(slot) { precondition(potential[slot] == .zero, "slot \(slot) has room but potential < 0") }
        }
        precondition(optionLoad <= optionCapacity, "the unassigned option is over capacity")
        for row in activeRows {
            precondition(slotForRow[row] >= 0, "row \(row) left free")
            let u = derivedRowPotential(row)
            for slot in 0...slotCount where slot < slotCount || optionCapacity > 0 {
                let cost = cost(row: row, slot: slot)
                if cost == Cost._forbidden { continue }
                precondition(cost - u - potential[slot] >= .zero, "negative reduced cost at row \(row), slot \(slot)")
            }
        }
        #endif
    }
}

/// Whether this build checks the solver's invariants after every solve
/// (debug builds); benchmarks refuse to run such a build.
public var assignmentInternalChecksEnabled: Bool {
    #if TANDEM_INTERNAL_CHECKS
    true
    #else
    false
    #endif
}
