/// A problem's pairs read one row at a time: for checking a solution against
/// a problem too large to hold as a dense matrix of costs, or one whose values
/// are derived on the fly from other data.
///
/// ``OptimalityCertificate/verify(rows:sense:capacities:locks:unassignedRows:solution:)``
/// reads every row once through this protocol.
public protocol AssignmentRowSource {
    associatedtype Cost: AssignmentCost
    /// The number of rows.
    var rowCount: Int { get }
    /// The number of columns.
    var columnCount: Int { get }
    /// Writes row `row`'s value for every column (in the problem's sense) into
    /// `values`, and whether the pair is allowed into `allowed`; both buffers
    /// hold `columnCount` elements. Values of pairs not allowed are ignored.
    func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Cost>, allowed: UnsafeMutableBufferPointer<Bool>)

    /// One pair's value (in the problem's sense), or `nil` when it is not
    /// allowed. By default a whole row is read; a source that can read one
    /// pair alone should (locks read one pair of each locked row).
    func value(row: Int, column: Int) -> Cost?
}

extension AssignmentRowSource {
    public func value(row: Int, column: Int) -> Cost? {
        let values = UnsafeMutableBufferPointer<Cost>.allocate(capacity: columnCount)
        let allowed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: columnCount)
        defer {
            values.deallocate()
            allowed.deallocate()
        }
        readRow(row, values: values, allowed: allowed)
        return allowed[column] ? values[column] : nil
    }
}

extension SparseAssignmentProblem: AssignmentRowSource {
    public var rowCount: Int { rows }
    public var columnCount: Int { columns }

    public func readRow(_ row: Int, values: UnsafeMutableBufferPointer<Cost>, allowed: UnsafeMutableBufferPointer<Bool>)
    {
        allowed.update(repeating: false)
        let stored = _costs
        for position in stored.rowStart[row]..<stored.rowStart[row + 1] {
            let column = Int(stored.columnIndices[position])
            allowed[column] = true
            values[column] = sense == .maximize ? stored.values[position]._negated : stored.values[position]
        }
    }
}
