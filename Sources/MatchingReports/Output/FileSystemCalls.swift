import CFileSystem

#if canImport(Glibc)
import Glibc
#endif

/// The two file-system calls `Foundation` has no word for (see `AtomicDirectory`).
enum _FileSystemCalls {
    /// Sets or clears a directory's "top of a hierarchy" flag; `false` when
    /// the file system has none.
    static func setTop(_ path: String, _ on: Bool) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return tandem_set_top_directory(descriptor, on ? 1 : 0) == 0
    }

    /// Swaps two existing paths atomically; `false` where the platform or
    /// file system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        tandem_exchange_paths(first, second) == 0
    }
}
