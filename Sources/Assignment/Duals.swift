/// Row and column potentials that prove an assignment optimal.
///
/// They are the dual solution of the minimisation form of the problem (costs, or
/// negated scores when maximising): for every allowed pair,
/// `cost − rowPotentials[i] − columnPotentials[j] ≥ 0`, with equality on assigned
/// pairs; every column potential is ≤ 0, and below 0 only on a full column. When
/// rows may stay unassigned, ``unassigned`` describes that option as one more
/// column with a constant cost. ``OptimalityCertificate`` checks all of this.
public struct Duals<Cost: AssignmentCost>: Sendable, Equatable {
    /// The option "leave the row unassigned", as a column of constant cost.
    public struct UnassignedOption: Sendable, Equatable {
        /// The cost (minimisation form) of leaving one row unassigned.
        public let cost: Cost
        /// How many rows may be left unassigned.
        public let capacity: Int
        /// The option's potential (≤ 0, below 0 only when `capacity` rows are unassigned).
        public let potential: Cost

        public init(cost: Cost, capacity: Int, potential: Cost) {
            self.cost = cost
            self.capacity = capacity
            self.potential = potential
        }
    }

    /// One potential per row (`u`); for a locked row, the value that makes its pair tight.
    public let rowPotentials: [Cost]
    /// One potential per column (`v`).
    public let columnPotentials: [Cost]
    /// The unassigned option, when the solver used one.
    public let unassigned: UnassignedOption?

    public init(rowPotentials: [Cost], columnPotentials: [Cost], unassigned: UnassignedOption?) {
        self.rowPotentials = rowPotentials
        self.columnPotentials = columnPotentials
        self.unassigned = unassigned
    }
}

/// What a new solve may reuse from an earlier one: the column potentials and,
/// if given, the earlier assignment as a first guess.
///
/// Pass it to `ShortestAugmentingPath.solve(_:warmStart:)` when the problem has
/// changed a little (a column's capacity set to 0, some pairs forbidden, some
/// costs changed). The result is optimal whatever the warm start holds; a good
/// warm start only makes it faster.
public struct WarmStart<Cost: AssignmentCost>: Sendable {
    /// One potential per column.
    public var columnPotentials: [Cost]
    /// The earlier column of each row, or `nil`.
    public var columnForRow: [Int?]?

    /// A warm start from explicit potentials.
    public init(columnPotentials: [Cost], columnForRow: [Int?]? = nil) {
        self.columnPotentials = columnPotentials
        self.columnForRow = columnForRow
    }

    /// A warm start from an earlier solution of a problem with the same columns.
    public init(_ solution: AssignmentSolution<Cost>) {
        self.columnPotentials = solution.duals.columnPotentials
        self.columnForRow = solution.columnForRow
    }
}
