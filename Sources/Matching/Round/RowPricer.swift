/// Pricing's reading of one mentee's row against the duals: the row's
/// improving pairs outside the candidates (the `limit` whose best place
/// prices most negative), its runners-up and the bound on the rest (see
/// ``_PricingMemory``).
///
/// Everything it needs travels with it — each mentor's slack and the value's
/// terms — so the same reading runs in the round's own pass
/// (``_EligiblePairs/improvingPairs(duals:limit:candidates:)``) and in a part
/// of a pass run elsewhere (``RowPassJob``), and both keep the same pairs.
struct _RowPricer {
    let terms: _PricingTerms
    /// The row's improving pairs (key: how much each improves), and its
    /// runners-up (key: worth less slack), after ``read(_:potential:kept:candidates:partial:)``.
    private(set) var improving: _BestEntries
    private(set) var runners: _BestEntries
    /// The bound on the row's pairs that are neither candidates nor
    /// runners-up, after a read (see ``_PricingMemory/bound``).
    private(set) var bound: Int64 = .min
    private var isCandidate: [Bool]

    init(_ terms: _PricingTerms) {
        self.terms = terms
        improving = _BestEntries(capacity: terms.limit)
        runners = _BestEntries(capacity: _PricingMemory.runnersUp)
        isCandidate = [Bool](repeating: false, count: terms.slack.count)
    }

    /// Reads the row: `potential` is the mentee's, `kept` their kept
    /// proposal's mentor (or −1), `candidates` the mentors already among
    /// their candidates; `partial` when the row holds only some mentors'
    /// pairs (see ``_PartialRow``).
    mutating func read(
        _ row: ScoreRow, potential u: Int64, kept: Int, candidates: some Sequence<Int>, partial: _PartialRow? = nil
    ) {
        for mentor in candidates { isCandidate[mentor] = true }
        improving.removeAll()
        runners.removeAll()
        var scan = _Scan()
        if let partial {
            partial.mentorOfColumn.withUnsafeBufferPointer { mentorOf in
                for column in 0..<row.mentors {
                    consider(
                        Int(mentorOf[column]), score: row[column], forbidden: row.isForbidden(column), potential: u,
                        kept: kept, &scan)
                }
            }
            for (mentor, score) in zip(partial.knownMentors, partial.knownScores) {
                consider(Int(mentor), score: score, forbidden: false, potential: u, kept: kept, &scan)
            }
        } else {
            for mentor in 0..<row.mentors {
                consider(
                    mentor, score: row[mentor], forbidden: row.isForbidden(mentor), potential: u, kept: kept, &scan)
            }
        }
        for mentor in candidates { isCandidate[mentor] = false }
        // Every pair left is worth no more than the lowest runner-up, when
        // they are full, or the best improving pair beyond the limit, which
        // still prices negative at these duals but may not after the next
        // solve (the mentee's potential falls as it gains pairs), or than
        // the bound on the mentors a partial row left out.
        bound = max(scan.leftOut, runners.threshold, partial?.unreadBound ?? .min)
    }

    /// What a read carries from one pair to the next.
    private struct _Scan {
        /// Most pairs come nowhere near pricing negative nor the runners-up:
        /// one comparison each against this.
        var runnerThreshold = Int64.min
        var improvingCount = 0
        /// The best improving pair left out once the list is full: each
        /// offer to a full list leaves out the lower of it and the lowest kept.
        var leftOut = Int64.min
    }

    /// Offers one pair of the row to the improving pairs or the runners-up.
    @inline(__always)
    private mutating func consider(
        _ mentor: Int, score: Int32, forbidden: Bool, potential u: Int64, kept: Int, _ scan: inout _Scan
    ) {
        let net = terms.net(mentor: mentor, score: score, kept: kept)
        guard net > scan.runnerThreshold || net &+ u > 0, Int64(score) >= terms.lowest, !forbidden,
            !isCandidate[mentor]
        else { return }
        if net &+ u > 0 {
            if scan.improvingCount >= terms.limit {
                scan.leftOut = max(scan.leftOut, min(net, improving.threshold &- u))
            }
            improving.offer(net &+ u, mentor, score: score)
            scan.improvingCount += 1
        } else {
            runners.offer(net, mentor, score: score)
            scan.runnerThreshold = runners.threshold
        }
    }
}

/// A row read against some mentors only (``_MentorSubset``), because the
/// rest could not hold an improving pair: which mentor each column is, the
/// pairs already known with mentors outside the subset (the runners-up of
/// the row's last read, priced again from their scores), and the bound on
/// every other pair with those mentors.
struct _PartialRow {
    let mentorOfColumn: [Int32]
    let knownMentors: ArraySlice<Int32>
    let knownScores: ArraySlice<Int32>
    let unreadBound: Int64
}

/// What pricing a row against the duals needs besides the row: each
/// mentor's slack (the least over their places of the place's discount less
/// its column potential; clamped, and huge without places), the lowest
/// eligible score, the values' scale and offset, the kept proposal's bonus,
/// and how many improving pairs a row may offer.
struct _PricingTerms {
    let slack: [Int64]
    let lowest: Int64, scale: Int64, offset: Int64, keepBonus: Int64
    let limit: Int

    /// A pair's worth less its mentor's slack: the pair improves the row when
    /// this plus the row's potential is positive.
    @inline(__always)
    func net(mentor: Int, score: Int32, kept: Int) -> Int64 {
        Int64(score) &* scale &+ offset &+ (mentor == kept ? keepBonus : 0) - slack[mentor]
    }

    func write(to writer: inout _PassBytesWriter) {
        writer.append(array: slack)
        for term in [lowest, scale, offset, keepBonus, Int64(limit)] { writer.append(term) }
    }
}

extension _PricingTerms {
    /// Reads what ``write(to:)`` wrote, for a cohort with `mentors` mentors.
    init(from reader: inout _PassBytesReader, mentors: Int) throws(RowPassError) {
        let slack: [Int64] = try reader.readArray()
        let terms = try (0..<5).map { _ throws(RowPassError) in try reader.read(Int64.self) }
        guard slack.count == mentors, (1...1 << 16).contains(terms[4]) else {
            throw .malformed("holds inconsistent pricing terms")
        }
        self.init(
            slack: slack, lowest: terms[0], scale: terms[1], offset: terms[2], keepBonus: terms[3],
            limit: Int(terms[4]))
    }
}
