import Foundation
import Testing

/// `tandem init` on every form export in `datasets/forms/`: the starter
/// policy it writes must run as written, map what it recognised, and never
/// overwrite a file.
@Suite struct InitCommandTests {
    static let exports = FormExportTests.exports.map(\.name)

    private static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test("The starter policy of each form export validates and runs a round as written", arguments: exports)
    func runsAsWritten(name: String) throws {
        let inputs = FormExportTests.exports.first { $0.name == name }!.inputs
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let policy = folder + "/policy.toml"
        // init reads the sign-ups only.
        var signups = inputs
        if let conflicts = signups.firstIndex(of: "--conflicts") { signups.removeSubrange(conflicts...conflicts + 1) }
        let written = try TandemProcess.run(["init"] + signups + ["--out", policy])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.contains("wrote \(policy)"))
        let round = try TandemProcess.run(["match"] + inputs + ["--policy", policy, "--out", folder + "/round"])
        #expect(round.status == 0, "\(round.standardError)")
        #expect(round.standardOutput.contains("certificate: optimal (verified)"))
        let text = try String(contentsOfFile: policy, encoding: .utf8)
        switch name {
        case "role-column":
            // One file: the role column, and each side's own question found from who answered it.
            #expect(text.contains("role = \"Do you want to be a mentor or a mentee?\""))
            #expect(text.contains("skills = \"What can you help with?\""))
        case "microsoft-forms":
            // The response number is the form tool's, never a person's id.
            #expect(!text.contains("id = \"ID\""))
            #expect(text.contains("email = \"Email address\""))
        case "two-ladders":
            #expect(text.contains("name = [\"First name\", \"Last name\"]"))
            #expect(text.contains("#   seniority = [\"Academic grade\", \"Professional grade\"]"))
        case "time-slots":
            // No skills or goals: the guessed criteria are switched on, as points only.
            #expect(text.contains("\n[[criteria]]\nlabel = \"the same profession\"\nkind = \"same\""))
            #expect(!text.contains("\nrule = "))
        case "preferences":
            #expect(text.contains("id = \"Member number\""))
            #expect(
                text.contains("# kind = \"preferences\"\n# column = \"Mentors you would like, first choice first\""))
        case "identity-opt-in":
            // Skills and goals found from their values, so nothing else is switched on.
            #expect(text.contains("skills = \"Areas you could mentor in\""))
            #expect(text.contains("# opt_in = \"Would you like a mentor who shares your identity or background?\""))
            #expect(!text.contains("\n[[criteria]]"))
        default: break
        }
    }

    @Test("The starter policy of the allied-health export, as written")
    func snapshot() throws {
        let result = try TandemProcess.run(["init"] + FormExportTests.twoFiles("time-slots"))
        #expect(result.status == 0)
        try TandemProcess.expectSnapshot(result.standardOutput, "init-time-slots.toml")
    }

    @Test("An existing file is never overwritten, and nothing is left beside it")
    func refusesOverwrite() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let policy = folder + "/policy.toml"
        try "# mine\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let result = try TandemProcess.run(["init"] + FormExportTests.twoFiles("time-slots") + ["--out", policy])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(policy): error: exists already; Tandem never overwrites it"))
        #expect(try String(contentsOfFile: policy, encoding: .utf8) == "# mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["policy.toml"])
    }

    @Test("Two headers that could both be the email are an error naming both, in init and in validate")
    func ambiguousEmail() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mentors = folder + "/mentors.csv", mentees = folder + "/mentees.csv"
        try "Email address,Your email,Skills\na@x.org,a@home.org,art\n".write(
            toFile: mentors, atomically: true, encoding: .utf8)
        try "email,goals\ne@x.org,art\n".write(toFile: mentees, atomically: true, encoding: .utf8)
        let message =
            "mentors.csv:1: error: \"Email address\" and \"Your email\" could each be the email column; name the one meant in the policy under [columns.mentors] (email = \"Email address\")."
        for command in ["init", "validate"] {
            let result = try TandemProcess.run([command, "--mentors", mentors, "--mentees", mentees])
            #expect(result.status == 1, "\(command)")
            #expect(result.standardError.contains(message), "\(command): \(result.standardError)")
        }
    }
}
