import Assignment
import Diagnostics
import Foundation

/// The DIMACS assignment format (`p asn`), as the first DIMACS
/// implementation challenge defined it and GLPK, LEMON and OR-Library's
/// collections use:
///
/// ```text
/// c a comment
/// p asn NODES ARCS
/// n ID            (one line per node on the rows' side)
/// a FROM TO COST  (an allowed pair: FROM a row's node, TO a column's)
/// ```
///
/// Nodes are numbered 1…NODES. Rows are the nodes named by `n` lines,
/// columns the other nodes that arcs reach, each in increasing order of id.
/// Costs are minimised. An arc written twice keeps its cheaper cost (its
/// higher value with `--maximize`).
public enum DIMACSFormat {
    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(InputDiagnostics) -> SparseMatrixFile {
        var problems = _ProblemList(path: path)
        var arcs = _SparseArcs()
        var arcLines: [Int32] = []
        var sources: [Int64] = []
        var declared: (nodes: Int64, arcs: Int64, line: Int)?
        var scanner = _LineScanner(bytes)
        func text(_ field: UnsafeRawBufferPointer.SubSequence) -> String { String(decoding: field, as: UTF8.self) }
        // Each line's kind and first fields are read in place, without an
        // array or a string a line (there were five allocations a line). The
        // 150,000-person round's exported graph (7.5 million arc lines, 169
        // MB) loaded in 4.7–4.9 s; numbering its nodes through a table
        // (`_SparseArcs.numbering`) made that 2.7–3.2 s, and reading lines in
        // place 1.5–2.1 s (`tandem solve FILE --json`, `load_seconds`, one
        // core, three runs of each side by side).
        while let line = scanner.next() {
            var iterator = _Fields(line.bytes, separator: nil)
            guard let kind = iterator.next() else { continue }
            let fields = (iterator.next(), iterator.next(), iterator.next())
            let fieldCount =
                fields.0 == nil ? 0 : fields.1 == nil ? 1 : fields.2 == nil ? 2 : iterator.next() == nil ? 3 : 4
            switch kind.count == 1 ? kind.first! : 0 {
            case UInt8(ascii: "c"):
                continue
            case UInt8(ascii: "p"):
                guard declared == nil else {
                    problems.error(line: line.number, "a second problem line; a file has one (p asn NODES ARCS)")
                    continue
                }
                guard fieldCount == 3, let kindField = fields.0, let nodeField = fields.1, let arcField = fields.2,
                    text(kindField) == "asn", case .integer(let nodes)? = _Number(nodeField),
                    case .integer(let arcCount)? = _Number(arcField), nodes >= 0, arcCount >= 0
                else {
                    problems.error(
                        line: line.number,
                        "the problem line must be p asn NODES ARCS (an assignment problem; 'p min' and 'p max' are flow problems)"
                    )
                    declared = (.max, .max, line.number)
                    continue
                }
                declared = (nodes, arcCount, line.number)
            case UInt8(ascii: "n"), UInt8(ascii: "a"):
                guard let declared else {
                    problems.error(line: line.number, "a node or arc line before the problem line (p asn NODES ARCS)")
                    continue
                }
                let isArc = kind.first == UInt8(ascii: "a")
                guard fieldCount == (isArc ? 3 : 1) else {
                    problems.error(
                        line: line.number, isArc ? "an arc line is a FROM TO COST" : "a node line is n ID")
                    continue
                }
                func id(_ field: UnsafeRawBufferPointer.SubSequence?, position: Int) -> Int64? {
                    guard let field else { return nil }
                    guard case .integer(let id)? = _Number(field), id >= 1, id <= declared.nodes else {
                        problems.error(
                            line: line.number, column: position + 2,
                            "'\(text(field))' is not a node id; ids are whole numbers from 1 to \(declared.nodes)")
                        return nil
                    }
                    return id
                }
                let from = id(fields.0, position: 0)
                guard isArc else {
                    if let from { sources.append(from) }
                    continue
                }
                let to = id(fields.1, position: 1)
                guard let costField = fields.2, let cost = _Number(costField) else {
                    problems.error(
                        line: line.number, column: 4,
                        "'\(fields.2.map(text) ?? "")' is not a finite cost; leave the arc out")
                    continue
                }
                if let from, let to {
                    arcs.append(row: from, column: to, value: cost)
                    arcLines.append(Int32(truncatingIfNeeded: line.number))
                }
            default:
                problems.error(
                    line: line.number,
                    "'\(text(kind))' starts no DIMACS line; lines start with c (comment), p (problem), n (node) or a (arc)"
                )
            }
        }
        if declared == nil { problems.error(line: 1, "there is no problem line (p asn NODES ARCS)") }
        let isSource = Set(sources)
        for (arc, line) in arcLines.enumerated() {
            if !isSource.contains(arcs.rowNumbers[arc]) {
                problems.error(
                    line: Int(line), column: 2,
                    "the arc leaves node \(arcs.rowNumbers[arc]), which no n line names; arcs go from the rows' nodes (n ID)"
                )
            }
            if isSource.contains(arcs.columnNumbers[arc]) {
                problems.error(
                    line: Int(line), column: 3,
                    "the arc reaches node \(arcs.columnNumbers[arc]), which an n line names as a row; arcs go from rows to columns"
                )
            }
        }
        if let declared, declared.arcs != .max, declared.arcs != Int64(arcs.count) {
            problems.error(
                line: declared.line, "the problem line declares \(declared.arcs) arcs but the file has \(arcs.count)")
        }
        try problems.check()
        return arcs.matrix(extraRows: sources)
    }

