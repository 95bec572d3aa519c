import Diagnostics
import Foundation
import _TandemUtilities

/// A CSV file read whole: the header cells and every record, with locations.
///
/// Reads what form tools and spreadsheets export (RFC 4180 and its usual
/// variations): cells separated by commas (or by semicolons or tabs, when the
/// header line uses those), UTF-8 with or without a byte-order mark, LF or CRLF line ends,
/// quoted cells holding commas, doubled quotes and line breaks, a missing final
/// line break. Blank lines are skipped. A record with fewer cells than the
/// header reads as empty cells past its end (spreadsheets drop trailing empty
/// cells; nothing is stored for them, so a header of 50,000 columns over
/// one-cell rows costs what the file does, where padding took 4 GB);
/// one with more is reported.
///
/// Hand-written rather than CSV.swift or SwiftCSV: on a 20,000-row, 3 MB sign-up
/// export those took 273 ms and 362 ms (release build, this machine, Nov 2026),
/// most of the 0.5 s budget for loading *and* validating; this byte loop takes
/// about 10 ms, and it reports an unterminated quote with its row, which neither
/// does.
public struct CSVTable: Sendable {
    /// One data record: its spreadsheet row number and its cells.
    public struct Record: Sendable {
        /// The spreadsheet row: the header is row 1.
        public var row: Int
        /// The cells as written: never more than the header's columns, and
        /// fewer when the row ends early.
        public var cells: [String]

        /// The cell in `column` (0-based), empty past the row's end.
        public func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
    }

    public let path: String
    public let header: [String]
    public let records: [Record]
    /// The SHA-256 of the bytes parsed (lower-case hex): what `round.json`
    /// records, so it describes the file as it was read.
    public let sha256: String

    /// Reads and parses `path`.
    ///
    /// - Throws: `InputDiagnostics` when the file cannot be read, is empty,
    ///   is not UTF-8, has an unterminated quote, or has a record longer than
    ///   its header; every such record is reported.
    /// - Complexity: O(file size).
    public static func load(path: String) throws(InputDiagnostics) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputDiagnostics([.error(SourceLocation(file: path), "cannot be read: \(Self.reason(error)).")])
        }
        return try parse(data, path: path)
    }

    /// Parses CSV bytes; `path` only names the file in problems.
    public static func parse(_ data: Data, path: String) throws(InputDiagnostics) -> CSVTable {
        var diagnostics = InputDiagnostics()
        // Spreadsheets by their signature: .xlsx and .ods are ZIP archives,
        // .xls an OLE2 compound file.
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputDiagnostics([
                .error(
                    SourceLocation(file: path),
                    "is a spreadsheet file (.xlsx, .ods or .xls), not CSV; in your spreadsheet program choose Save As or Export, \"CSV UTF-8\"."
                )
            ])
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw InputDiagnostics([
                .error(
                    SourceLocation(file: path), "is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\".")
            ])
        }
        var rows = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return _CSVScanner(bytes: bytes, path: path, delimiter: _CSVScanner.delimiter(of: bytes)).scan(
                into: &diagnostics)
        }
        guard !rows.isEmpty else {
            // A quote never closed swallows the whole file: that error is the one to fix.
            if diagnostics.hasErrors { throw diagnostics }
            diagnostics.error(SourceLocation(file: path), "is empty; it needs a header row naming its columns.")
            throw diagnostics
        }
        let header = rows.removeFirst().cells.map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        for var record in rows {
            if record.cells.count > header.count {
                // A trailing run of empty cells beyond the header is harmless.
                while record.cells.count > header.count, record.cells.last?.isEmpty == true {
                    record.cells.removeLast()
                }
                if record.cells.count > header.count {
                    diagnostics.error(
                        SourceLocation(file: path, row: record.row, column: header.count + 1),
                        "this row has \(record.cells.count) cells but the header names \(header.count) columns; a cell holding a comma must be quoted."
                    )
                    continue
                }
            }
            records.append(record)
        }
        if diagnostics.hasErrors { throw diagnostics }
        return CSVTable(path: path, header: header, records: records, sha256: SHA256.hex(data))
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        return nsError.localizedDescription
    }
}

/// The byte loop behind ``CSVTable``: one pass, one state machine.
struct _CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    /// `,` usually; `;` for spreadsheets in locales that write decimal commas,
    /// a tab for "tab-separated" exports.
    let delimiter: UInt8

    private static let quote = UInt8(ascii: "\""),
        lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The delimiter of the header line: whichever of `,`, `;` and tab occurs
    /// most often outside quotes (a comma on a tie).
    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false
        for byte in bytes {
            if byte == quote {
                quoted.toggle()
                continue
            }
            if quoted { continue }
            if byte == lineFeed || byte == carriageReturn { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        // The first of the most frequent, in the order above: a comma on a tie.
        return candidates[counts.firstIndex(of: counts.max()!)!]
    }

    /// Every record with a non-blank cell, header included, in file order.
    /// Blank lines and rows of empty cells still count as rows, as a
    /// spreadsheet shows them.
    func scan(into diagnostics: inout InputDiagnostics) -> [CSVTable.Record] {
        var records: [CSVTable.Record] = []
        var index = 0
        // A UTF-8 byte-order mark (EF BB BF) is not part of the first header cell.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var row = 0
        var cells: [String] = []
        var field: [UInt8] = []
        var badEncoding = false
        while index < bytes.count {
            row += 1
            cells.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                field.removeAll(keepingCapacity: true)
                if index < bytes.count, bytes[index] == Self.quote {
                    // Quoted cell: runs to the next quote not doubled, across line breaks.
                    let opened = row
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        index += 1
                        if byte == Self.quote {
                            if index < bytes.count, bytes[index] == Self.quote {
                                field.append(Self.quote)
                                index += 1
                            } else {
                                closed = true
                                break
                            }
                        } else {
                            field.append(byte)
                        }
                    }
                    if !closed {
                        diagnostics.error(
                            SourceLocation(file: path, row: opened, column: cells.count + 1),
                            "a quoted cell is never closed; every opening \" needs a closing \".")
                        return records
                    }
                }
                // Unquoted text, or anything after a closing quote, runs to a delimiter or line end.
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    field.append(byte)
                    index += 1
                }
                if let cell = String(validating: field, as: UTF8.self) {
                    cells.append(cell)
                } else {
                    if !badEncoding {
                        diagnostics.error(
                            SourceLocation(file: path, row: row, column: cells.count + 1),
                            "this cell is not valid UTF-8; save the file as \"CSV UTF-8\".")
                    }
                    badEncoding = true
                    cells.append(String(decoding: field, as: UTF8.self))
                }
                if index >= bytes.count {
                    endOfRecord = true
                } else if bytes[index] == delimiter {
                    index += 1
                    if index >= bytes.count {
                        cells.append("")
                        endOfRecord = true
                    }
                } else {
                    if bytes[index] == Self.carriageReturn { index += 1 }
                    if index < bytes.count, bytes[index] == Self.lineFeed { index += 1 }
                    endOfRecord = true
                }
            }
            // A row of empty cells (",,,," from a spreadsheet) is as blank as an empty line.
            let blank = cells.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } }
            if !blank { records.append(CSVTable.Record(row: row, cells: cells)) }
        }
        return records
    }
}
