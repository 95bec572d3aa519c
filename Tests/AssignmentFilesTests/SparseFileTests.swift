import Assignment
import Diagnostics
import Foundation
import Testing
import _TandemUtilities

@testable import AssignmentFiles

/// Sparse problems from files: DIMACS assignment files and `row,column,cost`
/// CSV files, and the DIMACS file a problem with capacities and unassigned
/// rows is written as.
@Suite struct SparseFileTests {
    /// A file's text, as `load` would read it.
    private func decode(_ text: String, path: String = "p.dimacs") throws(InputDiagnostics) -> SparseMatrixFile {
        let result = Data(text.utf8).withUnsafeBytes { bytes -> Result<SparseMatrixFile, InputDiagnostics> in
            Result { () throws(InputDiagnostics) in
                SparseMatrixFile.isDIMACS(bytes)
                    ? try DIMACSFormat.decode(bytes, path: path) : try TripletCSVFormat.decode(bytes, path: path)
            }
        }
        return try result.get()
    }

    struct RealCosts: Error {}

    /// The file's costs, which must be integers.
    private func integers(_ file: SparseMatrixFile) throws -> [Int64] {
        guard case .integers(let values) = file.values else { throw RealCosts() }
        return values
    }

    /// The optimum of a problem by the sparse solver, certified: its pairs'
    /// values and each unassigned row's value.
    private func optimum(_ problem: SparseAssignmentProblem<Int64>) throws -> Int64 {
        let solution = try ShortestAugmentingPath().solve(problem)
        #expect(OptimalityCertificate.verify(problem: problem, solution: solution).isOptimal)
        let unassigned = Int64(solution.columnForRow.count { $0 == nil })
        return solution.objective + unassigned * (problem.unassignedRows.value ?? 0)
    }

    @Test(
        "A problem with capacities and unassigned rows, written as DIMACS and read back, has its optimum (negated when maximised)",
        arguments: 0..<24)
    func encodeDecode(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let rows = 1 + Int(random.next() % 12), columns = 1 + Int(random.next() % 8)
        let pairs = (0..<rows).map { _ in
            (0..<columns).filter { _ in random.nextUnit() < 0.5 }.map {
                (column: $0, value: Int64(random.next() % 41) - 20)
            }
        }
        let capacities = (0..<columns).map { _ in Int(random.next() % 3) }
        let maximize = seed % 2 == 0
        let unassigned = Int64(random.next() % 7) - 3
        let problem = try SparseAssignmentProblem(
            SparseCostMatrix(rows: rows, columns: columns, pairs: pairs), sense: maximize ? .maximize : .minimize,
            capacities: capacities, unassignedRows: .allowed(value: unassigned))
        let text = String(decoding: DIMACSFormat.encode(problem, comments: ["test \(seed)"]), as: UTF8.self)
        let file = try decode(text)
        let values = try integers(file)
        let balanced = try SparseAssignmentProblem(file.matrix(values, keepingLeast: true), unassignedRows: .forbidden)
        #expect(balanced.rows == balanced.columns)
        #expect(try optimum(balanced) == (maximize ? -1 : 1) * optimum(problem))
    }

    @Test("Rows are the n lines' nodes and columns the arcs' other ends, by id; a repeated arc keeps its cheaper cost")
    func dimacsNumbering() throws {
        let file = try decode("c x\np asn 9 4\nn 7\nn 2\nn 5\na 2 9 4\na 7 3 1\na 2 9 3\na 7 9 8\n")
        #expect(file.rowLabels == [2, 5, 7] && file.columnLabels == [3, 9])
        let values = try integers(file)
        let least = try file.matrix(values, keepingLeast: true)
        #expect(least.value(row: 0, column: 1) == 3 && least.value(row: 2, column: 0) == 1)
        #expect(least.value(row: 1, column: 0) == nil)
        #expect(try file.matrix(values, keepingLeast: false).value(row: 0, column: 1) == 4)
    }

