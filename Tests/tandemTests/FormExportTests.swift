import Foundation
import Testing

/// The form exports in `datasets/forms/`, each run end to end with its own
/// policy: the pairs must match the snapshot, every pair be certified, and
/// nobody be paired with themself.
@Suite struct FormExportTests {
    static let exports: [(name: String, inputs: [String])] = [
        ("role-column", ["--signups", "datasets/forms/role-column/signups.csv"]),
        (
            "microsoft-forms",
            [
                "--mentors", "datasets/forms/microsoft-forms/mentors.csv", "--mentees",
                "datasets/forms/microsoft-forms/mentees.csv",
            ]
        ),
        (
            "two-ladders",
            [
                "--mentors", "datasets/forms/two-ladders/mentors.csv", "--mentees",
                "datasets/forms/two-ladders/mentees.csv",
            ]
        ),
        ("time-slots", twoFiles("time-slots")),
        ("preferences", twoFiles("preferences")),
        ("identity-opt-in", twoFiles("identity-opt-in")),
        (
            "every-criterion",
            twoFiles("every-criterion") + ["--conflicts", "datasets/forms/every-criterion/conflicts.csv"]
        ),
    ]

    static func twoFiles(_ name: String) -> [String] {
        ["--mentors", "datasets/forms/\(name)/mentors.csv", "--mentees", "datasets/forms/\(name)/mentees.csv"]
    }

    @Test("Each form export runs from its policy alone", arguments: exports.map(\.name))
    func export(name: String) throws {
        let inputs = Self.exports.first { $0.name == name }!.inputs
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-form-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try TandemProcess.run(
            ["match"] + inputs + ["--policy", "datasets/forms/\(name)/policy.toml", "--out", folder])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("certificate: optimal (verified)"))
        let pairs = try String(contentsOfFile: folder + "/pairs.csv", encoding: .utf8)
        for line in pairs.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells[0] != cells[3], "\(line)")
        }
        try TandemProcess.expectSnapshot(pairs, "forms-\(name)-pairs.csv")
        if name == "role-column" {
            // Skills written without levels are not quoted with one; a mentor
            // of one mentee accepts "it", not "them".
            let letter = try String(contentsOfFile: folder + "/letters/mentee-bo.chan_uni.example.txt", encoding: .utf8)
            #expect(letter.contains("matches their experience in \"grant writing\".") && !letter.contains("level"))
            // The form never asked how people would meet, so the letter does not say.
            #expect(!letter.contains("meet"))
            let mentor = try String(contentsOfFile: folder + "/letters/mentor-cy.fox_uni.example.txt", encoding: .utf8)
            #expect(mentor.contains("whether you accept it."))
        }
        try checkCriteria(of: name, outputs: folder)
    }

    /// What each criteria scheme's outputs must say, and never say.
    private func checkCriteria(of name: String, outputs folder: String) throws {
        func file(_ path: String) throws -> String {
            try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        }
        switch name {
        case "time-slots":
            // No skills or goals on the form: the criteria alone match, and
            // say so in the policy's words; names come from two columns.
            let letter = try file("letters/mentee-noah.fischer_trust.example.txt")
            #expect(letter.contains("Dear Noah Fischer,"))
            #expect(letter.contains("- The same profession: Physiotherapy."))
            #expect(letter.contains("- A free time slot in common: Wednesday afternoon."))
            #expect(letter.contains("- More years of practice."))
            #expect(!letter.contains("goal"))
            // Sami (dietetics, free Monday mornings) shares no slot with the one dietitian.
            let unmatched = try file("unmatched.csv")
            #expect(unmatched.contains("sami.haddad@trust.example"))
        case "preferences":
            let pairs = try file("pairs.csv")
            // Carlos takes only mentees from York; Ivo (Leeds) asked for him and may not have him.
            #expect(!pairs.contains("B203,Ivo Petrov,i.petrov@alumni.example,A117"))
            #expect(pairs.contains("B202,Hana Sato,h.sato@alumni.example,A117"))
            let letter = try file("letters/mentee-B202.txt")
            #expect(letter.contains("- A mentor you asked for: you named them (your choice #1)."))
            let mentor = try file("letters/mentor-A117.txt")
            #expect(mentor.contains("- A mentor you asked for: they named you (their choice #1)."))
        case "identity-opt-in":
            // Private: no output holds an answer to it; no letter names it;
            // the report gives only how many pairs it counted in.
            let outputs = try FileManager.default.subpathsOfDirectory(atPath: folder).filter {
                $0.hasSuffix(".md") || $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".html")
            }
            #expect(outputs.count > 5)
            for output in outputs {
                let text = try file(output)
                for secret in ["Black British", "Gay", "British Asian", "Disabled"] {
                    #expect(!text.contains(secret), "\(output) mentions \(secret)")
                }
                if output.hasPrefix("letters/") { #expect(!text.contains("identity"), "\(output)") }
            }
            #expect(
                try file("report.md").contains(
                    "| a mentor who shares your identity (private) | requested | bonus | 2 of 5 |"))
        default: break
        }
    }

    @Test("One file for everybody: a person answering Both is on both sides; an unknown answer is located")
    func roleColumn() throws {
        let result = try TandemProcess.run([
            "validate", "--signups", "datasets/forms/role-column/signups.csv",
            "--policy", "datasets/forms/role-column/policy.toml",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("mentors:   3 in datasets/forms/role-column/signups.csv"))
        #expect(result.standardOutput.contains("mentees:   6 in datasets/forms/role-column/signups.csv"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-roles-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "email,role,skills,goals\na@x.org,mentor,art,\nb@x.org,Mentr,,art\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let bad = try TandemProcess.run(["validate", "--signups", path])
        #expect(bad.status == 1)
        #expect(
            bad.standardError.contains(
                "\(path):3:2: error: the role \"Mentr\" is not an answer the policy knows (\"mentor\", \"mentee\", \"both\"; set them under [roles]); did you mean \"mentor\"?"
            ))
        let both = try TandemProcess.run(["validate", "--signups", path, "--mentors", path])
        #expect(both.status == 64)
    }
}