    /// The problem as a DIMACS assignment file that any assignment solver
    /// can read: a perfect assignment of least cost whose cost is the
    /// problem's optimum (negated when the problem maximises).
    ///
    /// Rows that may stay unassigned and columns with capacities are what the
    /// format cannot say, so the file builds them in: each column of capacity
    /// k becomes k place nodes with the column's arcs, each row gets a node
    /// of its own for staying unassigned (cost: the unassigned value), and
    /// each place gets a node on the rows' side for staying empty (cost 0),
    /// with a free arc to every row-staying-unassigned node whose row has an
    /// arc to that place: so when a row takes a place, the place's empty
    /// node takes the row's unassigned node, and every perfect assignment
    /// is an answer of the problem and back, at the same cost. Nodes:
    /// rows 1…R, empty places R+1…R+P, places R+P+1…R+2P, unassigned rows
    /// R+2P+1…2R+2P.
    ///
    /// - Precondition: Rows may stay unassigned (`.allowed(value:)`), and no locks.
    public static func encode(_ problem: SparseAssignmentProblem<Int64>, comments: [String] = []) -> Data {
        guard case .allowed(let unassigned) = problem.unassignedRows, problem.locks.isEmpty else {
            preconditionFailure("DIMACSFormat.encode needs rows allowed to stay unassigned and no locks")
        }
        let matrix = problem.matrix
        let rows = matrix.rows, sign: Int64 = problem.sense == .maximize ? -1 : 1
        var firstPlace = [Int](repeating: 0, count: matrix.columns + 1)
        for column in 0..<matrix.columns { firstPlace[column + 1] = firstPlace[column] + problem.capacities[column] }
        let places = firstPlace[matrix.columns]
        let emptyPlace = { (place: Int) in rows + place + 1 }
        let placeNode = { (place: Int) in rows + places + place + 1 }
        let unassignedNode = { (row: Int) in rows + 2 * places + row + 1 }
        var arcCount = rows + places
        for row in 0..<rows {
            for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                arcCount += 2 * problem.capacities[Int(matrix.columnIndices[position])]
            }
        }
        var text = ""
        text.reserveCapacity(24 * arcCount)
        for comment in comments { text += "c \(comment)\n" }
        text += "c rows 1-\(rows); empty places \(rows + 1)-\(rows + places); "
        text +=
            "places \(rows + places + 1)-\(rows + 2 * places); unassigned rows \(rows + 2 * places + 1)-\(2 * rows + 2 * places)\n"
        text += "p asn \(2 * (rows + places)) \(arcCount)\n"
        for node in stride(from: 1, through: rows + places, by: 1) { text += "n \(node)\n" }
        for row in 0..<rows {
            for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                let column = Int(matrix.columnIndices[position]), cost = sign * matrix.values[position]
                for place in firstPlace[column]..<firstPlace[column + 1] {
                    text += "a \(row + 1) \(placeNode(place)) \(cost)\n"
                }
            }
            text += "a \(row + 1) \(unassignedNode(row)) \(sign * unassigned)\n"
        }
        for row in 0..<rows {
            for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                let column = Int(matrix.columnIndices[position])
                for place in firstPlace[column]..<firstPlace[column + 1] {
                    text += "a \(emptyPlace(place)) \(unassignedNode(row)) 0\n"
                }
            }
        }
        for place in 0..<places { text += "a \(emptyPlace(place)) \(placeNode(place)) 0\n" }
        return Data(text.utf8)
    }
}
