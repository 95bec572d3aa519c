import Assignment
import _TandemUtilities

/// Seeded random small problems covering every feature the solver has.
public struct RandomProblemShape: Sendable {
    public var maxRows = 6
    public var maxColumns = 6
    public var maxCapacity = 2
    public var valueRange: ClosedRange<Int64> = -5...9
    public var forbiddenPercent = 15
    public var lockPercent = 0
    public var allowUnassigned = true

    public init() {}

    /// A shape with the given limits (the others at their defaults).
    public init(maxRows: Int, maxColumns: Int, maxCapacity: Int, valueRange: ClosedRange<Int64>, forbiddenPercent: Int)
    {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCapacity = maxCapacity
        self.valueRange = valueRange
        self.forbiddenPercent = forbiddenPercent
    }
}

extension RandomProblemShape {
    /// A random `Int64` problem; ties are frequent because the value range is small.
    public func makeProblem(_ random: inout SeededGenerator) -> AssignmentProblem<Int64> {
        let rows = Int.random(in: 0...maxRows, using: &random)
        let columns = Int.random(in: 0...maxColumns, using: &random)
        var values = (0..<(rows * columns)).map { _ in Int64.random(in: valueRange, using: &random) }
        for index in values.indices where Int.random(in: 0..<100, using: &random) < forbiddenPercent {
            values[index] = Int64.max
        }
        let matrix = try! CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: Int64.max)
        let capacities = (0..<columns).map { _ in Int.random(in: 0...maxCapacity, using: &random) }
        let sense: AssignmentProblem<Int64>.Sense = Bool.random(using: &random) ? .minimize : .maximize
        var unassigned = AssignmentProblem<Int64>.UnassignedRows.maximumCardinality
        if allowUnassigned && Int.random(in: 0..<3, using: &random) == 0 {
            unassigned = .allowed(value: Int64.random(in: valueRange, using: &random))
        }
        var locks: [AssignmentProblem<Int64>.Lock] = []
        var load = Array(repeating: 0, count: columns)
        for row in 0..<rows where Int.random(in: 0..<100, using: &random) < lockPercent {
            let column = Int.random(in: 0..<max(columns, 1), using: &random)
            guard column < columns, matrix.isAllowed(row: row, column: column), load[column] < capacities[column] else {
                continue
            }
            load[column] += 1
            locks.append(.init(row: row, column: column))
        }
        return try! AssignmentProblem(
            matrix, sense: sense, capacities: capacities, locks: locks, unassignedRows: unassigned)
    }
}

/// A random `Double` problem: costs in [-50, 50], a tenth of pairs forbidden,
/// capacities 0–3, minimised for even seeds and maximised for odd ones.
public func randomFloatProblem(
    rows: Int, columns: Int, seed: UInt64, random: inout SeededGenerator
)
    -> AssignmentProblem<Double>
{
    var values = (0..<(rows * columns)).map { _ in Double.random(in: -50...50, using: &random) }
    for index in values.indices where Int.random(in: 0..<10, using: &random) == 0 { values[index] = .nan }
    let capacities = (0..<columns).map { _ in Int.random(in: 0...3, using: &random) }
    return try! AssignmentProblem(
        try! CostMatrix(rows: rows, columns: columns, values: values, forbiddenValue: .nan),
        sense: seed % 2 == 0 ? .minimize : .maximize, capacities: capacities)
}
