/// Why a ledger could not be opened, read or written: a sentence naming the
/// file and what to do.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// The ledger's path.
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: error: message`, as every other error Tandem reports.
    public var description: String { "\(path): error: \(message)" }
}
