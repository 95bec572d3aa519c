import ArgumentParser
import Foundation
import Matching
import MatchingHistory
import _TandemUtilities

/// `--ledger FILE` of the commands that work on a scheme's ledger (`publish`,
/// `respond`, `end`, `rematch`, `checkpoint`, `history`).
struct LedgerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The scheme's ledger, which tandem match --ledger started.", valueName: "file"))
    var ledger = Ledger.defaultPath

    /// The ledger, which must exist; a problem opening it ends the command.
    func open() throws -> Ledger {
        try Ledger.opened(ledger, creating: false)
    }
}

extension Ledger {
    /// Opens a ledger for a command: an error is reported as every other
    /// (`path: error: …`, exit 1), and a backup made before an upgrade is said.
    static func opened(_ path: String, creating: Bool) throws -> Ledger {
        let ledger: Ledger
        do {
            ledger = try Ledger(path: path, creating: creating)
        } catch {
            throw ErrorReporter.fail(error.path, error.message)
        }
        if let backup = ledger.backupPath {
            FileHandle.standardError.write(
                Data(
                    "\(path): brought up to date for Tandem \(TandemVersion.current); the earlier copy is \(backup).\n"
                        .utf8))
        }
        return ledger
    }
}
