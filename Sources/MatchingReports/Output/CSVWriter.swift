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
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        let quotes = cell.withUTF8 { Self.quotesIfNeeded($0, separator: separatorByte) }
        guard quotes >= 0 else { return cell }
        return cell.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + quotes + 2) { output in
                let quote = UInt8(ascii: "\"")
                output[0] = quote
                var written = 1
                for byte in bytes {
                    output[written] = byte
                    written += 1
                    if byte == quote {
                        output[written] = quote
                        written += 1
                    }
                }
                output[written] = quote
                return written + 1
            }
        }
    }

    /// How many quotes the cell holds when it must be quoted (it holds a
    /// quote, the separator or a line end), or −1 when it need not be.
    /// Over the cell's bytes in place: a round's mail-merge file is about
    /// 100 MB of quoted letters at 68,000 mentees, and iterating the
    /// string's UTF-8 view and appending to an array byte by byte took a
    /// seventh of the samples of writing the round's files.
    private static func quotesIfNeeded(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var quotes = 0, special = 0
        for byte in bytes {
            quotes &+= byte == quote ? 1 : 0
            special |= byte == quote || byte == separator || byte == newline || byte == carriageReturn ? 1 : 0
        }
        return special == 0 ? -1 : quotes
    }

    /// `-`, digits, and optionally `.` and digits: the numbers Tandem writes.
    private static func isPlainDecimal(_ cell: String) -> Bool {
        let parts = cell.utf8.dropFirst(cell.hasPrefix("-") ? 1 : 0).split(
            separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }
}
