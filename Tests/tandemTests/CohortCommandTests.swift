import Foundation
import Testing

@Suite struct CohortCommandTests {
    static let small = [
        "--mentors", "datasets/small/mentors.csv", "--mentees", "datasets/small/mentees.csv",
        "--conflicts", "datasets/small/conflicts.csv", "--policy", "datasets/small/policy.toml",
    ]

    @Test("tandem validate on the small cohort: exit 0, the summary on stdout, the warnings on stderr")
    func validateSmall() throws {
        let result = try TandemProcess.run(["validate"] + Self.small)
        #expect(result.status == 0)
        try TandemProcess.expectSnapshot(result.standardOutput, "validate-small.txt")
        #expect(result.standardError.split(separator: "\n").count == 4)
        #expect(
            result.standardError.contains(
                "datasets/small/mentees.csv:5: warning: the mentee \"E204\" has no eligible mentor; the rule excluding the most mentors: in person needs the same region (4 of 6).\n"
            ))
    }

    @Test("tandem validate on broken files: exit 1, every problem on stderr, nothing on stdout")
    func validateBroken() throws {
        let folder = "datasets/invalid/unknown-terms"
        let result = try TandemProcess.run([
            "validate", "--mentors", "\(folder)/mentors.csv", "--mentees", "\(folder)/mentees.csv", "--policy",
            "\(folder)/policy.toml",
        ])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let expected = try String(
            contentsOfFile: TandemProcess.packageRoot.appendingPathComponent("\(folder)/expected.txt").path,
            encoding: .utf8
        )
        .split(separator: "\n").map { "\(folder)/\($0)" }
        #expect(
            result.standardError.split(separator: "\n").map(String.init) == expected + [
                "5 errors, 0 warnings; nothing was written."
            ])
    }

    @Test("tandem score lists a mentee's best mentors with every part of each score")
    func scoreSnapshot() throws {
        let result = try TandemProcess.run(["score"] + Self.small + ["--mentee", "E201", "--top", "3"])
        #expect(result.status == 0)
        try TandemProcess.expectSnapshot(result.standardOutput, "score-E201.txt")
    }

    @Test("tandem score --mentor explains a forbidden pair without naming who declared what")
    func forbiddenPair() throws {
        let result = try TandemProcess.run(
            ["score"] + Self.small + ["--mentee", "E208", "--mentor", "erin.walsh@cabinetoffice.gov.uk"])
        #expect(result.status == 0)
        #expect(
            result.standardOutput.contains(
                "mentor E105 (Erin Walsh): forbidden\n  - a conflict of interest is on record"))
        #expect(!result.standardOutput.contains("line-management"))
    }

    @Test("tandem score with an unknown mentee is a usage error")
    func unknownMentee() throws {
        let result = try TandemProcess.run(["score"] + Self.small + ["--mentee", "E999"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("No mentee has the id or email \"E999\""))
    }

    @Test("tandem generate writes the same bytes for the same seed, and the cohort validates")
    func generateIsDeterministic() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var contents: [[Data]] = []
        for name in ["a", "b"] {
            let folder = base.appendingPathComponent(name).path
            let result = try TandemProcess.run([
                "generate", "--mentees", "60", "--mentors", "30", "--seed", "9", "--out", folder,
            ])
            #expect(result.status == 0)
            contents.append(
                try ["mentors.csv", "mentees.csv", "conflicts.csv", "policy.toml"].map {
                    try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0))
                })
        }
        #expect(contents[0] == contents[1])
        let folder = base.appendingPathComponent("a").path
        let result = try TandemProcess.run([
            "validate", "--mentors", "\(folder)/mentors.csv", "--mentees", "\(folder)/mentees.csv",
            "--conflicts", "\(folder)/conflicts.csv", "--policy", "\(folder)/policy.toml",
        ])
        #expect(result.status == 0)
    }
}

