import Foundation
import MatchingReports
import TandemSynthetic
import Testing

/// `tandem generate`'s files: written a row at a time, they are the bytes
/// the generator gives when it holds them whole.
@Suite struct CohortGeneratorTests {
    @Test(
        "A cohort streamed to its folder equals the same cohort generated in memory, file for file",
        arguments: [
            CohortGenerator(mentees: 9_000, mentors: 3_000, lateMentees: 40, seed: 5),  // files past the 1 MiB buffer
            CohortGenerator(mentees: 120, mentors: 50, topics: 7, seed: 0),
            CohortGenerator(mentees: 30, mentors: 0, seed: 2),
            CohortGenerator(mentees: 0, mentors: 20, lateMentees: 3, seed: 3),
        ])
    func streamedEqualsInMemory(generator: CohortGenerator) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try generator.write(to: folder.path)
        let whole = generator.generate()
        let expected: [CohortGenerator.File: String] = [
            .mentors: whole.mentors, .mentees: whole.mentees, .conflicts: whole.conflicts, .policy: whole.policy,
            .menteesLater: whole.later?.mentees ?? "", .conflictsLater: whole.later?.conflicts ?? "",
        ]
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == generator.files.map(\.rawValue).sorted())
        for file in generator.files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file.rawValue))
            #expect(bytes == Data(expected[file, default: ""].utf8), "\(file.rawValue)")
        }
        #expect(generator.lateMentees == 0 || whole.later != nil)
    }

    @Test("The first round's files are the later ones without the late joiners' rows")
    func lateJoinersComeLast() throws {
        let whole = CohortGenerator(mentees: 200, mentors: 90, lateMentees: 12, seed: 4).generate()
        let later = try #require(whole.later)
        #expect(later.mentees.hasPrefix(whole.mentees))
        #expect(later.mentees.split(separator: "\n").count == whole.mentees.split(separator: "\n").count + 12)
        #expect(later.conflicts.hasPrefix(whole.conflicts))
    }
}
