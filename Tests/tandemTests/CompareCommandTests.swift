import Foundation
import Testing

/// `tandem compare` from the command line: each kind of scenario against an
/// independent `tandem match` of the same change made by hand to the files,
/// the folder's determinism, and bad scenario files.
@Suite struct CompareCommandTests {
    static let sample = TandemProcess.packageRoot.appendingPathComponent("datasets/sample")

    /// The sample's files, copied to `folder` (changed by hand there).
    static func copySample(to folder: URL) throws {
        for name in ["mentors.csv", "mentees.csv", "conflicts.csv", "policy.toml"] {
            try FileManager.default.copyItem(
                at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    static func inputs(_ folder: URL) -> [String] {
        ["mentors", "mentees", "conflicts"].flatMap { ["--\($0)", folder.appendingPathComponent("\($0).csv").path] }
            + ["--policy", folder.appendingPathComponent("policy.toml").path]
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Rewrites a file's text.
    static func edit(_ url: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// The objective's figures, which every optimal answer shares (the
    /// lowest or median score may differ between equally good answers).
    static func figures(_ object: [String: Any]) -> [String] {
        ["matched", "total_score"].map { "\(object[$0] ?? "nil")" }
    }

    @Test(
        "Each scenario kind equals tandem match of the same change made by hand to the files: same optimum, certified",
        arguments: [
            ("policy", "[[scenario]]\nname = \"x\"\n[scenario.policy]\nrules.same_organisation = \"forbid\"\n"),
            ("drop", "[[scenario]]\nname = \"x\"\ndrop = [\"M17\", \"E40\"]\n"),
            ("capacity", "[[scenario]]\nname = \"x\"\ncapacity = { M2 = 2, M72 = 1 }\n"),
            ("forbid", "[[scenario]]\nname = \"x\"\nforbid = [[\"E1\", \"M17\"]]\n"),
            ("sweep", "[[sweep]]\nname = \"x\"\nkey = \"matching.minimum_score\"\nvalues = [20]\n"),
            ("objective", "[[scenario]]\nname = \"x\"\n[scenario.policy]\nmatching = { objective = \"quality\" }\n"),
        ])
    func handApplied(kind: String, scenarios: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-compare-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.copySample(to: folder)
        try scenarios.write(to: folder.appendingPathComponent("scenarios.toml"), atomically: true, encoding: .utf8)
        let compared = try TandemProcess.run(
            ["compare"] + Self.inputs(folder) + [
                "--scenarios", folder.appendingPathComponent("scenarios.toml").path, "--out",
                folder.appendingPathComponent("what-if").path, "--quiet",
            ])
        try #require(compared.status == 0, "\(compared.standardError)")
        let comparison = try Self.json(folder.appendingPathComponent("what-if/comparison.json"))
        let scenario = try #require((comparison["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["optimal"] as? Bool == true)

        // The same change, by hand, to copies of the files.
        let mentors = folder.appendingPathComponent("mentors.csv"),
            policy = folder.appendingPathComponent("policy.toml")
        switch kind {
        case "policy":
            try Self.edit(policy) {
                $0.replacingOccurrences(
                    of: "same_organisation = \"penalise 3\"", with: "same_organisation = \"forbid\"")
            }
        case "drop":
            try Self.edit(mentors) { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(",M17,") }
                    .joined(separator: "\n")
            }
            try Self.edit(folder.appendingPathComponent("mentees.csv")) { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(",E40,") }
                    .joined(separator: "\n")
            }
        case "capacity":
            try Self.edit(mentors) { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    guard line.contains(",M2,") || line.contains(",M72,") else { return String(line) }
                    return String(line.dropLast(line.hasSuffix("\r") ? 3 : 2)) + (line.contains(",M2,") ? ",2" : ",1")
                }.joined(separator: "\n")
            }
        case "forbid":
            try Self.edit(folder.appendingPathComponent("conflicts.csv")) { $0 + "E1,M17,person\n" }
        case "sweep":
            try Self.edit(policy) {
                $0.replacingOccurrences(of: "[matching]\n", with: "[matching]\nminimum_score = 20\n")
            }
        default:
            try Self.edit(policy) {
                $0.replacingOccurrences(of: "objective = \"coverage\"", with: "objective = \"quality\"")
            }
        }
        let matched = try TandemProcess.run(
            ["match"] + Self.inputs(folder) + ["--out", folder.appendingPathComponent("round").path, "--json"])
        try #require(matched.status == 0, "\(matched.standardError)")
        let round = try #require(
            try JSONSerialization.jsonObject(with: Data(matched.standardOutput.utf8)) as? [String: Any])
        let figures = try #require(round["figures"] as? [String: Any])
        #expect(Self.figures(scenario) == Self.figures(figures), "\(kind)")
        #expect((round["certificate"] as? [String: Any])?["optimal"] as? Bool == true)
    }

    @Test("The whole folder is byte-identical run to run and however many rounds run at once, rounds included")
    func deterministic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-compare-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = Self.sample.appendingPathComponent("scenarios.toml").path
        var listings: [[String: Data]] = []
        for jobs in ["1", "3"] {
            let out = folder.appendingPathComponent("what-if-\(jobs)")
            let result = try TandemProcess.run(
                ["compare"] + Self.inputs(Self.sample) + [
                    "--scenarios", scenarios, "--out", out.path, "--rounds", "--jobs", jobs, "--quiet",
                ])
            try #require(result.status == 0, "\(result.standardError)")
            var files: [String: Data] = [:]
            let enumerator = try #require(FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                files[String(url.path.dropFirst(out.path.count))] = try Data(contentsOf: url)
            }
            listings.append(files)
        }
        #expect(listings[0].count > 100 && listings[0].keys.contains("/rounds/M17 withdraws/pairs.csv"))
        #expect(listings[0].keys.sorted() == listings[1].keys.sorted())
        for (path, data) in listings[0] { #expect(listings[1][path] == data, "\(path)") }
    }

