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
}