@Suite struct MatchCommandTests {
    @Test("tandem match writes every output and prints the headline figures")
    func matchSmall() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-match-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try TandemProcess.run(["match"] + CohortCommandTests.small + ["--out", folder])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("matched:     8 of 9 mentees (88.9 %)"))
        #expect(result.standardOutput.contains("certificate: optimal (verified)"))
        for file in [
            "pairs.csv", "unmatched.csv", "report.md", "report.html", "round.json", "letters/mentee-E201.txt",
            "letters/mentee-E201.html", "letters/index.csv",
            "letters/mentor-E101.txt",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "\(file)")
        }
        let pairs = try String(contentsOfFile: "\(folder)/pairs.csv", encoding: .utf8)
        try TandemProcess.expectSnapshot(pairs, "match-small-pairs.csv")
    }

    @Test("tandem match writes the same bytes whether the inputs are named by relative or absolute paths")
    func inputPathsDoNotChangeTheRound() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let absolute = CohortCommandTests.small.map {
            $0.hasPrefix("--") ? $0 : TandemProcess.packageRoot.appendingPathComponent($0).path
        }
        var jsons: [Data] = []
        for (name, arguments) in [("relative", CohortCommandTests.small), ("absolute", absolute)] {
            let folder = base.appendingPathComponent(name).path
            let result = try TandemProcess.run(["match"] + arguments + ["--out", folder, "--quiet"])
            #expect(result.status == 0)
            jsons.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/round.json")))
        }
        #expect(jsons[0] == jsons[1])
        #expect(String(decoding: jsons[0], as: UTF8.self).contains("\"file\" : \"mentors.csv\""))
    }

    @Test("tandem match on broken inputs exits 1 and writes nothing")
    func matchBroken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-match-\(UUID().uuidString)")
            .path
        let invalid = "datasets/invalid/bad-capacity"
        let result = try TandemProcess.run([
            "match", "--mentors", "\(invalid)/mentors.csv", "--mentees", "\(invalid)/mentees.csv", "--policy",
            "\(invalid)/policy.toml", "--out", folder,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("3 errors, 0 warnings; nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("tandem match --json prints round.json, byte for byte")
    func matchJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-match-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try TandemProcess.run(["match"] + CohortCommandTests.small + ["--out", folder, "--json"])
        #expect(result.status == 0)
        #expect(result.standardOutput == (try String(contentsOfFile: "\(folder)/round.json", encoding: .utf8)))
        #expect(result.standardOutput.contains("\"tandem_version\""))
        #expect(result.standardOutput.contains("\"sha256\""))
    }
}

@Suite struct OutputFolderSafetyTests {
    @Test("tandem match refuses to replace a folder holding its inputs, or a folder that is not an earlier round")
    func refusesForeignFolders() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-safety-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        for name in ["mentors.csv", "mentees.csv"] {
            try FileManager.default.copyItem(
                at: TandemProcess.packageRoot.appendingPathComponent("datasets/small/\(name)"),
                to: base.appendingPathComponent(name))
        }
        let policy = TandemProcess.packageRoot.appendingPathComponent("datasets/small/policy.toml").path
        let arguments = [
            "match", "--mentors", base.appendingPathComponent("mentors.csv").path,
            "--mentees", base.appendingPathComponent("mentees.csv").path, "--policy", policy,
        ]
        let intoInputs = try TandemProcess.run(arguments + ["--out", base.path])
        #expect(intoInputs.status == 1)
        #expect(intoInputs.standardError.contains("holds the input"))
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("mentors.csv").path))

        let foreign = base.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("todo.txt"))
        let intoForeign = try TandemProcess.run(arguments + ["--out", foreign.path])
        #expect(intoForeign.status == 1)
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("todo.txt").path))

        let round = base.appendingPathComponent("round").path
        #expect(try TandemProcess.run(arguments + ["--out", round, "--quiet"]).status == 0)
        #expect(
            try TandemProcess.run(arguments + ["--out", round, "--quiet"]).status == 0, "an earlier round is replaced")
        // A round whose letters went into one mail-merge file is an earlier round too, either way.
        for letters in ["mail-merge", "mail-merge", "files"] {
            let run = try TandemProcess.run(arguments + ["--out", round, "--quiet", "--letters", letters])
            #expect(run.status == 0, "\(letters): \(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: round + "/letters/mail-merge.csv"))

        // Issue 11: a note the coordinator added to an earlier round, or a
        // stray file among its letters, makes the folder refused, named.
        for (name, named) in [
            ("my notes.txt", "holds files Tandem did not write (my notes.txt)"),
            ("letters/draft.docx", "(letters/draft.docx)"),
        ] {
            let foreign = base.appendingPathComponent("round/" + name)
            try Data("call Ben on Monday".utf8).write(to: foreign)
            let refused = try TandemProcess.run(arguments + ["--out", round, "--quiet"])
            #expect(refused.status == 1)
            #expect(refused.standardError.contains(named))
            #expect(FileManager.default.fileExists(atPath: foreign.path))
            try FileManager.default.removeItem(at: foreign)
        }
    }
}

