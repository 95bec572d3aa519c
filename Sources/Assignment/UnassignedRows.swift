/// What an answer may do with rows it does not place: one rule shared by the
/// dense and sparse problems and by the certificate that checks them.
public enum UnassignedRows<Cost: AssignmentCost>: Sendable, Equatable {
    /// Place as many rows as possible, then optimise the total among those
    /// assignments (on a rectangular matrix this agrees with SciPy's
    /// `linear_sum_assignment`). Rows left over are listed in the solution.
    /// Dense problems only.
    case maximumCardinality
    /// Every row may stay unassigned, and then counts as `value` in the
    /// objective (in the problem's sense): "better unmatched than below this score".
    case allowed(value: Cost)
    /// Every row must be placed; otherwise solving throws ``AssignmentError/infeasible(row:)``.
    case forbidden

    /// The value of an unassigned row in the problem's sense, when the rule gives one.
    public var value: Cost? {
        guard case let .allowed(value) = self else { return nil }
        return value
    }
}
