/// Why an assignment problem could not be built or solved.
///
/// Every case names what was wrong and where, so a caller can report it in a
/// sentence without guessing.
public enum AssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number of values does not match rows × columns, or a side list has the wrong length.
    case shapeMismatch(expected: Int, actual: Int, what: String)
    /// A value that is not a usable cost (NaN, an infinity that is not the forbidden
    /// marker, or the marker where a number is needed).
    case unusableValue(row: Int, column: Int, description: String)
    /// A capacity below zero.
    case negativeCapacity(column: Int, capacity: Int)
    /// The costs are so large that sums along an augmenting path could overflow
    /// (`Int64`) or become infinite (`Double`).
    case costOverflowRisk(largestMagnitude: Double, limit: Double)
    /// A lock names a pair that is out of range, forbidden, or repeats a row,
    /// or more rows are locked to a column than it has capacity.
    case lockConflict(row: Int, column: Int, reason: String)
    /// A warm start whose shape does not match the problem.
    case warmStartMismatch(expectedColumns: Int, actualColumns: Int)
    /// No complete assignment of the rows exists and the caller asked for one.
    case infeasible(row: Int)
    /// The problem asks for something this kind of problem does not offer.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(expected, actual, what):
            return "expected \(expected) \(what), found \(actual)"
        case let .unusableValue(row, column, description):
            return "row \(row), column \(column): \(description) is not a usable cost"
        case let .negativeCapacity(column, capacity):
            return "column \(column) has capacity \(capacity); capacities must be 0 or more"
        case let .costOverflowRisk(largest, limit):
            return "the largest cost magnitude \(largest) exceeds \(limit), the bound under which "
                + "sums along augmenting paths provably cannot overflow; rescale the costs"
        case let .lockConflict(row, column, reason):
            return "lock of row \(row) to column \(column): \(reason)"
        case let .warmStartMismatch(expected, actual):
            return "the warm start has \(actual) column potentials but the problem has \(expected) columns"
        case let .infeasible(row):
            return "row \(row) cannot be assigned: every column it may take is full or forbidden"
        case let .unsupported(what):
            return "not supported: \(what)"
        }
    }
}
