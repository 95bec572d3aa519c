/// What one mentee's row tells the answer's details (``_RoundDetails``),
/// in one loop over the row that allocates nothing: a matched mentee's
/// rank (1 + how many allowed mentors score strictly higher) and the
/// blocking pairs among those mentors; an unmatched mentee's best allowed
/// mentor, blocking pairs and the reason they have no mentor. Rows are read
/// on several threads at once.
struct _DetailReader: Sendable {
    let places: [Int]
    /// How many mentees each mentor was given.
    let load: [Int]
    let minimumUnits: Int64?
    let floor: Int64?
    let audit: _StabilityAudit
    /// Each matched mentee's pair score (`Int32.min` when unmatched).
    let pairScore: [Int32]

    /// What a row told.
    struct Row: Sendable {
        let mentee: Int
        /// A matched mentee's rank (0 for an unmatched one).
        var rank = 0
        var blockingPairs = 0
        /// An unmatched mentee's best allowed mentor and their score.
        var best: (mentor: Int, units: Int32)?
        /// Why an unmatched mentee got no mentor; `nil` when matched, or
        /// when every mentor is forbidden to them (the caller names the rule).
        var reason: UnmatchedReason?
    }

    func read(_ row: ScoreRow) -> Row {
        pairScore[row.mentee] == .min ? readUnmatched(row) : readMatched(row)
    }

    /// A matched mentee's row is read when their mentor is not among their
    /// best on scoring's digest, so few of its mentors score above the pair
    /// (the rank is past the list's 30): chunks of the row with none above
    /// it are skipped as vectors (``_chunkHasAbove(_:_:)``), and only the
    /// rest are looked at pair by pair. Pair by pair throughout, this loop
    /// was 40 % of the samples of the answer's details at 140,000 × 60,000
    /// (the rest scoring the rows), 3 % of the whole round's.
    private func readMatched(_ row: ScoreRow) -> Row {
        var read = Row(mentee: row.mentee)
        let units = pairScore[row.mentee]
        var higher = 0
        var start = 0
        while start < row.mentors {
            let end = min(row.mentors, start + _scoreChunk)
            defer { start = end }
            if end - start == _scoreChunk, !_chunkHasAbove(row.scores + start, units) { continue }
            for mentor in start..<end where row[mentor] > units && !row.isForbidden(mentor) {
                higher += 1
                if audit.blocks(row.mentee, mentor, row[mentor]) { read.blockingPairs += 1 }
            }
        }
        read.rank = higher + 1
        return read
    }

    /// Every eligible mentor tempts an unmatched mentee. The reason is the
    /// first that holds of: no allowed mentor, none at or above the minimum
    /// score, none at or above the fairness floor, every one of those full,
    /// and otherwise the pair was not worth the total.
    private func readUnmatched(_ row: ScoreRow) -> Row {
        var read = Row(mentee: row.mentee)
        let lowest = minimumUnits ?? .min, floor = floor ?? .min
        var eligible = false, aboveFloor = false, freeAboveFloor = false
        for mentor in 0..<row.mentors where !row.isForbidden(mentor) {
            let units = row[mentor]
            if read.best == nil || units > read.best!.units { read.best = (mentor, units) }
            if audit.blocks(row.mentee, mentor, units) { read.blockingPairs += 1 }
            guard Int64(units) >= lowest else { continue }
            eligible = true
            guard Int64(units) >= floor else { continue }
            aboveFloor = true
            if load[mentor] < places[mentor] { freeAboveFloor = true }
        }
        if read.best != nil {
            read.reason = Self.reason(eligible: eligible, aboveFloor: aboveFloor, freeAboveFloor: freeAboveFloor)
        }
        return read
    }

    /// Why a mentee with some allowed mentor got none: `eligible`, some
    /// allowed mentor at or above the minimum score; `aboveFloor`, one at
    /// or above the fairness floor too; `freeAboveFloor`, one of those
    /// with a free place.
    static func reason(eligible: Bool, aboveFloor: Bool, freeAboveFloor: Bool) -> UnmatchedReason {
        !eligible
            ? .belowMinimumScore
            : !aboveFloor ? .belowFairnessFloor : freeAboveFloor ? .notWorthTheTotal : .eligibleMentorsFull
    }
}
