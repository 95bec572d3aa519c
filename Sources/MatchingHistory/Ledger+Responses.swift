import Diagnostics
import GRDB
import Matching

/// Why a proposal was declined, as a response file's `reason` column says it.
public enum DeclineReason: String, Sendable, CaseIterable {
    case noTime = "no time"
    case notAGoodFit = "not a good fit"
    case foundAnotherMentor = "found another mentor"
    case personal
    case other
}

extension Ledger {
    /// What a response file added.
    public struct ResponsesRecorded: Sendable, Equatable {
        public var round: String
        public var accepted = 0, declined = 0, noReply = 0
        /// Rows that repeat what the ledger already has (a form exported again).
        public var unchanged = 0
    }

    /// The response file's columns.
    static let responseFields: [_FormColumns.Field] = [
        .init(name: "email", headers: ["email", "email address", "e-mail", "your email"]),
        .init(name: "id", headers: ["id", "participant id", "participant_id"]),
        .init(name: "response", headers: ["response", "answer", "decision", "do you accept?"], required: true),
        .init(name: "partner", headers: ["partner", "partner email", "partner id", "mentor", "mentee"]),
        .init(name: "reason", headers: ["reason", "reason code"]),
        .init(name: "date", headers: ["date", "responded on", "timestamp", "completion time"]),
        .init(name: "note", headers: ["note", "notes", "comment", "comments"]),
    ]

    /// Records the responses in a form's export for the current round (the
    /// latest published, or the one named), in one transaction.
    ///
    /// Each row names its person by `email` or `id`; a mentor with more than
    /// one proposal names the mentee in `partner`. `response` is accepted
    /// (accept, yes), declined (decline, no) or no reply; `reason` one of
    /// ``DeclineReason``; `date` the day (today if empty); `note` free text,
    /// kept private in the ledger. A row the ledger already has is skipped; a
    /// changed answer is added (the latest counts).
    ///
    /// - Throws: `InputDiagnostics` with every bad row (file, row, column)
    ///   and nothing recorded; ``LedgerError`` when the ledger cannot be used.
    public func recordResponses(
        file path: String, round name: String?, today: CalendarDate
    ) throws
        -> ResponsesRecorded
    {
        try recordForm(
            file: path, fields: Self.responseFields, round: name, among: [.published], for: "tandem respond",
            whose: "whose response each row is"
        ) { form in
            let (db, table, pairs) = (form.db, form.table, form.pairs)
            var summary = ResponsesRecorded(round: pairs.round.name)
            var seen: [[Int64]: (row: Int, response: ProposalStanding)] = [:]
            for record in table.records {
                guard let response = Self.response(record, table, form.columns, pairs, today: today, &form.diagnostics)
                else {
                    continue
                }
                let key = [response.proposal.mentee.person, response.proposal.mentor.person]
                if let earlier = seen[key] {
                    if earlier.response != response.kind {
                        form.diagnostics.error(
                            SourceLocation(file: path, row: record.row),
                            "row \(earlier.row) answers for the same pair (\(response.proposal.mentee.name) and \(response.proposal.mentor.name)) differently; keep one."
                        )
                    }
                    continue
                }
                seen[key] = (record.row, response.kind)
                if response.proposal.standing == response.kind {
                    summary.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO responses(round, mentee, mentor, response, responded_by, responded_on, reason, note, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        pairs.round.id, response.proposal.mentee.person, response.proposal.mentor.person,
                        response.kind.rawValue, response.by, response.day.description, response.reason?.rawValue,
                        response.note, "\(path):\(record.row)",
                    ])
                switch response.kind {
                case .accepted: summary.accepted += 1
                case .declined: summary.declined += 1
                default: summary.noReply += 1
                }
            }
            return summary
        }
    }

    private struct Response {
        var proposal: _CurrentPairs.Proposal
        var kind: ProposalStanding
        var by: String
        var day: CalendarDate
        var reason: DeclineReason?
        var note: String?
    }

    /// One row read and checked against the round, or `nil` with its errors.
    private static func response(
        _ record: CSVTable.Record, _ table: CSVTable, _ columns: _FormColumns, _ pairs: _CurrentPairs,
        today: CalendarDate, _ diagnostics: inout InputDiagnostics
    ) -> Response? {
        let before = diagnostics.errors.count
        let kind: ProposalStanding?
        switch columns.value("response", in: record)?.lowercased() {
        case "accepted", "accept", "yes", "y": kind = .accepted
        case "declined", "decline", "no", "n": kind = .declined
        case "no reply", "no-reply", "none": kind = .noReply
        case let other:
            kind = nil
            diagnostics.error(
                columns.location("response", record, in: table),
                other == nil
                    ? "the response is empty; write accepted, declined or no reply."
                    : "the response \"\(other!)\" is not one Tandem knows; write accepted, declined or no reply\(Suggestion.clause(for: other!, among: ["accepted", "declined", "no reply"]))."
            )
        }
        var reason: DeclineReason?
        if let text = columns.value("reason", in: record) {
            reason = DeclineReason(rawValue: text.lowercased())
            if reason == nil {
                let codes = DeclineReason.allCases.map(\.rawValue)
                diagnostics.error(
                    columns.location("reason", record, in: table),
                    "the reason \"\(text)\" is not a reason code (\(codes.joined(separator: ", ")))\(Suggestion.clause(for: text, among: codes)); free text goes in a note column."
                )
            }
        }
        var day = today
        if let text = columns.value("date", in: record) {
            if let parsed = _FormColumns.day(text) {
                day = parsed
            } else {
                diagnostics.error(
                    columns.location("date", record, in: table), "\"\(text)\" is not a date; write it as 2027-03-15.")
            }
        }
        let person = columns.person(record, in: table, pairs: pairs, diagnostics: &diagnostics)
        guard let person, let kind, diagnostics.errors.count == before else { return nil }
        guard let proposal = columns.proposal(of: person, record, in: table, pairs: pairs, diagnostics: &diagnostics)
        else {
            return nil
        }
        if proposal.standing == .ended {
            diagnostics.error(
                SourceLocation(file: table.path, row: record.row),
                "the pairing of \(proposal.mentee.name) and \(proposal.mentor.name) ended on \(proposal.since ?? "an earlier day"); a response cannot follow it."
            )
            return nil
        }
        return Response(
            proposal: proposal, kind: kind, by: person.role, day: day, reason: reason,
            note: columns.value("note", in: record))
    }
}
