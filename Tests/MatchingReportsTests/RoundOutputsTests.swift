import Foundation
import Matching
import TestSupport
import Testing
import _TandemUtilities

@testable import MatchingReports

@Suite struct RoundOutputsTests {
    static let small = Cohort.Sources(
        mentors: datasetPath("small/mentors.csv"), mentees: datasetPath("small/mentees.csv"),
        conflicts: datasetPath("small/conflicts.csv"), policy: datasetPath("small/policy.toml"))

    /// A cohort built in code where every mentor offers writing and every
    /// mentee asks for it: (id, name) of each.
    static func writingCohort(mentors: [(ParticipantID, String)], mentees: [(ParticipantID, String)]) throws -> Cohort {
        let policy = Policy()
        var taxonomy = Taxonomy(policy.taxonomy)
        let topic = taxonomy.topic("writing")
        let writing = try #require(topic)
        return try Cohort(
            policy: policy, taxonomy: taxonomy,
            mentors: mentors.map { Participant(mentor: $0.0, name: $0.1, skills: [.init(topic: writing, level: 2)]) },
            mentees: mentees.map { Participant(mentee: $0.0, name: $0.1, goals: [.init(topic: writing, rank: 1)]) })
    }

    @Test("Two runs write byte-identical files")
    func deterministic() async throws {
        let first = await RoundOutputs.files(try await MatchingRound.run(Self.small))
        let second = await RoundOutputs.files(try await MatchingRound.run(Self.small))
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.data) == second.map(\.data))
    }

    @Test("No letter mentions a conflict, a score, or anyone but its reader and their partners")
    func lettersLeakNothing() async throws {
        let round = try await MatchingRound.run(Self.small)
        let cohort = round.cohort
        let everyone = cohort.mentors + cohort.mentees
        for (path, data) in await RoundOutputs.files(round)
        where path.hasPrefix("letters/") && path != "letters/index.csv" {
            let text = String(decoding: data, as: UTF8.self)
            let role: Role = path.hasPrefix("letters/mentee-") ? .mentee : .mentor
            let id = String(
                path.dropFirst("letters/\(role.rawValue)-".count).dropLast(path.hasSuffix(".html") ? 5 : 4))
            var allowed = Set<String>()
            if role == .mentee, let index = cohort.menteeIndex(named: id) {
                allowed.insert(cohort.mentees[index].email)
                for pair in round.pairs where pair.mentee == index { allowed.insert(cohort.mentors[pair.mentor].email) }
            } else if let index = cohort.mentorIndex(named: id) {
                allowed.insert(cohort.mentors[index].email)
                for pair in round.pairs where pair.mentor == index { allowed.insert(cohort.mentees[pair.mentee].email) }
            }
            #expect(!text.lowercased().contains("conflict"), "\(path)")
            #expect(!text.lowercased().contains("line-manag") && !text.lowercased().contains("relationship"), "\(path)")
            #expect(text.range(of: #"\d+\.\d\d"#, options: .regularExpression) == nil, "\(path) shows a score")
            for person in everyone where !allowed.contains(person.email) {
                #expect(!text.contains(person.name) && !text.contains(person.email), "\(path) names \(person.name)")
            }
        }
    }

    @Test("Ids of hundreds of characters give letter file names a file system accepts, still one per person")
    func longIDs() async throws {
        let long = String(repeating: "x", count: 300)
        let cohort = try Self.writingCohort(
            mentors: [(ParticipantID("M" + long), "")],
            mentees: [(ParticipantID("E" + long + "1"), ""), (ParticipantID("E" + long + "2"), "")])
        let round = try await RoundSpec(cohort: cohort).run()
        let files = await RoundOutputs.files(round)
        let letters = files.map(\.path).filter { $0.hasPrefix("letters/") && $0.hasSuffix(".txt") }
        #expect(letters.count == 3 && Set(letters).count == 3, "\(letters)")
        for path in letters { #expect(path.utf8.count - "letters/".utf8.count <= 120, "\(path)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-long-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicDirectory.write(files, to: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/letters").count == 3 * 2 + 1)
    }

    @Test(
        "round.json records the SHA-256 of the bytes that were loaded, not of the files as they are when it is written")
    func digestsOfLoadedBytes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-digest-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let small = Self.small
        let copies = [
            ("mentors", small.mentors), ("mentees", small.mentees), ("conflicts", small.conflicts!),
            ("policy", small.policy!),
        ]
        for (name, path) in copies { try FileManager.default.copyItem(atPath: path, toPath: "\(folder)/\(name)") }
        let sources = Cohort.Sources(
            mentors: "\(folder)/mentors", mentees: "\(folder)/mentees", conflicts: "\(folder)/conflicts",
            policy: "\(folder)/policy")
        let original = try Data(contentsOf: URL(fileURLWithPath: sources.mentees))
        let round = try await MatchingRound.run(sources)
        // The coordinator edits the file while the round is being written.
        try Data("changed".utf8).write(to: URL(fileURLWithPath: sources.mentees))
        let files = await RoundOutputs.files(round)
        let json = try #require(files.first { $0.path == "round.json" })
        let text = String(decoding: json.data, as: UTF8.self)
        #expect(text.contains(SHA256.hex(original)))
        #expect(!text.contains(SHA256.hex(Array("changed".utf8))))
    }

    @Test("Names that look like HTML are shown as written in letters and report.md, never as markup")
    func htmlInNamesIsEscaped() async throws {
        let cohort = try Self.writingCohort(
            mentors: [("M1", "<img src=x onerror=alert(1)>")], mentees: [("E1", "<script>x</script>")])
        let files = await RoundOutputs.files(try await RoundSpec(cohort: cohort).run())
        for (path, data) in files where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>") && !text.contains("<img"), "\(path)")
        }
        let letter = try #require(files.first { $0.path == "letters/mentee-E1.html" })
        #expect(
            String(decoding: letter.data, as: UTF8.self).contains(
                "We propose <strong>&lt;img src=x onerror=alert(1)&gt;</strong>"))
        // Plain text is what the participant typed: nothing to escape, no markup.
        let text = try #require(files.first { $0.path == "letters/mentee-E1.txt" })
        #expect(String(decoding: text.data, as: UTF8.self).contains("We propose <img src=x onerror=alert(1)> as"))
    }

    @Test(
        "CSV cells a spreadsheet would run as formulas are neutralised; numbers are not",
        arguments: [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1 555", "'+1 555"), ("@SUM(A1)", "'@SUM(A1)"),
            ("-3.00", "-3.00"), ("a,b", "\"a,b\""), ("-2", "-2"), ("12", "12"),
            // Issue 11: these parse as numbers too, but Tandem never writes them so.
            ("+1", "'+1"), ("+1e5", "'+1e5"), ("-inf", "'-inf"), ("+0x10", "'+0x10"), ("-1.", "'-1."), ("-", "'-"),
            // Quotes doubled, line ends (a CRLF too) and non-ASCII text kept within quotes.
            ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\r\nb", "\"a\r\nb\""), ("é,ü", "\"é,ü\""), ("Zoë", "Zoë"),
        ])
    func formulas(cell: String, written: String) {
        #expect(CSVWriter.escape(cell, separator: ",") == written)
    }
}

