/// Every problem found in a command's inputs, reported at once: the one error
/// model of every reader (sign-ups, conflicts, policies, matrix files).
///
/// Loading never stops at the first bad cell: each loader appends to one
/// `InputDiagnostics`, and the caller throws it when it holds an error.
/// Problems are kept in file, row, column order so reports are stable.
public struct InputDiagnostics: Error, Sendable, CustomStringConvertible {
    public private(set) var problems: [InputProblem] = []

    public init(_ problems: [InputProblem] = []) {
        self.problems = problems
    }

    public var errors: [InputProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [InputProblem] { problems.filter { $0.severity == .warning } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Adds an error at `location`.
    public mutating func error(_ location: SourceLocation, _ message: String) {
        problems.append(.error(location, message))
    }

    /// Adds a warning at `location`.
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        problems.append(.warning(location, message))
    }

    /// Adds every problem of `other`.
    public mutating func append(contentsOf other: InputDiagnostics) {
        problems.append(contentsOf: other.problems)
    }

    /// The problems sorted by location (stable for equal locations), one per line.
    public var description: String {
        sorted.map(\.description).joined(separator: "\n")
    }

    /// The problems in file, row, column order; equal locations keep the order found.
    public var sorted: [InputProblem] {
        problems.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
