import CDirectoryHint
import Matching

#if canImport(Glibc)
import Glibc
#endif

/// The "top of a hierarchy" flag on a directory (see `AtomicDirectory`).
enum _DirectoryHint {
    /// Sets or clears the flag; `false` when the file system has none.
    static func setTop(_ path: String, _ on: Bool) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return tandem_set_top_directory(descriptor, on ? 1 : 0) == 0
    }
}
