import Foundation
import GRDB
import _TandemUtilities

/// A scheme's memory: every round it ran, what each round proposed, the
/// answers people gave, pairings that ended early and the reviews that
/// followed, in one SQLite file (`tandem.sqlite` unless named).
///
/// Every command writes in one transaction: killed at any moment, the ledger
/// is as it was before. Two commands on one ledger take turns (the second
/// waits up to ``busyTimeout`` for the first). A ledger written by a newer
/// Tandem is refused; an older one is brought up to date after a copy of it
/// is saved beside it.
///
/// ```swift
/// let ledger = try Ledger(path: "tandem.sqlite", creating: true)
/// let rounds = try ledger.rounds()
/// ```
public final class Ledger: Sendable {
    /// The file.
    public let path: String
    /// The copy of an older ledger saved before it was brought up to date
    /// when this ledger was opened, if one was.
    public let backupPath: String?
    let database: DatabaseQueue

    /// The file a command uses when none is named.
    public static let defaultPath = "tandem.sqlite"
    /// How long a command waits for another one writing the same ledger.
    public static let busyTimeout: TimeInterval = 10

    /// Opens the ledger at `path`; with `creating`, a new ledger is started
    /// when there is no file (what `tandem match --ledger` does), and
    /// otherwise a missing file is an error saying how to start one.
    ///
    /// - Throws: ``LedgerError`` when the file is missing, is not a Tandem
    ///   ledger, was written by a newer Tandem, or cannot be read or backed up.
    public init(path: String, creating: Bool) throws(LedgerError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !creating {
            throw LedgerError(
                path, "there is no ledger here; `tandem match … --ledger \(path)` records a round and starts one.")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "ledger"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.failure(path, error, doing: "open")
        }
        backupPath = try Self.bringUpToDate(database, path: path)
    }

    /// Checks the file is a ledger this Tandem can read, and applies the
    /// migrations it lacks after saving a copy of it; returns the copy's path.
    private static func bringUpToDate(_ database: DatabaseQueue, path: String) throws(LedgerError) -> String? {
        let migrator = _LedgerSchema.migrator
        do {
            let (applied, tables, writer) = try database.read { db in
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applied = tables.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
                let writer =
                    tables.contains("ledger_info")
                    ? try String.fetchOne(db, sql: "SELECT value FROM ledger_info WHERE key = 'written_by'") : nil
                return (applied, tables, writer)
            }
            let known = Set(migrator.migrations)
            if !tables.isEmpty && !tables.contains("ledger_info") {
                throw LedgerError(path, "this SQLite file is not a Tandem ledger; name another file with --ledger.")
            }
            if let unknown = applied.subtracting(known).sorted().first {
                throw LedgerError(
                    path,
                    "this ledger was written by Tandem \(writer ?? "(unknown version)") (schema \"\(unknown)\"), newer than this Tandem \(TandemVersion.current); use that version or a later one."
                )
            }
            guard applied.count < known.count else { return nil }
            var backup: String?
            if !tables.isEmpty {
                let copy = backupCopyPath(for: path)
                try database.backup(to: DatabaseQueue(path: copy))
                backup = copy
            }
            try migrator.migrate(database)
            return backup
        } catch let error as LedgerError {
            throw error
        } catch {
            throw failure(path, error, doing: "read")
        }
    }

    /// `tandem.sqlite.backup-1`, or the first number not taken.
    private static func backupCopyPath(for path: String) -> String {
        var number = 1
        while FileManager.default.fileExists(atPath: "\(path).backup-\(number)") { number += 1 }
        return "\(path).backup-\(number)"
    }

    /// Runs `body` in one write transaction, recording which Tandem wrote
    /// last: all of it is kept, or (on an error or a kill) none of it.
    ///
    /// - Throws: What `body` throws (``LedgerError``, `InputDiagnostics`), or
    ///   a database error as a ``LedgerError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write { db in
                let result = try body(db)
                try db.execute(
                    sql: "INSERT OR REPLACE INTO ledger_info(key, value) VALUES ('written_by', ?)",
                    arguments: [TandemVersion.current])
                return result
            }
        } catch let error as DatabaseError {
            throw Self.failure(path, error, doing: "write")
        }
    }

    /// Runs `body` in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try database.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw Self.failure(path, error, doing: "read")
        }
    }

    /// A database error in a coordinator's words.
    static func failure(_ path: String, _ error: any Error, doing action: String) -> LedgerError {
        guard let error = error as? DatabaseError else {
            return LedgerError(path, "cannot \(action) the ledger: \(error.localizedDescription)")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(
                path,
                "another tandem command has been using this ledger for over \(Int(busyTimeout)) s; try again when it has finished."
            )
        case .SQLITE_NOTADB:
            return LedgerError(
                path, "this file is not a Tandem ledger (not an SQLite database); name another with --ledger.")
        case .SQLITE_CORRUPT:
            return LedgerError(
                path, "this ledger is damaged (SQLite reports corruption); restore it from a backup copy.")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return LedgerError(path, "cannot \(action) the ledger: \(error.message ?? "permission denied").")
        case .SQLITE_FULL:
            return LedgerError(path, "cannot \(action) the ledger: the disk is full; nothing was changed.")
        default:
            return LedgerError(path, "cannot \(action) the ledger: \(error.message ?? "\(error.resultCode)").")
        }
    }
}
