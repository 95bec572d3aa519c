import Foundation
import Testing

/// `tandem match --pass-processes N`: the passes over every pair run as
/// separate processes and give the folder one process writes.
@Suite struct PassProcessesTests {
    @Test("Passes as 1 and 4 processes write the folder of a streamed round, byte for byte, and say how each pass ran")
    func sameFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-passes-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = CompareCommandTests.inputs(CompareCommandTests.sample)
        let alone = try TandemProcess.run(["match"] + inputs + ["--scores", "streamed", "--out", "alone"], in: folder)
        try #require(alone.status == 0, "\(alone.standardError)")
        let expected = try TandemProcess.files(under: folder.appendingPathComponent("alone"))
        #expect(expected.count > 100)
        for processes in [1, 4] {
            let name = "split-\(processes)"
            let split = try TandemProcess.run(
                ["match"] + inputs + ["--pass-processes", "\(processes)", "--out", name], in: folder)
            try #require(split.status == 0, "\(split.standardError)")
            #expect(try TandemProcess.files(under: folder.appendingPathComponent(name)) == expected)
            #expect(
                split.standardOutput.contains("passes:      scoring every pair: 150 rows as \(processes) processes"),
                "\(split.standardOutput)")
            #expect(split.standardOutput.contains("passes:      looking for better pairs (pass 1): "))
        }
        // The parts' own folder is gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!leftovers.contains { $0.hasPrefix("tandem-passes-") && !$0.hasPrefix("tandem-passes-test-") })
    }

    @Test("A part refuses input files that changed since the round read them, and a job that is not one")
    func partRefusals() throws {
        let inputs = CompareCommandTests.inputs(CompareCommandTests.sample)
        let mentors = CompareCommandTests.sample.appendingPathComponent("mentors.csv").path
        let changed = try TandemProcess.run(
            ["pass-part"] + inputs + [
                "--job", "/nonexistent/job", "--part", "0/2", "--out", "/nonexistent/part",
                "--source-digest", "\(mentors)=0000",
            ])
        #expect(changed.status == 1)
        #expect(changed.standardError.contains("changed since the round read it"), "\(changed.standardError)")
        let notAJob = try TandemProcess.run(
            ["pass-part"] + inputs + ["--job", mentors, "--part", "0/2", "--out", "/nonexistent/part"])
        #expect(notAJob.status == 1)
        #expect(notAJob.standardError.contains("is not a Tandem pass"), "\(notAJob.standardError)")
        let badPart = try TandemProcess.run(
            ["pass-part"] + inputs + ["--job", mentors, "--part", "2/2", "--out", "/nonexistent/part"])
        #expect(badPart.status != 0 && badPart.standardError.contains("--part must be I/N"))
    }

    @Test("Refused with a ledger, with stored scores, and outside 1…256, before anything is read")
    func refusals() throws {
        let inputs = CompareCommandTests.inputs(CompareCommandTests.sample) + ["--out", "/nonexistent/round"]
        for (extra, message) in [
            (
                ["--pass-processes", "2", "--ledger", "/nonexistent/ledger.db"],
                "a ledger's earlier pairs change the scores"
            ),
            (["--pass-processes", "2", "--scores", "stored"], "leave out --scores stored"),
            (["--pass-processes", "0"], "must be from 1 to 256, not 0"),
        ] {
            let result = try TandemProcess.run(["match"] + inputs + extra)
            #expect(result.status != 0 && result.standardError.contains(message), "\(result.standardError)")
        }
    }
}
