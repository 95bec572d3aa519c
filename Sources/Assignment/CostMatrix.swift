/// A dense rows × columns matrix of costs (or scores) in one contiguous,
/// row-major buffer, in which any pair may be forbidden.
///
/// A forbidden pair is a missing edge: no solver ever assigns it and no
/// arithmetic is done with it. Internally it is stored as
/// `AssignmentCost._forbidden` (`Int64.max` or `+infinity`) so the matrix
/// needs no second buffer, and every loop checks for that marker.
///
/// ```swift
/// var costs = try CostMatrix<Int64>(rows: 2, columns: 2, values: [4, 1, 2, 8])
/// costs.forbid(row: 0, column: 1)
/// ```
///
/// - Complexity: Storage is `rows × columns` values and nothing else.
public struct CostMatrix<Cost: AssignmentCost>: Sendable, Equatable {
    /// The number of rows (people to place, such as mentees).
    public let rows: Int
    /// The number of columns (places, such as mentors).
    public let columns: Int
    /// Row-major values; `_forbidden` marks a missing edge.
    @usableFromInline internal var storage: [Cost]

    /// Creates a matrix from row-major values.
    ///
    /// - Parameters:
    ///   - rows: The number of rows, 0 or more.
    ///   - columns: The number of columns, 0 or more.
    ///   - values: `rows × columns` values, row after row. A value equal to
    ///     `forbiddenValue` (or NaN when `forbiddenValue` is NaN) makes that pair
    ///     forbidden; every other value must be finite.
    ///   - forbiddenValue: The marker for forbidden pairs in `values`, if any.
    /// - Throws: ``AssignmentError/shapeMismatch(expected:actual:what:)`` when the
    ///   count is wrong; ``AssignmentError/unusableValue(row:column:description:)``
    ///   for the first NaN or infinite value that is not the marker.
    /// - Complexity: O(`rows × columns`); the array is reused, not copied, when
    ///   the caller passes its only reference.
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public init(
        rows: Int, columns: Int, values: consuming [Cost], forbiddenValue: Cost? = nil
    )
        throws(AssignmentError)
    {
        guard rows >= 0, columns >= 0 else {
            throw .shapeMismatch(expected: 0, actual: min(rows, columns), what: "rows and columns (0 or more)")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, values.count == count else {
            throw .shapeMismatch(expected: overflow ? Int.max : count, actual: values.count, what: "values")
        }
        var storage = values
        let marker = forbiddenValue
        let markerIsNaN = marker.map { $0 != $0 } ?? false
        for index in storage.indices {
            let value = storage[index]
            if let marker, value == marker || (markerIsNaN && value != value) {
                storage[index] = Cost._forbidden
            } else if !value._isUsableCost {
                throw .unusableValue(
                    row: index / max(columns, 1), column: index % max(columns, 1),
                    description: value.description)
            }
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The cost of a pair, or `nil` when the pair is forbidden.
    ///
    /// - Parameters:
    ///   - row: A row index in `0 ..< rows`.
    ///   - column: A column index in `0 ..< columns`.
    /// - Complexity: O(1).
    @inlinable
    public func cost(row: Int, column: Int) -> Cost? {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
        let value = storage[row &* columns &+ column]
        return value == Cost._forbidden ? nil : value
    }

    /// Whether the pair may be assigned.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func isAllowed(row: Int, column: Int) -> Bool {
        cost(row: row, column: column) != nil
    }

    /// Forbids a pair: it becomes a missing edge.
    ///
    /// - Complexity: O(1), plus a copy of the storage if it is shared.
    public mutating func forbid(row: Int, column: Int) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
        storage[row * columns + column] = Cost._forbidden
    }

    /// Replaces every allowed value `x` by `-x` (scores become costs), in place.
    internal mutating func _negateAllowed() {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] != Cost._forbidden {
                buffer[index] = buffer[index]._negated
            }
        }
    }
}
