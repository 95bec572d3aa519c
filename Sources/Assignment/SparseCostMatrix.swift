/// A rows × columns matrix that stores only its allowed pairs, row after row
/// (compressed sparse rows).
///
/// A pair that is not stored is a missing edge: no solver can assign it. Use
/// it when most pairs are forbidden or when only a candidate subset of a large
/// problem is worth solving over (see ``SparseAssignmentProblem``).
///
/// ```swift
/// let costs = try SparseCostMatrix<Int64>(rows: 2, columns: 3, pairs: [
///     [(column: 0, value: 4), (column: 2, value: 1)],
///     [(column: 1, value: 2)],
/// ])
/// ```
///
/// - Complexity: Storage is one `Int` per row plus one index and one value per pair.
public struct SparseCostMatrix<Cost: AssignmentCost>: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Row `i`'s pairs are at positions `rowStart[i] ..< rowStart[i + 1]` of
    /// ``columnIndices`` and ``values``; `rows + 1` entries.
    public let rowStart: [Int]
    /// The column of each stored pair, increasing within a row. 32 bits halve
    /// the index memory of the large candidate sets this type is built for.
    public let columnIndices: [Int32]
    /// The value of each stored pair.
    public private(set) var values: [Cost]

    /// The number of stored (allowed) pairs.
    public var pairCount: Int { values.count }

    /// Creates a matrix from its compressed rows.
    ///
    /// - Parameters:
    ///   - rows: 0 up to `Int32.max` (the solvers keep rows in 32 bits too).
    ///   - columns: 0 up to `Int32.max`.
    ///   - rowStart: `rows + 1` offsets, starting at 0, never decreasing, ending at the pair count.
    ///   - columnIndices: Columns in `0 ..< columns`, strictly increasing within each row.
    ///   - values: One finite value per pair.
    /// - Throws: ``AssignmentError/shapeMismatch(expected:actual:what:)`` for
    ///   inconsistent lengths, offsets or column indices;
    ///   ``AssignmentError/unusableValue(row:column:description:)`` for a value
    ///   that is not finite.
    /// - Complexity: O(rows + pairs).
    @_specialize(exported:true,where Cost == Int64)
    @_specialize(exported:true,where Cost == Double)
    public init(
        rows: Int, columns: Int, rowStart: [Int], columnIndices: [Int32], values: [Cost]
    )
        throws(AssignmentError)
    {
        if let outside = [rows, columns].first(where: { !(0...Int(Int32.max)).contains($0) }) {
            throw .shapeMismatch(expected: 0, actual: outside, what: "rows and columns (0 or more, below 2³¹)")
        }
        guard rowStart.count == rows + 1 else {
            throw .shapeMismatch(expected: rows + 1, actual: rowStart.count, what: "row offsets")
        }
        guard columnIndices.count == values.count else {
            throw .shapeMismatch(expected: values.count, actual: columnIndices.count, what: "column indices")
        }
        guard rowStart.first == 0, rowStart.last == values.count else {
            throw .shapeMismatch(expected: values.count, actual: rowStart.last ?? -1, what: "pairs in the row offsets")
        }
        for row in 0..<rows {
            guard rowStart[row] <= rowStart[row + 1] else {
                throw .shapeMismatch(
                    expected: rowStart[row], actual: rowStart[row + 1],
                    what: "offset of row \(row + 1) (offsets never decrease)")
            }
            var previous = -1
            for position in rowStart[row]..<rowStart[row + 1] {
                let column = Int(columnIndices[position])
                guard column > previous, column < columns else {
                    throw .shapeMismatch(
                        expected: columns, actual: column,
                        what: "column in row \(row) (in range and increasing)")
                }
                guard values[position]._isUsableCost else {
                    throw .unusableValue(row: row, column: column, description: values[position].description)
                }
                previous = column
            }
        }
        self.rows = rows
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Creates a matrix from each row's allowed pairs, in any order.
    ///
    /// - Parameters:
    ///   - rows: The number of rows; `pairs` has one list per row.
    ///   - columns: The number of columns.
    ///   - pairs: Each row's allowed `(column, value)` pairs; a column at most once per row.
    /// - Throws: As ``init(rows:columns:rowStart:columnIndices:values:)``.
    /// - Complexity: O(pairs × log(pairs per row)).
    public init(rows: Int, columns: Int, pairs: [[(column: Int, value: Cost)]]) throws(AssignmentError) {
        guard pairs.count == rows else {
            throw .shapeMismatch(expected: rows, actual: pairs.count, what: "rows of pairs")
        }
        var rowStart = [0]
        var columnIndices: [Int32] = []
        var values: [Cost] = []
        for row in pairs {
            for pair in row.sorted(by: { $0.column < $1.column }) {
                guard pair.column >= 0, pair.column < columns else {
                    throw .shapeMismatch(
                        expected: columns, actual: pair.column, what: "column in row \(rowStart.count - 1)")
                }
                columnIndices.append(Int32(pair.column))
                values.append(pair.value)
            }
            rowStart.append(values.count)
        }
        try self.init(rows: rows, columns: columns, rowStart: rowStart, columnIndices: columnIndices, values: values)
    }

    /// The value of a pair, or `nil` when it is not stored.
    ///
    /// - Complexity: O(log(pairs in the row)).
    public func value(row: Int, column: Int) -> Cost? {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
        var low = rowStart[row], high = rowStart[row + 1]
        while low < high {
            let middle = (low + high) / 2
            let found = Int(columnIndices[middle])
            if found == column { return values[middle] }
            if found < column { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Calls `body` with the matrix's arrays as buffers, valid only during
    /// the call: what the solvers' hot loops read without an array's checks
    /// and without a copy.
    internal func _withBuffers<Result, Failure: Error>(
        _ body: (_CompressedRowBuffers<Cost>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try rowStart.withUnsafeBufferPointer { rowStart throws(Failure) in
            try columnIndices.withUnsafeBufferPointer { columnIndices throws(Failure) in
                try values.withUnsafeBufferPointer { costs throws(Failure) in
                    try body(_CompressedRowBuffers(rowStart: rowStart, columnIndices: columnIndices, costs: costs))
                }
            }
        }
    }

    /// The same pairs with every value negated (scores to costs).
    internal var _negated: SparseCostMatrix {
        var negated = self
        negated._negate()
        return negated
    }

    /// Negates every value in place: no new array when the values are not
    /// shared, as when a problem is built from a matrix its caller hands
    /// over (column generation's candidates, a few hundred megabytes at a
    /// million people, were copied once more by every solve).
    internal mutating func _negate() {
        values.withUnsafeMutableBufferPointer { values in
            for position in values.indices { values[position] = values[position]._negated }
        }
    }
}

/// A ``SparseCostMatrix``'s arrays as buffers, valid while
/// ``SparseCostMatrix/_withBuffers(_:)`` runs its body.
struct _CompressedRowBuffers<Cost: AssignmentCost> {
    let rowStart: UnsafeBufferPointer<Int>
    let columnIndices: UnsafeBufferPointer<Int32>
    let costs: UnsafeBufferPointer<Cost>

    var rows: Int { rowStart.count - 1 }
    var pairCount: Int { costs.count }

    /// Writes the same pairs column by column (a counting sort): column
    /// `c`'s pairs at `columnStart[c] ..< columnStart[c + 1]` of `pairRow`
    /// and `pairCost`, in row order. `columnStart` holds `columns + 1`
    /// elements and the others ``pairCount``; every element is written, so
    /// they need not be initialised first.
    func layColumns(
        into columnStart: UnsafeMutableBufferPointer<Int>, pairRow: UnsafeMutableBufferPointer<Int32>,
        pairCost: UnsafeMutableBufferPointer<Cost>
    ) {
        let columns = columnStart.count - 1
        precondition(columns >= 0 && pairRow.count == pairCount && pairCost.count == pairCount)
        columnStart.initialize(repeating: 0)
        for column in columnIndices { columnStart[Int(column) + 1] += 1 }
        for column in 0..<columns { columnStart[column + 1] += columnStart[column] }
        var next = Array(columnStart.prefix(columns))
        for row in 0..<rows {
            for position in rowStart[row]..<rowStart[row + 1] {
                let column = Int(columnIndices[position])
                pairRow.initializeElement(at: next[column], to: Int32(truncatingIfNeeded: row))
                pairCost.initializeElement(at: next[column], to: costs[position])
                next[column] += 1
            }
        }
    }
}
