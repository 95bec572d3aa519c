import Foundation

/// A capacities file: one non-negative integer per line, one line per column.
/// Blank lines and lines starting with `#` are skipped.
public enum CapacityFile {
    /// Reads the capacities, reporting every bad line at once.
    ///
    /// - Throws: ``InputFileError`` with each bad line's number.
    public static func load(path: String) throws(InputFileError) -> [Int] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputFileError(path: path, problems: ["cannot be read (\(error.localizedDescription))"])
        }
        var capacities: [Int] = []
        var problems: [String] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let value = Int(trimmed), value >= 0 {
                capacities.append(value)
            } else {
                problems.append("\(index + 1):1: error: '\(trimmed)' is not a capacity; write a whole number 0 or more")
            }
        }
        guard problems.isEmpty else { throw InputFileError(path: path, problems: problems) }
        return capacities
    }
}
