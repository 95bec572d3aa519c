/// Where in an input file something was found: the file, and where known the
/// row and column.
///
/// For CSV files `row` is the spreadsheet row (the header is row 1, the first
/// participant row 2, a quoted cell spanning several lines still one row) and
/// `column` the 1-based cell index, as a spreadsheet shows them. For the
/// policy file `row` is the line.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: Int?

    public init(file: String, row: Int? = nil, column: Int? = nil) {
        self.file = file
        self.row = row
        self.column = column
    }

    /// `file`, `file:row` or `file:row:column`.
    public var description: String {
        guard let row else { return file }
        guard let column else { return "\(file):\(row)" }
        return "\(file):\(row):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.row ?? 0) != (rhs.row ?? 0) { return (lhs.row ?? 0) < (rhs.row ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
