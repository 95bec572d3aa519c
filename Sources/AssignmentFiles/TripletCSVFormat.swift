import Diagnostics

/// A sparse problem as a CSV file of `row,column,cost` lines: one allowed
/// pair per line, rows and columns numbered by whole numbers from 0 (any
/// numbers will do: only the order matters), a header line optional. Pairs
/// not written are forbidden.
enum TripletCSVFormat {
    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(InputDiagnostics) -> SparseMatrixFile {
        var problems = _ProblemList(path: path)
        var arcs = _SparseArcs()
        var scanner = _LineScanner(bytes)
        var seenFirst = false
        while let line = scanner.next() {
            var fieldIterator = _Fields(line.bytes, separator: UInt8(ascii: ","))
            let fields = fieldIterator.rest()
            if fields.count == 1, fields[0].isEmpty { continue }
            defer { seenFirst = true }
            guard fields.count == 3 else {
                problems.error(
                    line: line.number, column: 1,
                    "the line has \(fields.count) cells; write row,column,cost (one allowed pair per line)")
                continue
            }
            let numbers = fields.map(_Number.init)
            // A first line that is not three numbers is the header.
            if !seenFirst, numbers.contains(where: { $0 == nil }) { continue }
            var row: Int64?, column: Int64?
            for (position, number) in numbers.prefix(2).enumerated() {
                guard case .integer(let value) = number, value >= 0 else {
                    problems.error(
                        line: line.number, column: position + 1,
                        "'\(String(decoding: fields[position], as: UTF8.self))' is not a \(position == 0 ? "row" : "column") number; write a whole number, 0 or more"
                    )
                    continue
                }
                if position == 0 { row = value } else { column = value }
            }
            guard let value = numbers[2] else {
                problems.error(
                    line: line.number, column: 3,
                    "'\(String(decoding: fields[2], as: UTF8.self))' is not a finite number; leave the pair out to forbid it"
                )
                continue
            }
            if let row, let column { arcs.append(row: row, column: column, value: value) }
        }
        try problems.check()
        return arcs.matrix()
    }
}
