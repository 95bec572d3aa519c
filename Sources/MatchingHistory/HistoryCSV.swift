import Matching
import MatchingReports

/// The history as CSV files, for a spreadsheet: a row per round, or a row
/// per proposal of one person.
public enum HistoryCSV {
    /// A row per round; the review figures of each month the ledger has
    /// reviews for get columns of their own (`reviews_3m`, …).
    public static func rounds(_ rounds: [RoundHistory], format: Policy.Output) -> String {
        let months = Set(rounds.flatMap { $0.reviews.map(\.month) }).sorted()
        var csv = CSVWriter(
            header: [
                "round", "status", "created_on", "published_on", "follows", "mentees", "mentors", "proposed", "kept",
                "carried", "accepted", "declined", "no_reply", "awaiting", "ended_early", "declined_because",
                "ended_because",
            ] + months.flatMap { ["reviews_\($0)m", "still_meeting_\($0)m", "mean_rating_\($0)m"] }, format: format)
        for round in rounds {
            let reviews = months.flatMap { month in
                guard let figures = round.reviews.first(where: { $0.month == month }) else { return ["", "", ""] }
                return ["\(figures.reviews)", "\(figures.stillMeeting)", figures.meanRating.map(decimal) ?? ""]
            }
            csv.append(
                [
                    round.round, round.status.rawValue, round.createdOn, round.publishedOn ?? "", round.follows ?? "",
                    "\(round.mentees)", "\(round.mentors)", "\(round.proposed)", "\(round.kept)", "\(round.carried)",
                    "\(round.accepted)", "\(round.declined)", "\(round.noReply)", "\(round.awaiting)",
                    "\(round.endedEarly)", counts(round.declinedBecause), counts(round.endedBecause),
                ] + reviews)
        }
        return csv.text
    }

    /// A row per proposal that named the person (and a row for a round in
    /// which they had none).
    public static func person(_ person: PersonHistory, format: Policy.Output) -> String {
        var csv = CSVWriter(
            header: [
                "round", "role", "id", "partner", "partner_id", "origin", "standing", "since", "reason", "reviews",
                "notes",
            ], format: format)
        for round in person.rounds {
            let lead = [round.round, round.role, round.participantID]
            guard !round.pairs.isEmpty else {
                csv.append(lead + ["", "", "", "not proposed", "", "", "", ""])
                continue
            }
            for pair in round.pairs {
                csv.append(
                    lead + [
                        pair.partnerName, pair.partnerID, pair.origin, pair.standing.rawValue, pair.since ?? "",
                        pair.reason ?? "", pair.reviews.map(summary).joined(separator: "; "),
                        ((pair.notes ?? []) + pair.reviews.compactMap(\.note)).joined(separator: " | "),
                    ])
            }
        }
        return csv.text
    }

    /// "3 months by the mentee: still meeting, rated 4".
    public static func summary(_ review: PersonHistory.Review) -> String {
        "\(review.month) months by the \(review.reviewedBy) (\(review.heldOn)): \(review.stillMeeting ? "still meeting" : "not meeting")\(review.rating.map { ", rated \($0)" } ?? "")"
    }

    /// "no time: 9; personal: 2", most frequent first.
    public static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key): \($0.value)" }
            .joined(separator: "; ")
    }

    /// A mean rating to two decimals.
    public static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