@Suite struct OutputFormatTests {
    @Test("CSVs start with a byte-order mark and read back with the policy's separator; letters say whom to answer")
    func csvAndLetterSettings() async throws {
        var sources = RoundOutputsTests.small
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-format-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let policy = try String(contentsOfFile: sources.policy!, encoding: .utf8)
        try
            (policy
            + "\n[output]\ncsv_separator = \";\"\n\n[letters]\ncoordinator = \"Sam Jones\"\ncontact = \"mentoring@example.org\"\nreply_by = 2027-03-15\n")
            .write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        sources.policy = folder + "/policy.toml"
        let round = try await MatchingRound.run(sources)
        let files = await RoundOutputs.files(round)
        for name in ["pairs.csv", "unmatched.csv", "letters/index.csv"] {
            let data = try #require(files.first { $0.path == name }?.data)
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
            let table = try CSVTable.parse(data, path: name)
            #expect(table.header.count > 3, "\(name): \(table.header)")
        }
        let pairs = try CSVTable.parse(try #require(files.first { $0.path == "pairs.csv" }?.data), path: "pairs.csv")
        #expect(pairs.header.last == "reasons" && pairs.records.count == round.pairs.count)
        let letter = String(
            decoding: try #require(files.first { $0.path == "letters/mentee-E201.txt" }?.data), as: UTF8.self)
        #expect(letter.hasPrefix("Subject: "))
        #expect(
            letter.contains("please tell Sam Jones (mentoring@example.org) by 15 March 2027 whether you accept it."))
        #expect(letter.contains("\n\nSam Jones, "))
        #expect(!letter.contains("level"))
    }
}
