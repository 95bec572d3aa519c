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
/// in one pass over just those rows: on a generated 34,000 × 16,000 round,
/// the unmatched 6 % and a few more, instead of two passes over everyone.
///
/// The stability audit counts allowed pairs (i, j), eligible and not
/// proposed, where mentee i is unmatched or scores j above their mentor, and
/// mentor j has a free place or scores i above one of their mentees. Scores
/// are each side's preferences.
struct _RoundDetails {
    /// Each proposed pair's score and rank, by mentee.
    var scoreAndRank: [Int: (units: Int32, rank: Int)] = [:]
    /// Each unmatched mentee's reason and best allowed mentor, by mentee.
    var unmatched: [Int: (reason: UnmatchedReason, best: (mentor: Int, units: Int32)?)] = [:]
    var blockingPairs = 0

    /// - Parameters:
    ///   - check: The scored cohort (its scores and digest).
    ///   - mentorOfMentee: The answer.
    ///   - places: Each mentor's places this round.
    ///   - minimumUnits: Pairs below it are not eligible.
    ///   - floor: The fairness floor, if the round set one.
    init(
        check: ScoredCohort, mentorOfMentee: [Int?], places: [Int], minimumUnits: Int64?, floor: Int64?
    ) {
        let scores = check.scores
        let digest = check.digest.isValid(places: places, cutoff: minimumUnits) ? check.digest : nil
        // The matched mentees the digest answers for, with their scores; the rest are read.
        var partnerScore = [Int32?](repeating: nil, count: scores.mentees)
        var settled = [Bool](repeating: false, count: scores.mentees)
        var rowsToRead: [Int] = []
        for (mentee, mentor) in mentorOfMentee.enumerated() {
            guard let mentor else { continue }
            if let digest, let units = Self.listedScore(digest, mentee: mentee, mentor: mentor),
                Int64(units) >= max(digest.leftOutBound[mentee], digest.placelessBest[mentee])
            {
                partnerScore[mentee] = units
                settled[mentee] = true
                let higher = digest.mentors(of: mentee).scores.count(where: { $0 > units })
                scoreAndRank[mentee] = (units, higher + 1)
            } else {
                rowsToRead.append(mentee)
            }
        }
        // Matched rows the digest cannot answer for: their score, rank, and
        // the mentors they prefer (for the audit, once every mentor's bar is known).
        var preferred: [Int: [(mentor: Int, units: Int32)]] = [:]
        scores.forEachRow(of: rowsToRead) { row in
            let mentor = mentorOfMentee[row.mentee]!
            let units = row[mentor]
            partnerScore[row.mentee] = units
            var better: [(mentor: Int, units: Int32)] = []
            for other in 0..<row.mentors where row[other] > units && !row.isForbidden(other) {
                better.append((other, row[other]))
            }
            scoreAndRank[row.mentee] = (units, better.count + 1)
            preferred[row.mentee] = better
        }
        let mentorBar = Self.mentorBars(mentorOfMentee: mentorOfMentee, partnerScore: partnerScore, places: places)
        let lowest = minimumUnits ?? .min
        func blocks(_ mentee: Int, _ mentor: Int, _ units: Int32) -> Bool {
            Int64(units) > mentorBar[mentor] && Int64(units) >= lowest && mentor != mentorOfMentee[mentee]
        }
        for mentee in settled.indices where settled[mentee] {
            let units = partnerScore[mentee]!
            let (mentors, scores) = digest!.mentors(of: mentee)
            for (mentor, score) in zip(mentors, scores) where score > units && blocks(mentee, Int(mentor), score) {
                blockingPairs += 1
            }
        }
        for (mentee, better) in preferred {
            blockingPairs += better.count(where: { blocks(mentee, $0.mentor, $0.units) })
        }
        // Unmatched rows: each wants every eligible mentor.
        var load = [Int](repeating: 0, count: places.count)
        for mentor in mentorOfMentee.compactMap({ $0 }) { load[mentor] += 1 }
        let unmatchedRows = mentorOfMentee.indices.filter { mentorOfMentee[$0] == nil }
        scores.forEachRow(of: unmatchedRows) { row in
            var best: (mentor: Int, units: Int32)?
            for mentor in 0..<row.mentors where !row.isForbidden(mentor) {
                if best == nil || row[mentor] > best!.units { best = (mentor, row[mentor]) }
                if blocks(row.mentee, mentor, row[mentor]) { blockingPairs += 1 }
            }
            let reason = Self.reason(
                row, places: places, load: load, minimumUnits: minimumUnits, floor: floor,
                mainRule: check.mainObstacle(mentee:))
            unmatched[row.mentee] = (reason, best)
        }
    }

    /// The listed score of the pair, if the mentor is on the mentee's digest list.
    private static func listedScore(_ digest: _ScoreDigest, mentee: Int, mentor: Int) -> Int32? {
        let (mentors, scores) = digest.mentors(of: mentee)
        return mentors.firstIndex(of: Int32(mentor)).map { scores[$0] }
    }

    /// The score a pair must beat to tempt each mentor: their weakest
    /// mentee's, below every score when a place is free, never without places.
    private static func mentorBars(mentorOfMentee: [Int?], partnerScore: [Int32?], places: [Int]) -> [Int64] {
        var load = [Int](repeating: 0, count: places.count)
        var weakest = [Int32](repeating: .max, count: places.count)
        for (mentee, mentor) in mentorOfMentee.enumerated() {
            guard let mentor, let units = partnerScore[mentee] else { continue }
            load[mentor] += 1
            weakest[mentor] = min(weakest[mentor], units)
        }
        return places.indices.map { mentor in
            places[mentor] == 0 ? .max : load[mentor] < places[mentor] ? .min : Int64(weakest[mentor])
        }
    }

    /// Why an unmatched mentee got no mentor, from their row.
    ///
    /// - Parameters:
    ///   - load: how many mentees each mentor was given.
    ///   - mainRule: the hard rule excluding the most mentors for a mentee,
    ///     with the criterion's label when it is a criterion's.
    static func reason(
        _ row: ScoreRow, places: [Int], load: [Int], minimumUnits: Int64?, floor: Int64?,
        mainRule: (Int) -> (rule: PairExplanation.HardRule, criterion: String?)?
    ) -> UnmatchedReason {
        let allowed = (0..<row.mentors).filter { !row.isForbidden($0) }
        if allowed.isEmpty {
            let main = mainRule(row.mentee)
            return .noEligibleMentor(mainRule: main?.rule, criterion: main?.criterion)
        }
        let eligible = allowed.filter { Int64(row[$0]) >= (minimumUnits ?? .min) }
        if eligible.isEmpty { return .belowMinimumScore }
        let aboveFloor = eligible.filter { Int64(row[$0]) >= (floor ?? .min) }
        if aboveFloor.isEmpty { return .belowFairnessFloor }
        return aboveFloor.allSatisfy { load[$0] >= places[$0] } ? .eligibleMentorsFull : .notWorthTheTotal
    }
}
