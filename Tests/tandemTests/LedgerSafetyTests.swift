import Foundation
import GRDB
import Testing

/// What the ledger promises a coordinator whose command is killed, who runs
/// two commands at once, or who opens a ledger of another Tandem version.
@Suite struct LedgerSafetyTests {
    /// A folder with the sample round matched, published and answered in
    /// `scheme.sqlite`.
    static func answeredLedger() throws -> URL {
        let folder = try RoundLifeTests.folder()
        _ = try RoundLifeTests.run(
            ["match"] + RoundLifeTests.inputs + ["--out", "round-1", "--ledger", "scheme.sqlite", "--quiet"], in: folder
        )
        _ = try RoundLifeTests.run(["publish", "--ledger", "scheme.sqlite"], in: folder)
        _ = try RoundLifeTests.run(
            ["respond", "--ledger", "scheme.sqlite", "\(RoundLifeTests.sample)/responses.csv"], in: folder)
        return folder
    }

    /// The tables a round adds rows to.
    static let roundTables = ["rounds", "round_inputs", "round_people", "proposals", "letters", "people", "responses"]

    /// Rows in each of `tables`.
    static func counts(
        _ database: DatabaseQueue, _ tables: [String] = roundTables + ["round_duals"]
    ) throws
        -> [String: Int]
    {
        try database.read { db in
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") }
            return counts
        }
    }

    /// `tandem` started without waiting for it.
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = try TandemProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Holds a lock on the ledger from another connection until `release`:
    /// a read transaction (other commands may write, but not commit), or an
    /// exclusive one (they may not even read). The transaction stays open on
    /// a thread of its own, since a database access may not leave one open.
    final class LockHolder: @unchecked Sendable {
        private let locked = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)

        init(_ path: String, exclusive: Bool) throws {
            let connection = try DatabaseQueue(path: path)
            Thread.detachNewThread { [locked, released, finished] in
                try? connection.inDatabase { db in
                    try db.execute(sql: exclusive ? "BEGIN EXCLUSIVE" : "BEGIN; SELECT count(*) FROM rounds")
                    locked.signal()
                    released.wait()
                    try db.execute(sql: "COMMIT")
                }
                finished.signal()
            }
            locked.wait()
        }

        func release() {
            released.signal()
            finished.wait()
        }
    }

    @Test("A rematch killed (kill -9) while it commits leaves the ledger exactly as it was, and usable")
    func killedWhileCommitting() throws {
        let folder = try Self.answeredLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scheme.sqlite").path
        let before = try Self.counts(DatabaseQueue(path: path))
        // Another reader holds the ledger, so the rematch's commit waits with
        // its changes written to the journal; it is killed there.
        let reader = try LockHolder(path, exclusive: false)
        let child = try Self.start(["rematch", "--ledger", "scheme.sqlite", "--out", "round-2"], in: folder)
        let deadline = Date().addingTimeInterval(8)
        while !FileManager.default.fileExists(atPath: path + "-journal") && child.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(child.isRunning, "the rematch finished before it could be killed while committing")
        #expect(FileManager.default.fileExists(atPath: path + "-journal"))
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        reader.release()

        let ledger = try DatabaseQueue(path: path)
        #expect(try ledger.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try Self.counts(ledger) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("round-2").path))
        // The next command finds the ledger as it was and records the round.
        let again = try RoundLifeTests.run(["rematch", "--ledger", "scheme.sqlite", "--out", "round-2"], in: folder)
        #expect(again.standardOutput.contains("certificate: optimal (verified)"))
        #expect(try Self.counts(ledger)["rounds"] == before["rounds"]! + 1)
    }

    @Test("A command waits while another holds the ledger, then goes on; nothing is lost")
    func waitsForAnother() throws {
        let folder = try Self.answeredLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scheme.sqlite").path
        let holder = try LockHolder(path, exclusive: true)
        let started = Date()
        let child = try Self.start(
            ["end", "--ledger", "scheme.sqlite", "--mentee", "E1", "--reason", "upheaval"], in: folder)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(child.isRunning)
        holder.release()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        #expect(Date().timeIntervalSince(started) >= 1.5)
        let endings = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM endings") }
        #expect(endings == 1)
    }

    @Test("A command that cannot get the ledger within 10 s says so, and changes nothing")
    func busyTooLong() throws {
        let folder = try Self.answeredLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scheme.sqlite").path
        let holder = try LockHolder(path, exclusive: true)
        let result = try RoundLifeTests.run(
            ["end", "--ledger", "scheme.sqlite", "--mentee", "E1", "--reason", "upheaval"], in: folder, expecting: 1)
        holder.release()
        #expect(
            result.standardError.contains(
                "another tandem command has been using this ledger for over 10 s; try again when it has finished."))
        let endings = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM endings") }
        #expect(endings == 0)
    }

    @Test("An older ledger is copied beside itself, then brought up to date; a newer one is refused")
    func versions() throws {
        let folder = try Self.answeredLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scheme.sqlite").path
        // The ledger as Tandem 0.4.0 left it: without the fourth migration.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    DROP TABLE round_duals;
                    DROP TABLE introductions;
                    ALTER TABLE checkpoints DROP COLUMN reviewed_by;
                    DELETE FROM grdb_migrations WHERE identifier LIKE '4 %';
                    """)
        }
        let before = try Self.counts(DatabaseQueue(path: path), Self.roundTables)
        let history = try RoundLifeTests.run(["history", "--ledger", "scheme.sqlite"], in: folder)
        #expect(
            history.standardError.contains("brought up to date for Tandem")
                && history.standardError.contains("the earlier copy is scheme.sqlite.backup-1"))
        #expect(history.standardOutput.contains("115 accepted, 17 declined"))
        let backup = try DatabaseQueue(path: path + ".backup-1")
        #expect(try backup.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") } == 3)
        #expect(try Self.counts(backup, Self.roundTables) == before)
        let current = try DatabaseQueue(path: path)
        #expect(try current.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") } == 4)
        #expect(try Self.counts(current, Self.roundTables) == before)
        // Opened again, it is up to date: no second copy.
        _ = try RoundLifeTests.run(["history", "--ledger", "scheme.sqlite"], in: folder)
        #expect(!FileManager.default.fileExists(atPath: path + ".backup-2"))

        // A ledger a later Tandem wrote.
        try current.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9 what comes next')")
            try db.execute(sql: "UPDATE ledger_info SET value = '9.1.0' WHERE key = 'written_by'")
        }
        let refused = try RoundLifeTests.run(["history", "--ledger", "scheme.sqlite"], in: folder, expecting: 1)
        #expect(
            refused.standardError.contains(
                "this ledger was written by Tandem 9.1.0 (schema \"9 what comes next\"), newer than this Tandem"))
    }

}
