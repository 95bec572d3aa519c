import Foundation
import MatchingReports
import Testing

@Suite struct AtomicDirectoryTests {
    /// Every path below `folder`, relative to it, hidden ones included.
    static func listing(_ folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        return (enumerator.allObjects as! [String]).sorted()
    }

    @Test("Nested files land under their own names, with no temporary folder left inside or beside")
    func nestedFiles() throws {
        let parent = NSTemporaryDirectory() + "tandem-atomic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/round"
        let files: [(path: String, data: Data)] = [
            ("report.md", Data("r".utf8)), ("letters/a.md", Data("a".utf8)), ("letters/b.md", Data("b".utf8)),
            ("extra/deep/c.txt", Data("c".utf8)),
        ]
        for _ in 0..<2 {
            try AtomicDirectory.write(files, to: out)
            #expect(
                Self.listing(out) == [
                    "extra", "extra/deep", "extra/deep/c.txt", "letters", "letters/a.md", "letters/b.md", "report.md",
                ])
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["round"])
            #expect(FileManager.default.contents(atPath: out + "/letters/b.md") == Data("b".utf8))
        }
    }
}
