import Diagnostics
import GRDB
import Matching

/// One round as the ledger has it.
public struct LedgerRound: Sendable, Equatable {
    /// Where a round stands.
    public enum Status: String, Sendable {
        /// Recorded by `tandem match --ledger`; nobody has been told.
        case draft
        /// Its letters were sent (`tandem publish`); responses come back to it.
        case published
        /// A later round took its place.
        case closed
    }

    public var id: Int64
    public var name: String
    /// The first round of its chain (itself, unless it is a follow-up round).
    public var chain: Int64
    /// The round it follows up, if any.
    public var follows: Int64?
    public var createdOn: String
    public var status: Status
    public var publishedOn: String?
    /// The policy's disclosure rule when the round was run.
    public var revealContact: Policy.ContactDisclosure

    static let columns = "id, name, chain, follows, created_on, status, published_on, reveal_contact"

    init(row: Row) {
        id = row[0]
        name = row[1]
        chain = row[2]
        follows = row[3]
        createdOn = row[4]
        status = Status(rawValue: row[5]) ?? .closed
        publishedOn = row[6]
        revealContact = Policy.ContactDisclosure(rawValue: row[7]) ?? .afterAcceptance
    }

    static func fetchAll(
        _ db: Database, where condition: String = "1", _ arguments: StatementArguments = []
    )
        throws -> [LedgerRound]
    {
        try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM rounds WHERE \(condition) ORDER BY id", arguments: arguments
        ).map(LedgerRound.init)
    }
}

extension Ledger {
    /// Every round, oldest first.
    public func rounds() throws(LedgerError) -> [LedgerRound] {
        try read { try LedgerRound.fetchAll($0) }
    }

    /// The round a command about the current round works on: the one named,
    /// or else the latest with one of `statuses`.
    ///
    /// - Throws: ``LedgerError`` naming the rounds there are when there is no
    ///   such round.
    func round(
        named name: String?, among statuses: [LedgerRound.Status], for purpose: String
    )
        throws(LedgerError) -> LedgerRound
    {
        let rounds = try self.rounds()
        let listed = rounds.map { "\"\($0.name)\" (\($0.status.rawValue))" }.joined(separator: ", ")
        if let name {
            guard let round = rounds.first(where: { $0.name == name }) else {
                let suggestion = Suggestion.clause(for: name, among: rounds.map(\.name))
                throw LedgerError(
                    path,
                    "there is no round named \"\(name)\"\(suggestion); the ledger has \(rounds.isEmpty ? "no rounds" : listed)."
                )
            }
            guard statuses.contains(round.status) else {
                throw LedgerError(
                    path,
                    "the round \"\(name)\" is \(round.status.rawValue); \(purpose) needs a \(statuses.map(\.rawValue).joined(separator: " or ")) round."
                )
            }
            return round
        }
        guard let round = rounds.last(where: { statuses.contains($0.status) }) else {
            throw LedgerError(
                path,
                "\(purpose) needs a \(statuses.map(\.rawValue).joined(separator: " or ")) round; the ledger has \(rounds.isEmpty ? "no rounds yet (`tandem match … --ledger` records one)" : listed)."
            )
        }
        return round
    }
}
