import Foundation

/// Where the atomic writers put what they write.
public enum OutputPath {
    /// The path a write to `path` lands on: the file or folder a symbolic
    /// link points to (followed link by link, so a link stays a link and its target is
    /// replaced), made absolute and standardised.
    public static func resolvingLinks(_ path: String) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL
        // 40 links at most, as the kernel allows in one path lookup.
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = URL(fileURLWithPath: target, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        return current.path
    }
}
