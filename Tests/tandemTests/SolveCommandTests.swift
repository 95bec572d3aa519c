import AssignmentFiles
import Foundation
import Testing

@Suite struct SolveCommandTests {
    /// A CSV file in the temporary folder holding `contents`: its path.
    static func temporaryCSV(_ contents: String, named name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-\(name)-\(UUID()).csv").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("tandem solve on the bundled sample prints the snapshot answer")
    func sampleMatchesSnapshot() throws {
        let result = try TandemProcess.run([
            "solve", "datasets/sample-scores.csv", "--maximize",
            "--capacities", "datasets/sample-capacities.txt", "--forbidden", "-1", "--json",
        ])
        #expect(result.status == 0)
        try TandemProcess.expectSnapshot(Self.stable(result.standardOutput) + "\n", "sample-solve.json")
    }

    @Test("tandem solve --help matches the snapshot")
    func helpMatchesSnapshot() throws {
        let result = try TandemProcess.run(["solve", "--help"])
        #expect(result.status == 0)
        try TandemProcess.expectSnapshot(result.standardOutput, "solve-help.txt")
    }

    @Test("a CSV with bad cells reports every one with its line and column, and exits non-zero")
    func badCellsAreAllReported() throws {
        let path = try Self.temporaryCSV("1,2,x\n3,,4\nfive,6,7\n", named: "bad")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try TandemProcess.run(["solve", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("\(path):1:3: error: 'x' is not a number"))
        #expect(result.standardError.contains("\(path):3:1: error: 'five' is not a number"))
    }

    @Test("a NaN cell without --forbidden is an error naming its row and column")
    func nanWithoutMarkerIsAnError() throws {
        let path = try Self.temporaryCSV("1.5,2\nnan,4\n", named: "nan")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let failing = try TandemProcess.run(["solve", path])
        #expect(failing.status == 1)
        #expect(failing.standardError.contains("row 2, column 1: nan is not a usable value"))
        let passing = try TandemProcess.run(["solve", path, "--forbidden", "nan", "--json"])
        #expect(passing.status == 0)
        #expect(passing.standardOutput.contains("\"assignment\":[0,1]"))
    }

    @Test("a sparse file with more rows than places is refused with both counts")
    func sparseFileWithTooFewPlaces() throws {
        let path = try Self.temporaryCSV("row,column,cost\n0,0,1\n1,0,2\n2,1,3\n", named: "crowded")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try TandemProcess.run(["solve", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no assignment places every row (3 rows, 2 places)"))
        #expect(try TandemProcess.run(["solve", path, "--unassigned-value", "0"]).status == 0)
    }

    @Test("a sparse file with enough places in all, where two rows can use only one column, names a row of the two")
    func sparseFileFailingHall() throws {
        let path = try Self.temporaryCSV("row,column,cost\n0,0,1\n1,1,1\n1,2,1\n2,0,1\n", named: "hall")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try TandemProcess.run(["solve", path])
        #expect(result.status == 1)
        let named = ["row 0 and", "row 2 and"].filter { result.standardError.contains($0) }
        #expect(named.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("are more than those columns' places; give --unassigned-value V"))
    }

    @Test(
        "the objective counts each unassigned row's value, as the certificate's primal does",
        arguments: ["row,column,cost\n0,0,5\n1,0,3\n", "5\n3\n"])
    func objectiveCountsUnassignedRows(file: String) throws {
        let path = try Self.temporaryCSV(file, named: "unassigned")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Row 1 takes the column at 3 and row 0 stays out at 10: 13 in all.
        let json = try TandemProcess.run(["solve", path, "--unassigned-value", "10", "--json"])
        #expect(json.status == 0)
        #expect(json.standardOutput.contains("\"objective\":13,"))
        #expect(json.standardOutput.contains("\"primal_objective\":13.0,"))
        let text = try TandemProcess.run(["solve", path, "--unassigned-value", "10"])
        #expect(text.standardOutput.contains("objective:   13\n"))
    }

    @Test(
        "a .npy with a zero dimension is answered at once, without listing its declared rows",
        arguments: [
            (0, 100_000_000, "0 of 0 rows (the matrix has no rows)"),
            (10_000_000, 0, "0 of 10000000 rows (the matrix has no columns)"),
        ])
    func zeroDimensionIsAnsweredShortly(rows: Int, columns: Int, assigned: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-zero-\(UUID()).npy").path
        try MatrixFile(rows: rows, columns: columns, values: .integers([])).npyData()
            .write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try TandemProcess.run(["solve", path])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("assigned:    \(assigned)"))
        #expect(text.standardOutput.utf8.count < 400)
        let json = try TandemProcess.run(["solve", path, "--json", "--unassigned-value", "-2"])
        #expect(json.status == 0)
        #expect(
            json.standardOutput.contains(
                "\"objective\":\(-2 * rows),\"optimal\":true,\"exact\":true,\"degenerate\":true"))
        #expect(json.standardOutput.contains("\"unassigned_rows\":[],\"assignment\":[]"))
        // An unassigned value no 64-bit total can hold is refused, not a trap.
        let huge = try TandemProcess.run(["solve", path, "--unassigned-value", "1e30"])
        #expect(huge.status == 1)
        #expect(huge.standardError.contains("must be a whole number for an integer matrix"))
    }

    @Test("an unknown option value is a usage error")
    func badForbiddenValueIsUsageError() throws {
        let result = try TandemProcess.run(["solve", "datasets/sample-scores.csv", "--forbidden", "minus-one"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--forbidden must be a number"))
    }

    /// The JSON without its timing fields, which vary from run to run.
    static func stable(_ json: String) -> String {
        json.replacingOccurrences(
            of: #""(load|solve|verify)_seconds":[0-9.e+-]+,"#, with: "", options: .regularExpression
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension SolveCommandTests {
    @Test("a capacities file with the wrong number of lines is reported against that file")
    func capacityCountMismatch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-caps-\(UUID()).txt").path
        try "2\n2\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try TandemProcess.run(["solve", "datasets/sample-scores.csv", "--capacities", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path): error: lists 2 capacities but the matrix has 6 columns"))
    }

    @Test("an integer matrix near 2⁶⁰ is refused with the file named; near 2⁵⁶ it is solved and certified exactly")
    func hugeIntegers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-huge-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = folder + "/refused.csv", accepted = folder + "/accepted.csv"
        try "1152921504606846976,1152921504606846977\n1152921504606846977,1152921504606846976\n"
            .write(toFile: refused, atomically: true, encoding: .utf8)
        try "72057594037927936,72057594037927937\n72057594037927937,72057594037927936\n"
            .write(toFile: accepted, atomically: true, encoding: .utf8)
        let failing = try TandemProcess.run(["solve", refused, "--json"])
        #expect(failing.status == 1)
        #expect(failing.standardOutput.isEmpty)
        #expect(failing.standardError.contains("\(refused): error: the largest cost magnitude"))
        let passing = try TandemProcess.run(["solve", accepted, "--json"])
        #expect(passing.status == 0)
        #expect(passing.standardOutput.contains("\"objective\":144115188075855872,"))
        #expect(passing.standardOutput.contains("\"optimal\":true"))
        #expect(passing.standardOutput.contains("\"assignment\":[0,1]"))
    }

    @Test("--unassigned-value leaves rows unmatched below the threshold and counts them in the certificate")
    func thresholdFromTheCommandLine() throws {
        let result = try TandemProcess.run([
            "solve", "datasets/sample-scores.csv", "--maximize", "--forbidden", "-1",
            "--capacities", "datasets/sample-capacities.txt", "--unassigned-value", "40", "--json",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\"optimal\":true"))
        #expect(result.standardOutput.contains("\"unassigned_rows\":[2,11]"))
    }
}

/// `tandem match --export-candidates` and `tandem solve` on what it wrote.
@Suite struct CandidateExportTests {
    @Test(
        "A round's exported candidate graph, solved by tandem solve, has minus the round's certified objective",
        arguments: ["coverage", "quality"])
    func exportReadBack(objective: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = folder.appendingPathComponent("cohort").path
        #expect(
            try TandemProcess.run(["generate", "--mentees", "700", "--mentors", "300", "--seed", "6", "--out", cohort])
                .status == 0)
        let policy = try String(contentsOfFile: cohort + "/policy.toml", encoding: .utf8)
        try (policy + "\n[matching]\nobjective = \"\(objective)\"\n").write(
            toFile: cohort + "/policy.toml", atomically: true, encoding: .utf8)
        let graph = folder.appendingPathComponent("candidates.dimacs").path
        let arguments = [
            "match", "--mentors", "\(cohort)/mentors.csv", "--mentees", "\(cohort)/mentees.csv",
            "--conflicts", "\(cohort)/conflicts.csv", "--policy", "\(cohort)/policy.toml",
            "--export-candidates", graph, "--quiet",
        ]
        let round = folder.appendingPathComponent("round").path
        #expect(try TandemProcess.run(arguments + ["--out", round]).status == 0)
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: round + "/round.json"))) as? [String: Any]
        let certificate = try #require(summary?["certificate"] as? [String: Any])
        let roundObjective = try #require(certificate["primal_objective"] as? NSNumber).int64Value
        let solved = try TandemProcess.run(["solve", graph, "--json"])
        #expect(solved.status == 0)
        let answer = try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any]
        #expect((answer?["optimal"] as? Bool) == true)
        #expect((answer?["objective"] as? NSNumber)?.int64Value == -roundObjective)
        // A second run replaces its own export; any other file is refused untouched.
        #expect(try TandemProcess.run(arguments + ["--out", round]).status == 0)
        try "mine\n".write(toFile: graph, atomically: true, encoding: .utf8)
        let refused = try TandemProcess.run(arguments + ["--out", round])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("\(graph): error: exists and is not a candidate graph Tandem wrote"))
        #expect(try String(contentsOfFile: graph, encoding: .utf8) == "mine\n")
    }
}
