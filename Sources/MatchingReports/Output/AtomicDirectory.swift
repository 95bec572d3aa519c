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
            // Paths joined as strings: building a URL per file took 2 % of a
            // whole 5,000-person round (perf).
            let root = staging.path
            let spread = _FileSystemCalls.setTop(root, true)
            // Each top-level subfolder (letters/) is written under a unique
            // name and renamed at the end: with the hint above, ext4 places a
            // subfolder by a hash of its name, so a fixed name would land on
            // the same spot every round (see the type's notes).
            var temporaryNames: [Substring: String] = [:]
            var folders = Set<Substring>()
            for file in files {
                var relative = file.path
                if let slash = file.path.firstIndex(of: "/") {
                    let top = file.path[..<slash]
                    let name = temporaryNames[top] ?? ".\(top)-\(token)-\(temporaryNames.count)"
                    temporaryNames[top] = name
                    relative = name + file.path[slash...]
                }
                let target = root + "/" + relative
                let folder = target[..<target.lastIndex(of: "/")!]
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: String(folder), withIntermediateDirectories: true)
                }
                try writePlainly(file.data, to: target)
            }
            for (top, name) in temporaryNames.sorted(by: { $0.key < $1.key }) {
                try manager.moveItem(atPath: root + "/" + name, toPath: root + "/" + top)
            }
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

    /// Creates a file with POSIX calls. `Data.write(to:)` syncs every file to
    /// disk; a round writes one letter per participant (5,000 files took
    /// 0.45 s in `fsync` alone), and the folder only becomes visible by the
    /// final rename, so the individual syncs buy nothing here.
    private static func writePlainly(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
