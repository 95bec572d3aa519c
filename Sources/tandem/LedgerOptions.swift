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

extension CalendarDate {
    /// Today, in this computer's time zone.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// A `--date` value: `YYYY-MM-DD`.
    static func option(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ValidationError("\"\(text)\" is not a date; write it as 2027-03-15.")
        }
        return date
    }
}