    @Test("A bad scenarios file: every problem with its line, exit 1, nothing written")
    func badFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-compare-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenarios.toml")
        try "[[scenario]]\nname = \"a\"\ndrop = [\"M1000\"]\n\n[[scenario]]\nname = \"b\"\npin = [[\"E3\", \"M1\"]]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("what-if")
        let result = try TandemProcess.run(
            ["compare"] + Self.inputs(Self.sample) + ["--scenarios", file.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "\(file.path):3: error: in the scenario \"a\": \"M1000\" is no mentor or mentee of the cohort; did you mean \"M10\"?"
            ), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("1 error, 0 warnings; nothing was written.\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // A pin a hard rule forbids is found while running, and located at its scenario.
        try "[[scenario]]\nname = \"b\"\npin = [[\"E3\", \"M1\"]]\n".write(to: file, atomically: true, encoding: .utf8)
        let pinned = try TandemProcess.run(
            ["compare"] + Self.inputs(Self.sample) + ["--scenarios", file.path, "--out", out.path])
        #expect(pinned.status == 1)
        #expect(
            pinned.standardError.contains(
                "\(file.path):1: error: in the scenario \"b\": the locked pair E3–M1 is forbidden: "),
            "\(pinned.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// `--shard` and `--merge`: the parts of a comparison put back together.
@Suite struct CompareShardTests {
    @Test("Sharded and merged equals unsharded, byte for byte; a missing or repeated shard is refused with the fix")
    func shards() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-shards-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs =
            CompareCommandTests.inputs(CompareCommandTests.sample) + [
                "--scenarios", CompareCommandTests.sample.appendingPathComponent("scenarios.toml").path, "--rounds",
                "--quiet",
            ]
        func run(_ arguments: [String]) throws -> TandemProcess.Result {
            try TandemProcess.run(arguments, in: folder)
        }
        try #require(try run(["compare"] + inputs + ["--out", "whole"]).status == 0)
        for index in 0..<3 {
            try #require(
                try run(["compare"] + inputs + ["--out", "part-\(index)", "--shard", "\(index)/3"]).status == 0)
        }
        let merged = try run(["compare", "--merge", "part-0", "part-1", "part-2", "--out", "merged"])
        try #require(merged.status == 0, "\(merged.standardError)")
        func listing(_ name: String) throws -> [String: Data] {
            try TandemProcess.files(under: folder.appendingPathComponent(name))
        }
        let whole = try listing("whole"), joined = try listing("merged")
        #expect(whole.keys.sorted() == joined.keys.sorted() && whole.count > 100)
        for (path, data) in whole { #expect(joined[path] == data, "\(path)") }

        let missing = try run(["compare", "--merge", "part-0", "part-2", "--out", "merged-2"])
        #expect(missing.status == 1)
        #expect(
            missing.standardError.hasPrefix(
                "--merge: error: 1 of 3 shards missing (1/3); run them again (Slurm: TANDEM_SHARD_COUNT=3 sbatch --array=1 with the same job script), then merge every part."
            ), "\(missing.standardError)")
        let repeated = try run(["compare", "--merge", "part-0", "part-1", "part-1", "--out", "merged-3"])
        #expect(repeated.status == 1)
        #expect(repeated.standardError.contains("shard 1/3 is given twice (part-1 and part-1)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged-2").path))
        // Merging reads the parts alone.
        let mixed = try run(["compare", "--merge", "part-0"] + inputs + ["--out", "merged-4"])
        #expect(mixed.status != 0 && mixed.standardError.contains("--merge reads only the parts"))
    }
}
