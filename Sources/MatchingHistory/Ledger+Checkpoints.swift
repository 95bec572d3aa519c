import Diagnostics
import GRDB
import Matching

extension Ledger {
    /// What an outcomes file added.
    public struct CheckpointsRecorded: Sendable, Equatable {
        public var round: String
        /// Reviews added, and of them those saying the pair still meets.
        public var reviews = 0, stillMeeting = 0
        /// Reviews that repeat what the ledger already has.
        public var unchanged = 0
        /// The mean of the ratings added, if any had one.
        public var meanRating: Double?
        /// Mentees (by id) of the pairs a review added says no longer meet,
        /// whose pairing has not been recorded as ended.
        public var notMeeting: [String] = []
    }

    /// The outcomes file's columns.
    static let checkpointFields: [_FormColumns.Field] = [
        .init(name: "email", headers: ["email", "email address", "e-mail", "your email"]),
        .init(name: "id", headers: ["id", "participant id", "participant_id"]),
        .init(name: "partner", headers: ["partner", "partner email", "partner id", "mentor", "mentee"]),
        .init(
            name: "month", headers: ["month", "months", "checkpoint", "review", "review month", "which review?"],
            required: true),
        .init(
            name: "still meeting",
            headers: ["still meeting", "still_meeting", "still meeting?", "are you still meeting?", "meeting"],
            required: true),
        .init(name: "rating", headers: ["rating", "rating (1-5)", "rating (1–5)", "how would you rate it?"]),
        .init(name: "reviewed by", headers: ["reviewed by", "reviewed_by", "reviewer"]),
        .init(name: "date", headers: ["date", "held on", "timestamp", "completion time"]),
        .init(name: "note", headers: ["note", "notes", "comment", "comments"]),
    ]

    /// Records the 3- and 6-month reviews in a form's export, for the pairs
    /// of a published round (the latest, or the one named, which may since
    /// have been closed), in one transaction.
    ///
    /// Each row names a person of an accepted pairing by `email` or `id` (a
    /// mentor with several names the mentee in `partner`); `month` the review
    /// (3, "6 months"); `still meeting` yes or no; `rating` 1 to 5 (optional);
    /// `reviewed by` mentee, mentor or coordinator (by default, the role of
    /// the person the row names); `date` the day (today if empty); `note`
    /// free text, kept private. A review the ledger already has is skipped;
    /// a changed one is added (the latest counts).
    ///
    /// - Throws: `InputDiagnostics` with every bad row (file, row, column)
    ///   and nothing recorded; ``LedgerError`` when the ledger cannot be used.
    public func recordCheckpoints(
        file path: String, round name: String?, today: CalendarDate
    ) throws -> CheckpointsRecorded {
        try recordForm(
            file: path, fields: Self.checkpointFields, round: name, among: [.published, .closed],
            for: "tandem checkpoint", whose: "whose pairing each row is about", wholeChain: true
        ) { form in
            let (db, table, pairs) = (form.db, form.table, form.pairs)
            var summary = CheckpointsRecorded(round: pairs.round.name)
            var ratings: [Int] = []
            var seen: [Review.Key: (row: Int, review: Review)] = [:]
            for record in table.records {
                guard let review = Self.review(record, table, form.columns, pairs, today: today, &form.diagnostics)
                else {
                    continue
                }
                if let earlier = seen[review.key] {
                    if !earlier.review.says(the: review) {
                        form.diagnostics.error(
                            SourceLocation(file: path, row: record.row),
                            "row \(earlier.row) gives the \(review.month)-month review of \(review.proposal.mentee.name) and \(review.proposal.mentor.name) by the \(review.by) differently; keep one."
                        )
                    }
                    continue
                }
                seen[review.key] = (record.row, review)
                if let latest = try Self.latestReview(db, review, chain: pairs.round.chain), latest.says(the: review) {
                    summary.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO checkpoints(round, mentee, mentor, month, held_on, still_meeting, rating, note,
                            source, reviewed_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        pairs.round.id, review.proposal.mentee.person, review.proposal.mentor.person, review.month,
                        review.day.description, review.stillMeeting, review.rating, review.note,
                        "\(path):\(record.row)", review.by,
                    ])
                summary.reviews += 1
                if review.stillMeeting {
                    summary.stillMeeting += 1
                } else if review.proposal.standing != .ended,
                    !summary.notMeeting.contains(review.proposal.mentee.participantID)
                {
                    summary.notMeeting.append(review.proposal.mentee.participantID)
                }
                if let rating = review.rating { ratings.append(rating) }
            }
            if !ratings.isEmpty { summary.meanRating = Double(ratings.reduce(0, +)) / Double(ratings.count) }
            return summary
        }
    }

    /// One review read from a row.
    private struct Review {
        struct Key: Hashable {
            var mentee: Int64, mentor: Int64, month: Int, by: String
        }

