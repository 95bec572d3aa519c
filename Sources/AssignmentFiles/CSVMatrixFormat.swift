import Diagnostics
import Foundation

/// A numeric CSV matrix: commas between cells, one row per line (LF or CRLF),
/// an optional UTF-8 byte-order mark, and empty cells for forbidden pairs.
enum CSVMatrixFormat {
    static func decode(_ data: Data, path: String) throws(InputDiagnostics) -> MatrixFile {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let rowsText = lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        var problems = InputDiagnostics()
        var integers: [Int64] = []
        var reals: [Double] = []
        var allIntegral = true
        var emptyCells: [Int] = []
        var columns = -1
        for (rowIndex, (lineIndex, line)) in rowsText.enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if columns < 0 { columns = cells.count }
            if cells.count != columns {
                problems.error(
                    SourceLocation(file: path, row: lineIndex + 1, column: 1),
                    "the row has \(cells.count) cells but the first row has \(columns)")
                continue
            }
            for (columnIndex, cell) in cells.enumerated() {
                let trimmed = cell.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    emptyCells.append(rowIndex * columns + columnIndex)
                    integers.append(0)
                    reals.append(0)
                } else if let value = Double(trimmed),
                    value.isFinite || trimmed.lowercased().contains("inf") || trimmed.lowercased() == "nan"
                {
                    reals.append(value)
                    if allIntegral, let exact = Int64(trimmed) { integers.append(exact) } else { allIntegral = false }
                } else {
                    problems.error(
                        SourceLocation(file: path, row: lineIndex + 1, column: columnIndex + 1),
                        "'\(trimmed)' is not a number; write a number, or leave the cell empty to forbid the pair")
                }
            }
        }
        guard !problems.hasErrors else { throw problems }
        let rows = rowsText.count
        let width = max(columns, 0)
        return MatrixFile(
            rows: rows, columns: width, values: allIntegral ? .integers(integers) : .reals(reals),
            emptyCells: emptyCells)
    }
}
