import GRDB

/// What became of the pairs of one chain (a round and its follow-ups): each
/// pair's latest response, its ending, and the latest review of each month
/// and reviewer. Read once, for the history of the chain's rounds.
struct _ChainOutcomes {
    struct Pair: Hashable {
        var mentee: Int64
        var mentor: Int64
    }

    struct Answer {
        var response: ProposalStanding
        var on: String
        var reason: String?
        var note: String?
    }

    private(set) var answers: [Pair: Answer] = [:]
    private(set) var endings: [Pair: Answer] = [:]
    private(set) var reviews: [Pair: [PersonHistory.Review]] = [:]

    init(_ db: Database, chain: Int64) throws {
        // Rows in the order they were added, so the last one read is the current one.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.mentee, r.mentor, r.response, r.responded_on, r.reason, r.note
                FROM responses r JOIN rounds c ON c.id = r.round WHERE c.chain = ? ORDER BY r.id
                """, arguments: [chain])
        {
            answers[Pair(mentee: row[0], mentor: row[1])] = Answer(
                response: ProposalStanding(rawValue: row[2]) ?? .awaiting, on: row[3], reason: row[4], note: row[5])
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.mentee, e.mentor, e.ended_on, e.reason, e.note
                FROM endings e JOIN rounds c ON c.id = e.round WHERE c.chain = ? ORDER BY e.id
                """, arguments: [chain])
        {
            endings[Pair(mentee: row[0], mentor: row[1])] = Answer(
                response: .ended, on: row[2], reason: row[3], note: row[4])
        }
        var latestReviews: [Pair: [String: PersonHistory.Review]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT k.mentee, k.mentor, k.month, k.reviewed_by, k.held_on, k.still_meeting, k.rating, k.note
                FROM checkpoints k JOIN rounds c ON c.id = k.round WHERE c.chain = ? ORDER BY k.id
                """, arguments: [chain])
        {
            let review = PersonHistory.Review(
                month: row[2], reviewedBy: row[3], heldOn: row[4], stillMeeting: row[5], rating: row[6], note: row[7])
            latestReviews[Pair(mentee: row[0], mentor: row[1]), default: [:]]["\(review.month) \(review.reviewedBy)"] =
                review
        }
        reviews = latestReviews.mapValues {
            $0.values.sorted { ($0.month, $0.reviewedBy) < ($1.month, $1.reviewedBy) }
        }
    }

    /// Where a pair stands: ended, or its latest answer, or awaiting one.
    func standing(_ pair: Pair) -> (standing: ProposalStanding, latest: Answer?) {
        if let ending = endings[pair] { return (.ended, ending) }
        guard let answer = answers[pair] else { return (.awaiting, nil) }
        return (answer.response, answer)
    }
}
