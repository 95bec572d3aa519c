/// One thing wrong with, or worth knowing about, an input file.
///
/// Errors stop the command; warnings are reported and the round goes on. The
/// message is a full sentence naming the bad value and, where there is one,
/// the fix ("did you mean …?").
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the command (`error`) or is only reported.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        // A sentence ending in a suggestion ("…; did you mean "x"?") ends there.
        self.message = message.hasSuffix("?.") ? String(message.dropLast()) : message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> InputProblem {
        InputProblem(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> InputProblem {
        InputProblem(.warning, at: location, message)
    }

    /// `path:row:column: error: message`, the form compilers use, so editors
    /// and terminals can jump to the cell.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