/// What a coordinator reads and sends: the report, the summary, the letters.
@Suite struct CoordinatorOutputTests {
    static func round() throws -> (folder: String, cleanup: () -> Void) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-outputs-\(UUID())").path
        let result = try TandemProcess.run(["match"] + CohortCommandTests.small + ["--out", folder, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        return (folder, { try? FileManager.default.removeItem(atPath: folder) })
    }

    @Test("The report, and a letter in both renderings, as written for the small cohort")
    func snapshots() throws {
        let (folder, cleanup) = try Self.round()
        defer { cleanup() }
        for (file, snapshot) in [
            ("report.html", "match-small-report.html"), ("letters/mentee-E201.txt", "match-small-letter-E201.txt"),
            ("letters/mentee-E201.html", "match-small-letter-E201.html"),
            ("letters/mentor-E101.txt", "match-small-letter-mentor-E101.txt"),
        ] {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            try TandemProcess.expectSnapshot(text, snapshot)
        }
    }

    @Test("Every proposed pair is in the report; the summary names nobody")
    func reportAndSummary() throws {
        let (folder, cleanup) = try Self.round()
        defer { cleanup() }
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let summary = try String(contentsOfFile: folder + "/summary.html", encoding: .utf8)
        let pairs = try String(contentsOfFile: folder + "/pairs.csv", encoding: .utf8)
        let rows = pairs.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(!rows.isEmpty)
        for row in rows {
            let name = row[1].replacingOccurrences(of: "'", with: "&#39;")
            #expect(report.contains("<td class=\"name\">\(name) (\(row[0]))</td>"), "mentee \(row[0])")
        }
        var people: [String] = []
        for file in ["mentors.csv", "mentees.csv"] {
            let text = try String(
                contentsOfFile: TandemProcess.packageRoot.appendingPathComponent("datasets/small/" + file).path,
                encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                people += line.split(separator: ",").dropFirst().prefix(3).map(String.init).filter { !$0.isEmpty }
            }
        }
        #expect(people.count > 20)
        for identifier in people {
            let pattern = "\\b" + NSRegularExpression.escapedPattern(for: identifier) + "\\b"
            #expect(summary.range(of: pattern, options: .regularExpression) == nil, "summary.html names \(identifier)")
        }
        #expect(summary.contains("mentees have a proposed mentor"))
    }
}

@Suite struct GenerateRoundLifeTests {
    @Test("tandem generate --late-mentees: the first files are the later ones without the late joiners' rows")
    func lateJoiners() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-late-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let plain = base.appendingPathComponent("plain").path, late = base.appendingPathComponent("late").path
        #expect(try TandemProcess.run(["generate", "--mentees", "80", "--mentors", "30", "--out", plain]).status == 0)
        let result = try TandemProcess.run([
            "generate", "--mentees", "80", "--mentors", "30", "--late-mentees", "5", "--out", late,
        ])
        #expect(result.status == 0)
        func text(_ folder: String, _ file: String) throws -> String {
            try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
        }
        // The first round's files are those of a cohort generated without late joiners.
        #expect(try text(late, "mentees.csv") == text(plain, "mentees.csv"))
        #expect(try text(late, "mentors.csv") == text(plain, "mentors.csv"))
        #expect(try text(late, "conflicts.csv") == text(plain, "conflicts.csv"))
        let later = try text(late, "mentees-later.csv")
        #expect(later.hasPrefix(try text(late, "mentees.csv")))
        #expect(later.split(separator: "\n").count == 81 + 5)
        #expect(try text(late, "conflicts-later.csv").hasPrefix(text(late, "conflicts.csv")))
    }

    @Test("tandem generate --responses-to: seeded answers in the shares asked for, the same bytes every time")
    func responses() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-answers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let cohort = base.appendingPathComponent("cohort").path, round = base.appendingPathComponent("round").path
        _ = try TandemProcess.run(["generate", "--mentees", "400", "--mentors", "200", "--out", cohort])
        let matched = try TandemProcess.run([
            "match", "--mentors", "\(cohort)/mentors.csv", "--mentees", "\(cohort)/mentees.csv", "--conflicts",
            "\(cohort)/conflicts.csv", "--policy", "\(cohort)/policy.toml", "--out", round, "--quiet",
        ])
        #expect(matched.status == 0)
        var texts: [String] = []
        for name in ["a", "b"] {
            let out = base.appendingPathComponent(name).path
            let result = try TandemProcess.run([
                "generate", "--responses-to", round, "--declined", "10", "--accepted", "60", "--seed", "3", "--out",
                out,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            texts.append(try String(contentsOfFile: "\(out)/responses.csv", encoding: .utf8))
        }
        #expect(texts[0] == texts[1])
        let rows = texts[0].split(separator: "\n").dropFirst()
        let proposed =
            try String(contentsOfFile: "\(round)/pairs.csv", encoding: .utf8).split(separator: "\n").count - 1
        let declined = rows.count { $0.contains(",No,") }, accepted = rows.count { $0.contains(",Yes,") }
        // Shares within a few standard deviations of those asked for.
        #expect(abs(Double(declined) / Double(proposed) - 0.10) < 0.05, "\(declined) of \(proposed)")
        #expect(abs(Double(accepted) / Double(proposed) - 0.60) < 0.08, "\(accepted) of \(proposed)")
        let refused = try TandemProcess.run([
            "generate", "--responses-to", round, "--declined", "70", "--accepted", "60", "--out", "x",
        ])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("adding up to 100 at most"))
    }
}
