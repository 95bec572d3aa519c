import Foundation
import Matching

/// Writes files so that a reader sees the old content or the new, never half:
/// the bytes go to a temporary file in the same folder, which is then renamed.
/// A symbolic link at the destination is followed: its target is replaced.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    ///
    /// - Throws: The file system's error; the destination is untouched then.
    public static func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: OutputPath.resolvingLinks(path)), options: .atomic)
    }

    /// Why ``create(_:at:)`` wrote nothing.
    public struct NotCreated: Error, Sendable {
        /// "exists already; …" or the system's reason.
        public let reason: String
    }

    /// Writes a new file at `path`, atomically, and never over an existing
    /// one: the bytes go to a hidden file beside it, which is then hard-linked
    /// to `path` (`link` fails when `path` exists, so nothing is replaced even
    /// if it appears meanwhile) and removed.
    ///
    /// - Throws: ``NotCreated``; nothing is left behind then.
    public static func create(_ data: Data, at path: String) throws(NotCreated) {
        let url = URL(fileURLWithPath: path)
        let hidden = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do { try data.write(to: hidden) } catch { throw NotCreated(reason: error.localizedDescription) }
        defer { unlink(hidden.path) }
        guard link(hidden.path, path) == 0 else {
            throw NotCreated(
                reason: errno == EEXIST
                    ? "exists already; Tandem never overwrites it: give another --out, or move the file away first."
                    : String(cString: strerror(errno)))
        }
    }
}
