import Foundation
import MatchingReports
import Testing

#if canImport(Glibc)
import Glibc
#endif

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

extension AtomicDirectoryTests {
    @Test("Hidden folders an interrupted write left beside the destination are removed by the next write, and counted")
    func leftoversAreRemoved() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-leftovers-\(UUID())").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for name in [".round.tmp-1234abcd", ".round.old-5678ef90"] {
            try FileManager.default.createDirectory(
                atPath: "\(parent)/\(name)/letters", withIntermediateDirectories: true)
            try Data("Dear Ben".utf8).write(to: URL(fileURLWithPath: "\(parent)/\(name)/letters/mentee-E1.md"))
        }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(parent)/.other.tmp-1"))
        let removed = try AtomicDirectory.write([("a.txt", Data("new".utf8))], to: parent + "/round")
        #expect(removed == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [".other.tmp-1", "round"])
        // Replacing an existing folder leaves nothing hidden behind either.
        #expect(try AtomicDirectory.write([("b.txt", Data("newer".utf8))], to: parent + "/round") == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [".other.tmp-1", "round"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/round") == ["b.txt"])
    }
}

extension AtomicDirectoryTests {
    @Test("A destination name of up to 255 bytes is written and replaced; its hidden names stay within 255 bytes")
    func longestNames() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-long-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for length in [240, 241, 254, 255] {
            let name = String(repeating: "é", count: length / 2) + String(repeating: "r", count: length % 2)
            #expect(name.utf8.count == length)
            try AtomicDirectory.write([("a.txt", Data("1".utf8))], to: parent + "/" + name)
            try AtomicDirectory.write([("b.txt", Data("2".utf8))], to: parent + "/" + name)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/" + name) == ["b.txt"])
            // A leftover under the shortened hidden name is found and removed.
            let leftover = parent + "/" + AtomicDirectory.hiddenStem(of: name) + ".tmp-0badf00d"
            try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: false)
            #expect(try AtomicDirectory.write([("c.txt", Data("3".utf8))], to: parent + "/" + name) == 1)
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: parent)
        #expect(entries.count == 4 && entries.allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("A symbolic link as the destination stays a link; the folder or file it points to is replaced")
    func linkIsFollowed() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-link-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent + "/rounds/2026", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: parent + "/current", withDestinationPath: "rounds/2026")
        try FileManager.default.createSymbolicLink(atPath: parent + "/latest", withDestinationPath: "current")
        try AtomicDirectory.write([("a.txt", Data("1".utf8))], to: parent + "/latest")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/latest") == "current")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/current") == "rounds/2026")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/rounds/2026") == ["a.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/rounds") == ["2026"])
        // A single file written atomically follows its link the same way.
        try FileManager.default.createSymbolicLink(atPath: parent + "/m.npy", withDestinationPath: "rounds/m.npy")
        try AtomicFile.write(Data("npy".utf8), to: parent + "/m.npy")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/m.npy") == "rounds/m.npy")
        #expect(FileManager.default.contents(atPath: parent + "/rounds/m.npy") == Data("npy".utf8))
    }
}

extension AtomicDirectoryTests {
    @Test("A hidden folder that another write is filling right now (it holds the lock) is left alone")
    func liveWriteIsNotRemoved() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-live-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let live = parent + "/.round.tmp-1234abcd"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let descriptor = open(live, O_RDONLY | O_DIRECTORY)
        #expect(flock(descriptor, LOCK_EX) == 0)
        #expect(try AtomicDirectory.write([("a.txt", Data("new".utf8))], to: parent + "/round") == 0)
        #expect(FileManager.default.fileExists(atPath: live))
        close(descriptor)
        #expect(try AtomicDirectory.write([("a.txt", Data("new".utf8))], to: parent + "/round") == 1)
        #expect(!FileManager.default.fileExists(atPath: live))
    }
}
