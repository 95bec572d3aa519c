import Assignment

/// What each person gets, read from the scores after the solve: each pair's
/// score and rank, why each unmatched mentee has no mentor and their best
/// allowed mentor, and the stability audit — reading only the rows the
/// scoring digest cannot answer for.
///
/// A matched mentee whose mentor is on their digest list, at or above the
/// list's bound and the best score of any mentor without places, has every
/// allowed mentor who scores higher on that list: their rank (1 + how many
/// allowed mentors score strictly higher; equal scores share a rank) and
/// their blocking pairs come from the list. Every other mentee's row is read
/// in one pass over just those rows (in parts on every core when the scores
/// are streamed): on a generated 34,000 × 16,000 round, the unmatched 6 % and
/// a few more, instead of two passes over everyone.
///
/// An unmatched mentee's row is not read either when what the solve learnt
/// of it settles their details (``_SettledUnmatchedRows``).
///
/// The stability audit: see ``_StabilityAudit``.
struct _RoundDetails {
    /// Each proposed pair's score and rank, by mentee.
    var scoreAndRank: [Int: (units: Int32, rank: Int)] = [:]
    /// Each unmatched mentee's reason and best allowed mentor, by mentee.
    var unmatched: [Int: (reason: UnmatchedReason, best: (mentor: Int, units: Int32)?)] = [:]
    var blockingPairs = 0
    /// Unmatched mentees whose details came without reading their row.
    var settledUnmatched = 0

    /// - Parameters:
    ///   - check: The scored cohort (its scores and digest).
    ///   - mentorOfMentee: The answer.
    ///   - pairScores: Each matched mentee's pair score (``_RoundSolver/Outcome/pairScores()``).
    ///   - places: Each mentor's places this round.
    ///   - minimumUnits: Pairs below it are not eligible.
    ///   - floor: The fairness floor, if the round set one.
    ///   - solved: The problem the solve priced, with what its pricing
    ///     learnt, and its final candidates (by mentee), when it was solved
    ///     sparsely.
    init(
        check: ScoredCohort, mentorOfMentee: [Int?], pairScores: [Int32?], places: [Int], minimumUnits: Int64?,
        floor: Int64?, solved: (pairs: _EligiblePairs, candidates: [[CandidatePair<Int64>]])? = nil
    ) {
        let scores = check.scores
        let digest = check.digest.isValid(places: places, cutoff: minimumUnits) ? check.digest : nil
        var load = [Int](repeating: 0, count: places.count)
        for mentor in mentorOfMentee.compactMap({ $0 }) { load[mentor] += 1 }
        let audit = _StabilityAudit(
            mentorOfMentee: mentorOfMentee, pairScores: pairScores, places: places, load: load,
            minimumUnits: minimumUnits)
        var settled = digest.flatMap { digest in
            solved.flatMap {
                _SettledUnmatchedRows(
                    pairs: $0.pairs, candidates: $0.candidates, digest: digest, audit: audit,
                    minimumUnits: minimumUnits, floor: floor)
            }
        }
        // The matched mentees the digest answers for and the unmatched ones
        // pricing's bounds settle; the rest are read.
        var rowsToRead: [Int] = []
        for (mentee, mentor) in mentorOfMentee.enumerated() {
            if mentor == nil, let row = settled?.details(of: mentee) {
                blockingPairs += row.blockingPairs
                unmatched[mentee] = (row.reason!, row.best)
                settledUnmatched += 1
                continue
            }
            guard let mentor, let units = pairScores[mentee], let digest,
                Self.listedScore(digest, mentee: mentee, mentor: mentor) == units,
                Int64(units) >= max(digest.leftOutBound[mentee], digest.placelessBest[mentee])
            else {
                rowsToRead.append(mentee)
                continue
            }
            let (mentors, scores) = digest.mentors(of: mentee)
            scoreAndRank[mentee] = (units, scores.count(where: { $0 > units }) + 1)
            for (mentor, score) in zip(mentors, scores) where score > units {
                blockingPairs += audit.blocks(mentee, Int(mentor), score) ? 1 : 0
            }
        }
        let reader = _DetailReader(
            places: places, load: load, minimumUnits: minimumUnits, floor: floor, audit: audit,
            pairScore: pairScores.map { $0 ?? .min })
        for part in Self.read(rowsToRead, scores: scores, reader) {
            for row in part {
                blockingPairs += row.blockingPairs
                if mentorOfMentee[row.mentee] != nil {
                    scoreAndRank[row.mentee] = (pairScores[row.mentee]!, row.rank)
                } else {
                    let reason =
                        row.reason
                        ?? {
                            let main = check.mainObstacle(mentee: row.mentee)
                            return .noEligibleMentor(mainRule: main?.rule, criterion: main?.criterion)
                        }()
                    unmatched[row.mentee] = (reason, row.best)
                }
            }
        }
    }

    /// The rows read, in parts on every core when the scores are streamed
    /// (a row costs its scoring then, and the matched rows the digest cannot
    /// answer for are most of them: 18,418 of 22,570 in a generated
    /// 68,000 × 32,000 round), in one pass here otherwise.
    private static func read(
        _ rows: [Int], scores: any ScoreSource, _ reader: _DetailReader
    ) -> [[_DetailReader.Row]] {
        guard let threads = _ThreadedPasses.local(for: scores), rows.count > 1 else {
            var read: [_DetailReader.Row] = []
            scores.forEachRow(of: rows) { read.append(reader.read($0)) }
            return [read]
        }
        let count = min(rows.count, threads.threads * _ThreadedPasses.partsPerThread)
        let streamed = threads.scores
        return threads.inParts(count) { part in
            var read: [_DetailReader.Row] = []
            streamed.forEachRow(of: Array(rows[part * rows.count / count..<(part + 1) * rows.count / count])) {
                read.append(reader.read($0))
            }
            return read
        }
    }

    /// The listed score of the pair, if the mentor is on the mentee's digest list.
    private static func listedScore(_ digest: _ScoreDigest, mentee: Int, mentor: Int) -> Int32? {
        let (mentors, scores) = digest.mentors(of: mentee)
        return mentors.firstIndex(of: Int32(mentor)).map { scores[$0] }
    }
}
