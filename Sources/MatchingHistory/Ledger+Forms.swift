import Diagnostics
import GRDB
import Matching

extension Ledger {
    /// What a command reading a form's export about a round's pairs
    /// (`respond`, `checkpoint`) is handed: the round's people and pairs as
    /// the ledger has them, the file, its columns located, and the
    /// diagnostics its rows add to.
    struct FormReading {
        let db: Database
        let pairs: _CurrentPairs
        let table: CSVTable
        let columns: _FormColumns
        var diagnostics = InputDiagnostics()
    }

    /// Reads a form's export about the pairs of a round (the one named, or
    /// the latest with one of `statuses`) in one write transaction: the
    /// file's columns are located (an email or id column is needed, saying
    /// `whose`), then `body` reads the rows (about the round's pairs, or with
    /// `wholeChain` those of its chain so far) and writes what they say. When
    /// any row has an error, every error is thrown and nothing is kept.
    func recordForm<Result>(
        file path: String, fields: [_FormColumns.Field], round name: String?, among statuses: [LedgerRound.Status],
        for purpose: String, whose: String, wholeChain: Bool = false, _ body: (inout FormReading) throws -> Result
    ) throws -> Result {
        let table = try CSVTable.load(path: path)
        let round = try self.round(named: name, among: statuses, for: purpose)
        return try write { db in
            var diagnostics = InputDiagnostics()
            let columns = _FormColumns(table, fields: fields, diagnostics: &diagnostics)
            if columns.column("email") == nil && columns.column("id") == nil && !diagnostics.hasErrors {
                diagnostics.error(SourceLocation(file: path, row: 1), "no email or id column says \(whose).")
            }
            guard !diagnostics.hasErrors else { throw diagnostics }
            var reading = FormReading(
                db: db, pairs: try _CurrentPairs(db, round: round), table: table, columns: columns)
            let result = try body(&reading)
            guard !reading.diagnostics.hasErrors else { throw reading.diagnostics }
            return result
        }
    }
}