    @Test("Node numbers are numbered in increasing order alike whether they lie close together or far apart")
    func numberingByTableOrSearch() {
        var random = SeededGenerator(seed: 7)
        for trial in 0..<200 {
            // Close numbers (the table), numbers spread wide (the search), and the extremes of Int64.
            let spread: ClosedRange<Int64> =
                switch trial % 3 {
                case 0: -20...40
                case 1: -1_000_000_000_000...1_000_000_000_000
                default: Int64.min...Int64.max
                }
            let numbers = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                Int64.random(in: spread, using: &random)
            }
            let extra = (0..<Int.random(in: 0...3, using: &random)).map { _ in Int64.random(in: spread, using: &random)
            }
            let (labels, indices) = _SparseArcs.numbering(numbers, extra: extra)
            #expect(labels == Array(Set(numbers + extra)).sorted(), "trial \(trial)")
            #expect(indices.map { labels[Int($0)] } == numbers, "trial \(trial)")
        }
        let dense = _SparseArcs.numbering([5, 3, 5, 9], extra: [4])
        #expect(dense.labels == [3, 4, 5, 9] && dense.indices == [2, 0, 2, 3])
    }

    @Test("Every bad DIMACS line is reported at once, with its line and field")
    func dimacsErrors() {
        do {
            _ = try decode("p asn 4 3\nn 1\nn 9\na 1 3 x\na 3 1 2\nq 1\np asn 4 3\n")
            Issue.record("accepted")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(lines.contains("p.dimacs:3:2: error: '9' is not a node id; ids are whole numbers from 1 to 4"))
            #expect(lines.contains("p.dimacs:4:4: error: 'x' is not a finite cost; leave the arc out"))
            #expect(lines.contains { $0.hasPrefix("p.dimacs:5:2: error: the arc leaves node 3") })
            #expect(lines.contains { $0.hasPrefix("p.dimacs:5:3: error: the arc reaches node 1") })
            #expect(lines.contains { $0.hasPrefix("p.dimacs:6: error: 'q' starts no DIMACS line") })
            #expect(lines.contains { $0.hasPrefix("p.dimacs:7: error: a second problem line") })
            #expect(lines.contains("p.dimacs:1: error: the problem line declares 3 arcs but the file has 1"))
        }
    }

    @Test("A row,column,cost file: header optional, numbers as written, reals when any cost is; bad cells located")
    func triples() throws {
        let file = try decode("row,column,cost\n10,4,2.5\n3,4,1\n10,0,7\n", path: "t.csv")
        #expect(file.rowLabels == [3, 10] && file.columnLabels == [0, 4])
        guard case .reals(let values) = file.values else {
            Issue.record("a real cost read as an integer")
            return
        }
        #expect(values == [2.5, 1, 7])
        do {
            _ = try decode("0,1,2\n-1,2,3\n1,x,4\n1,2\n2,2,nan\n", path: "t.csv")
            Issue.record("accepted")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(lines.count == 4)
            #expect(lines.contains { $0.hasPrefix("t.csv:2:1: error: '-1' is not a row number") })
            #expect(lines.contains { $0.hasPrefix("t.csv:3:2: error: 'x' is not a column number") })
            #expect(lines.contains { $0.hasPrefix("t.csv:4:1: error: the line has 2 cells") })
            #expect(lines.contains { $0.hasPrefix("t.csv:5:3: error: 'nan' is not a finite number") })
        }
    }

    @Test("A file of a thousand bad lines is reported as a hundred problems and a count")
    func manyProblems() {
        let text = "p asn 2 0\n" + String(repeating: "z\n", count: 1_000)
        do {
            _ = try decode(text)
            Issue.record("accepted")
        } catch {
            #expect(error.problems.count == 101)
            #expect(error.problems.last?.message == "and 900 more problems like those above")
        }
    }
}
