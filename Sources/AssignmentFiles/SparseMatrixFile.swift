import Assignment
import Diagnostics
import Foundation

/// A sparse assignment problem read from a file: its allowed pairs (arcs),
/// each with a value, as a DIMACS assignment file (``DIMACSFormat``) or a
/// CSV file of `row,column,cost` lines (one allowed pair a line, rows and
/// columns numbered by whole numbers, a header line optional) gives them.
///
/// Rows and columns are those the file names, in increasing order of their
/// numbers (`rowLabels`, `columnLabels`): a file's numbering may skip, so
/// memory follows the file's size, never a number written in it.
public struct SparseMatrixFile: Sendable {
    /// The values, exactly as written.
    public enum Values: Sendable {
        case integers([Int64])
        case reals([Double])
    }

    /// Each row's number in the file (a DIMACS node id, a CSV row number).
    public let rowLabels: [Int64]
    /// Each column's number in the file.
    public let columnLabels: [Int64]
    /// Each arc's row and column (indices into the labels) and value, in
    /// file order; a pair may repeat (solving keeps its best value).
    public let arcRows: [Int32]
    public let arcColumns: [Int32]
    public let values: Values

    public var rows: Int { rowLabels.count }
    public var columns: Int { columnLabels.count }
    public var arcCount: Int { arcRows.count }

    /// The sparse matrix, one value per pair: of a pair written more than
    /// once, the least value when `keepingLeast` (costs to minimise), else
    /// the greatest.
    func matrix<Cost: AssignmentCost>(
        _ values: [Cost], keepingLeast: Bool
    ) throws(AssignmentError) -> SparseCostMatrix<Cost> {
        // Counting sort by row, then each row's arcs by column.
        var rowStart = [Int](repeating: 0, count: rows + 1)
        for row in arcRows { rowStart[Int(row) + 1] += 1 }
        for row in 0..<rows { rowStart[row + 1] += rowStart[row] }
        var order = [Int](repeating: 0, count: arcCount)
        var next = rowStart
        for (arc, row) in arcRows.enumerated() {
            order[next[Int(row)]] = arc
            next[Int(row)] += 1
        }
        var columnIndices: [Int32] = [], kept: [Cost] = [], keptStart = [0]
        columnIndices.reserveCapacity(arcCount)
        kept.reserveCapacity(arcCount)
        for row in 0..<rows {
            let arcs = order[rowStart[row]..<rowStart[row + 1]].sorted {
                (arcColumns[$0], $0) < (arcColumns[$1], $1)
            }
            for arc in arcs {
                let column = arcColumns[arc], value = values[arc]
                if columnIndices.count > keptStart[row], columnIndices.last == column {
                    if keepingLeast ? value < kept[kept.count - 1] : value > kept[kept.count - 1] {
                        kept[kept.count - 1] = value
                    }
                } else {
                    columnIndices.append(column)
                    kept.append(value)
                }
            }
            keptStart.append(kept.count)
        }
        return try SparseCostMatrix(
            rows: rows, columns: columns, rowStart: keptStart, columnIndices: columnIndices, values: kept)
    }

    /// Reads a sparse problem, choosing the format by the file's contents:
    /// DIMACS when its first line that is not blank starts with `c` or `p`,
    /// else a `row,column,cost` CSV file.
    ///
    /// - Throws: `InputDiagnostics` naming every bad line (and column) at once.
    public static func load(path: String) throws(InputDiagnostics) -> SparseMatrixFile {
        let data = try MatrixFile.mapped(path: path)
        let result = data.withUnsafeBytes { bytes -> Result<SparseMatrixFile, InputDiagnostics> in
            Result { () throws(InputDiagnostics) in
                isDIMACS(bytes)
                    ? try DIMACSFormat.decode(bytes, path: path) : try TripletCSVFormat.decode(bytes, path: path)
            }
        }
        return try result.get()
    }

    /// Whether `tandem solve` reads the file as sparse: a `.dimacs` or
    /// `.asn` file, a file starting as DIMACS files do, or a text file whose
    /// first line is a header of three words (`row,column,cost`). (A `.npy`
    /// file, or a CSV file of numbers, is a matrix.)
    public static func looksSparse(path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".dimacs") || lowered.hasSuffix(".asn") { return true }
        if lowered.hasSuffix(".npy") { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 4096)) ?? Data()
        return start.withUnsafeBytes { bytes in
            if isDIMACS(bytes) { return true }
            var scanner = _LineScanner(bytes)
            while let line = scanner.next() {
                var fields = _Fields(line.bytes, separator: UInt8(ascii: ","))
                let cells = fields.rest()
                if cells.count == 1, cells[0].isEmpty { continue }
                return cells.count == 3 && cells.allSatisfy { !$0.isEmpty && _Number($0) == nil }
            }
            return false
        }
    }

    /// Whether the text's first line that is not blank starts with `c` or
    /// `p`, as a DIMACS file's do.
    static func isDIMACS(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var scanner = _LineScanner(bytes)
        while let line = scanner.next() {
            var fields = _Fields(line.bytes, separator: nil)
            guard let first = fields.next() else { continue }
            return first.count == 1 && (first.first == UInt8(ascii: "c") || first.first == UInt8(ascii: "p"))
        }
        return false
    }
}

/// Gathers a file's problems, every one up to a hundred and then a count, so
/// that a hostile file of ten million bad lines is reported in a screenful.
struct _ProblemList {
    let path: String
    var diagnostics = InputDiagnostics()
    var more = 0
    static let shown = 100

    init(path: String) { self.path = path }

    mutating func error(line: Int, column: Int? = nil, _ message: String) {
        guard diagnostics.errors.count < Self.shown else {
            more += 1
            return
        }
        diagnostics.error(SourceLocation(file: path, row: line, column: column), message)
    }

    /// Throws the problems, if any.
    func check() throws(InputDiagnostics) {
        guard diagnostics.hasErrors else { return }
        var diagnostics = diagnostics
        if more > 0 {
            diagnostics.error(SourceLocation(file: path), "and \(more) more problems like those above")
        }
        throw diagnostics
    }
}
