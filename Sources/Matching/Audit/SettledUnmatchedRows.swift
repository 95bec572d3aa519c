import Assignment

/// An unmatched mentee's details — their best allowed mentor, the reason
/// they have none and their blocking pairs — from what the solve already
/// knows of their row, when the rest of the row cannot change them: then
/// the row is not read again.
///
/// A pair can block only with a mentor who is full and scores the mentee
/// above their weakest mentee (every mentor must be full here: a free place
/// would need the row). Pricing last read the row in some round `r` and
/// left every pair outside the candidates and its runners-up netting at
/// most `M` against that round's slacks `k[m]` (``_PricingMemory``): such a
/// pair with mentor `m` is worth at most `M + k[m]`. It can block only if
/// that reaches the worth of one unit above the mentor's weakest score, so
/// when `M` plus the highest `k[m] − worth(weakest[m] + 1)` over the
/// mentors is below 0, none of those pairs blocks and the candidates and
/// runners-up, whose scores are known, are all that need checking. At an
/// optimum a mentor's slack is at most what their weakest mentee is worth
/// to them, and an unmatched mentee's `M` at most 0, so this settles most
/// unmatched rows. Their best allowed mentor heads scoring's digest list,
/// when nothing left off the list or without places scores as high.
///
/// On a generated 140,000 × 60,000 round every one of the 20,131 unmatched
/// rows was settled (measured: the mentors that could have blocked, over
/// all of them, were 8 × 10⁻⁷ of their pairs); reading those rows was the
/// costliest part of the answer's details, the unmatched loop a quarter of
/// the step's samples: the step took 2.9 s instead of 5.2 s. At 700,000 ×
/// 300,000 it read 292,546 rows instead of 375,666 (83,120 of the 99,978
/// unmatched settled) in 1 min 49 s instead of 2 min 46 s; the outputs
/// are the same, byte for byte.
struct _SettledUnmatchedRows {
    private let pairs: _EligiblePairs
    private let candidates: [[CandidatePair<Int64>]]
    private let digest: _ScoreDigest
    private let audit: _StabilityAudit
    private let lowest: Int64
    private let floor: Int64
    /// Each pricing round's highest `k[m] − worth(weakest[m] + 1)` over the
    /// mentors with places, worked out when first needed; `nil` when it
    /// overflows (no row of that round is settled).
    private var highestReach: [Int: Int64?] = [:]

    /// - Returns: `nil` when no row can be settled: a mentor has a free
    ///   place, pricing never read a row, the round's cutoff is above the
    ///   minimum score (pairs between them are not priced but may block),
    ///   or the final candidates do not cover every mentee.
    init?(
        pairs: _EligiblePairs, candidates: [[CandidatePair<Int64>]], digest: _ScoreDigest, audit: _StabilityAudit,
        minimumUnits: Int64?, floor: Int64?
    ) {
        guard !pairs.memory.allowances.isEmpty, candidates.count == pairs.rowCount, pairs.cutoff == minimumUnits,
            pairs.places.indices.allSatisfy({ pairs.places[$0] == 0 || audit.mentorBar[$0] != .min })
        else { return nil }
        self.pairs = pairs
        self.candidates = candidates
        self.digest = digest
        self.audit = audit
        lowest = minimumUnits ?? .min
        self.floor = floor ?? .min
    }

    /// The unmatched mentee's details, or `nil` when their row must be read.
    mutating func details(of mentee: Int) -> _DetailReader.Row? {
        let round = Int(pairs.memory.readIn[mentee])
        guard round >= 0, pairs.keptMentor.isEmpty || pairs.keptMentor[mentee] < 0,
            let best = bestListed(mentee)
        else { return nil }
        let bound = pairs.memory.bound[mentee]
        if bound != .min {
            guard let reach = highestReach(round) else { return nil }
            let (total, overflow) = reach.addingReportingOverflow(bound)
            guard !overflow, total < 0 else { return nil }
        }
        // The pairs known one by one: the final candidates and the runners-up of the row's last read.
        var known: [Int32: Int32] = [:]
        for pair in candidates[mentee] {
            let mentor = pairs.mentor(ofColumn: pair.column)
            known[Int32(mentor)] = pairs.score(ofValue: pair.value, mentee: mentee, column: pair.column)
        }
        pairs.memory.forEachRunner(of: mentee) { mentor, score in known[mentor] = score }
        var row = _DetailReader.Row(mentee: mentee)
        row.blockingPairs = known.count { audit.blocks(mentee, Int($0.key), $0.value) }
        row.best = best
        let eligible = Int64(best.units) >= lowest
        row.reason = _DetailReader.reason(
            eligible: eligible, aboveFloor: eligible && Int64(best.units) >= floor, freeAboveFloor: false)
        return row
    }

    /// The mentee's best allowed mentor when scoring's digest list holds it
    /// for certain: the list's highest score beats every score left off it
    /// and every mentor without places, so the lowest mentor with it is
    /// the best (as a read of the row would find it).
    private func bestListed(_ mentee: Int) -> (mentor: Int, units: Int32)? {
        let (mentors, scores) = digest.mentors(of: mentee)
        guard let top = scores.max(), Int64(top) > digest.leftOutBound[mentee],
            Int64(top) > digest.placelessBest[mentee], let index = scores.firstIndex(of: top)
        else { return nil }
        return (Int(mentors[index]), top)
    }

    /// The highest `k[m] − worth(weakest[m] + 1)` of the round's slacks `k`
    /// over the mentors with places.
    private mutating func highestReach(_ round: Int) -> Int64? {
        if let known = highestReach[round] { return known }
        let slack = pairs.slack(inRound: round)
        var highest: Int64? = .min
        for mentor in pairs.places.indices where pairs.places[mentor] > 0 {
            let (scaled, scaleOverflow) = (audit.mentorBar[mentor] + 1).multipliedReportingOverflow(by: pairs.scale)
            let (worth, offsetOverflow) = scaled.addingReportingOverflow(pairs.offset)
            let (reach, reachOverflow) = slack[mentor].subtractingReportingOverflow(worth)
            highest = scaleOverflow || offsetOverflow || reachOverflow ? nil : highest.map { max($0, reach) }
            if highest == nil { break }
        }
        highestReach[round] = highest
        return highest
    }
}
