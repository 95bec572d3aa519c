import Foundation
import Matching

/// Writes CSV text: RFC 4180 quoting, a fixed column order, LF line ends.
///
/// A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is written with a leading `'`, so
/// opening an output file never executes anything.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    /// Starts a file with its header row.
    public init(header: [String]) {
        append(header)
    }

    public mutating func append(_ cells: [String]) {
        text += cells.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    /// One cell as it is written to the file.
    static func escape(_ cell: String) -> String {
        var cell = cell
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(cell) == nil
        {
            cell = "'" + cell
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