        var proposal: _CurrentPairs.Proposal
        var month: Int
        var by: String
        var stillMeeting: Bool
        var rating: Int?
        var day: CalendarDate
        var note: String?

        var key: Key { Key(mentee: proposal.mentee.person, mentor: proposal.mentor.person, month: month, by: by) }

        /// Whether `other` says the same (its day aside: a form exported
        /// again may stamp it anew).
        func says(the other: Review) -> Bool {
            stillMeeting == other.stillMeeting && rating == other.rating && note == other.note
        }
    }

    /// The chain's latest review of the same pair, month and reviewer.
    private static func latestReview(_ db: Database, _ review: Review, chain: Int64) throws -> Review? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT k.still_meeting, k.rating, k.note, k.held_on FROM checkpoints k JOIN rounds c ON c.id = k.round
                    WHERE c.chain = ? AND k.mentee = ? AND k.mentor = ? AND k.month = ? AND k.reviewed_by = ?
                    ORDER BY k.id DESC LIMIT 1
                    """,
                arguments: [
                    chain, review.proposal.mentee.person, review.proposal.mentor.person, review.month, review.by,
                ]
            )
        else { return nil }
        var latest = review
        latest.stillMeeting = row[0]
        latest.rating = row[1]
        latest.note = row[2]
        return latest
    }

    /// One row read and checked against the round, or `nil` with its errors.
    private static func review(
        _ record: CSVTable.Record, _ table: CSVTable, _ columns: _FormColumns, _ pairs: _CurrentPairs,
        today: CalendarDate, _ diagnostics: inout InputDiagnostics
    ) -> Review? {
        let before = diagnostics.errors.count
        func complain(_ field: String, _ message: String) {
            diagnostics.error(columns.location(field, record, in: table), message)
        }
        let monthText = columns.value("month", in: record)
        let month = monthText.flatMap(leadingNumber).flatMap { (1...120).contains($0) ? $0 : nil }
        if month == nil {
            complain(
                "month",
                monthText.map {
                    "\"\($0)\" is not a review month; write the months since the pairing began, as 3 or 6."
                }
                    ?? "the review month is empty; write 3 or 6.")
        }
        let meetingText = columns.value("still meeting", in: record)
        let stillMeeting = meetingText.flatMap(yesOrNo)
        if stillMeeting == nil {
            complain(
                "still meeting",
                meetingText.map { "\"\($0)\" does not say whether the pair still meets; write yes or no." }
                    ?? "whether the pair still meets is empty; write yes or no.")
        }
        var rating: Int?
        if let text = columns.value("rating", in: record) {
            rating = leadingNumber(text).flatMap { (1...5).contains($0) ? $0 : nil }
            if rating == nil { complain("rating", "the rating \"\(text)\" is not a whole number from 1 to 5.") }
        }
        var by: String?
        if let text = columns.value("reviewed by", in: record) {
            by = EndedBy(rawValue: text.lowercased())?.rawValue
            if by == nil {
                complain("reviewed by", "\"\(text)\" is not a reviewer; write mentee, mentor or coordinator.")
            }
        }
        var day = today
        if let text = columns.value("date", in: record) {
            if let parsed = _FormColumns.day(text) {
                day = parsed
            } else {
                complain("date", "\"\(text)\" is not a date; write it as 2027-06-15.")
            }
        }
        let person = columns.person(record, in: table, pairs: pairs, diagnostics: &diagnostics)
        guard let person, let month, let stillMeeting, diagnostics.errors.count == before,
            let proposal = columns.proposal(
                of: person, record, in: table, pairs: pairs, diagnostics: &diagnostics, what: "accepted pairing",
                where: { $0.standing == .accepted || $0.standing == .ended })
        else { return nil }
        // A review held before the pairing ended may say they still met.
        if proposal.standing == .ended, stillMeeting, let ended = proposal.since, day.description > ended {
            diagnostics.error(
                SourceLocation(file: table.path, row: record.row),
                "the pairing of \(proposal.mentee.name) and \(proposal.mentor.name) ended on \(ended), before this review of \(day), which says they still meet."
            )
            return nil
        }
        return Review(
            proposal: proposal, month: month, by: by ?? person.role, stillMeeting: stillMeeting, rating: rating,
            day: day, note: columns.value("note", in: record))
    }

    /// The whole number a cell gives, after any words: "3", "3 months",
    /// "Month 6", "4/5", "4 - good"; not "4.5" or "-1".
    private static func leadingNumber(_ text: String) -> Int? {
        let words = text.prefix { !$0.isNumber }
        guard words.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        let digits = text.dropFirst(words.count).prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(words.count + digits.count)
        guard (1...3).contains(digits.count), rest.first != ".", rest.first != "," else { return nil }
        return Int(digits)
    }

    /// Yes or no as forms write it.
    private static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "still meeting": true
        case "no", "n", "false", "0", "not meeting": false
        default: nil
        }
    }
}
