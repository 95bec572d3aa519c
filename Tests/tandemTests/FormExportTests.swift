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
    ]

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
            let letter = try String(contentsOfFile: folder + "/letters/mentee-bo.chan_uni.example.md", encoding: .utf8)
            #expect(letter.contains("matches their experience in \"grant writing\".") && !letter.contains("level"))
            // The form never asked how people would meet, so the letter does not say.
            #expect(!letter.contains("meet"))
            let mentor = try String(contentsOfFile: folder + "/letters/mentor-cy.fox_uni.example.md", encoding: .utf8)
            #expect(mentor.contains("whether you accept it."))
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
