import Foundation
import Matching

/// Writes CSV text: RFC 4180 quoting, a fixed column order, LF line ends.
///
/// A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is written with a leading `'`, so
/// opening an output file never executes anything. Only plain decimals as
/// Tandem writes them (`-3.00`, `-2`) stay as they are: `+1`, `+1e5`, `-inf`
/// or `+0x10` also parse as numbers somewhere, and are neutralised too.
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    private let separator: Character

    /// Starts a file with its header row, written as the policy's
    /// `[output]` says (by default `,` and a byte-order mark).
    public init(header: [String], format: Policy.Output = Policy.Output()) {
        separator = format.csvSeparator
        if format.csvByteOrderMark { text = "\u{FEFF}" }
        append(header)
    }

    public mutating func append(_ cells: [String]) {
        text += Self.line(cells, separator: separator)
    }

    /// One row as it is written to a file, its newline included: for files
    /// written a row at a time rather than held whole.
    public static func line(_ cells: [String], separator: Character = ",") -> String {
        cells.map { escape($0, separator: separator) }.joined(separator: String(separator)) + "\n"
    }

    /// One cell as it is written to the file.
    ///
    /// Read byte by byte (the separators Tandem writes, `,`, `;` and a tab,
    /// are ASCII, as are quotes and line ends): a round's mail-merge file
    /// quotes every letter, and Foundation's `replacingOccurrences` took 8 %
    /// of a whole 34,000-mentee round's time, the byte loop a fraction of a
    /// percent. (Reading by `Character` also missed a CRLF, one grapheme.)
    static func escape(_ cell: String, separator: Character) -> String {
        var cell = cell
        if let first = cell.utf8.first, "=+-@\t\r".utf8.contains(first), !Self.isPlainDecimal(cell) {
            cell = "'" + cell
        }
        let quote = UInt8(ascii: "\""), separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        var quotes = 0, needsQuotes = false
        for byte in cell.utf8
        where byte == quote || byte == separatorByte || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            needsQuotes = true
            if byte == quote { quotes += 1 }
        }
        guard needsQuotes else { return cell }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cell.utf8.count + quotes + 2)
        bytes.append(quote)
        for byte in cell.utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-`, digits, and optionally `.` and digits: the numbers Tandem writes.
    private static func isPlainDecimal(_ cell: String) -> Bool {
        let parts = cell.utf8.dropFirst(cell.hasPrefix("-") ? 1 : 0).split(
            separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }
}
