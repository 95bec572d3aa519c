import Foundation
import Matching
import _TandemUtilities

#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder of outputs so that it appears complete or not at all.
///
/// The files go to a hidden temporary folder beside the destination, which is
/// then renamed into place. An existing destination is exchanged with it in
/// one step (`renameat2` with `RENAME_EXCHANGE` on Linux) and the old folder,
/// now under the temporary name, removed after; so at every moment the path
/// holds either the old complete folder or the new one, even when the process
/// is killed. (Where the file system cannot exchange, the old folder is
/// renamed aside first, and a kill between the two renames leaves no folder.)
/// A symbolic link at the destination is followed: the folder it points to
/// is replaced and the link stays. A run killed midway leaves its hidden folder behind, holding letters with
/// names and emails: the next write to the same destination removes every
/// such leftover first and says how many it removed. A write in progress holds
/// a lock on its hidden folder (`flock`), so two runs writing to one
/// destination at once do not remove each other's: the later to finish wins.
///
/// Creating thousands of files just after thousands were deleted is slow on
/// ext4 without a journal (as on this project's machines): the kernel skips
/// every recently deleted inode of the block group on each creation, so a
/// round written where the last one was just removed spent 1.6 s of system
/// time on its 5,000 letters (1.94 s wall in all). So the temporary folder is
/// marked as the top of a hierarchy (`chattr +T`, a hint to ext4's allocator,
/// cleared again before the rename) and each subfolder gets a unique name
/// while it is written, which places the letters in another block group
/// (0.62 s, median of 20 runs). Elsewhere the hint is refused and changes nothing.
public enum AtomicDirectory {
    /// Writes `files` (relative path → bytes) as the folder `path`.
    ///
    /// - Returns: How many leftover hidden folders of interrupted earlier
    ///   writes to the same destination were removed first.
    /// - Throws: The file system's error; the destination is untouched then,
    ///   and the temporary folder is removed.
    @discardableResult
    public static func write(_ files: [(path: String, data: Data)], to path: String) throws -> Int {
        try write(to: path) { folder in
            for file in files { try folder.write(file.data, to: file.path) }
        }
    }

    /// Writes the folder `path` with whatever `fill` puts in its hidden
    /// stand-in: whole files, or files streamed a piece at a time.
    ///
    /// - Returns: How many leftover hidden folders were removed first.
    /// - Throws: `fill`'s error or the file system's; the destination is
    ///   untouched then, and the temporary folder is removed.
    @discardableResult
    public static func write(to path: String, _ fill: (StagingFolder) throws -> Void) throws -> Int {
        let manager = FileManager.default
        let destination = URL(fileURLWithPath: OutputPath.resolvingLinks(path))
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let stem = hiddenStem(of: destination.lastPathComponent)
        let leftovers = removeLeftovers(stem: stem, in: parent.path)
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent("\(stem).tmp-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            // Held until this write ends, so that a run writing to the same
            // destination at the same time leaves this folder alone.
            let lock = open(staging.path, O_RDONLY | O_DIRECTORY)
            if lock >= 0 { flock(lock, LOCK_EX) }
            defer { if lock >= 0 { close(lock) } }
            let root = staging.path
            let spread = _FileSystemCalls.setTop(root, true)
            let folder = StagingFolder(root: root, token: token)
            try fill(folder)
            try folder.finish()
            if spread { _ = _FileSystemCalls.setTop(root, false) }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: destination.path])
                }
                if _FileSystemCalls.exchange(staging.path, destination.path) {
                    // The old folder is now under the temporary name.
                    try? manager.removeItem(at: staging)
                    return leftovers
                }
                let aside = parent.appendingPathComponent("\(stem).old-\(token)")
                try manager.moveItem(at: destination, to: aside)
                do {
                    try manager.moveItem(at: staging, to: destination)
                } catch {
                    try? manager.moveItem(at: aside, to: destination)
                    throw error
                }
                try? manager.removeItem(at: aside)
            } else {
                try manager.moveItem(at: staging, to: destination)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        return leftovers
    }

    /// The first part of the hidden names beside `name` (`.name`), shortened
    /// with a digest of the whole name when the temporary suffix would make
    /// it longer than the 255 bytes a file name may have.
    public static func hiddenStem(of name: String) -> String {
        let suffixBytes = ".tmp-12345678".utf8.count
        guard 1 + name.utf8.count + suffixBytes > 255 else { return "." + name }
        let digest = SHA256.hex(Array(name.utf8)).prefix(16)
        var kept = Substring(name)
        while 1 + kept.utf8.count + 1 + digest.count + suffixBytes > 255 { kept = kept.dropLast() }
        return ".\(kept)~\(digest)"
    }

    /// Removes the hidden folders an interrupted write left in `parent`
    /// (`stem.tmp-…`, `stem.old-…`); returns how many.
    private static func removeLeftovers(stem: String, in parent: String) -> Int {
        let manager = FileManager.default
        let prefixes = [stem + ".tmp-", stem + ".old-"]
        let entries = (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        var removed = 0
        for entry in entries.sorted() where prefixes.contains(where: entry.hasPrefix) {
            let leftover = parent + "/" + entry
            if isLocked(leftover) { continue }  // another run is writing it now
            if (try? manager.removeItem(atPath: leftover)) != nil { removed += 1 }
        }
        return removed
    }

    /// Whether a running write holds the folder's lock (see ``write(_:to:)``).
    private static func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }
}
