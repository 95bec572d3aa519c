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
    /// The row's improving pairs (the `limit` that improve most) and its
    /// runners-up (the pairs that came next, improving or not), after
    /// ``read(_:potential:kept:candidates:known:partial:)``; each keyed by its
    /// worth less its mentor's slack, highest first.
    private(set) var improving: [_RankedEntry] = []
    private(set) var runners: [_RankedEntry] = []
    /// The bound on the row's pairs that are neither candidates nor
    /// runners-up, after a read (see ``_PricingMemory/bound``).
    private(set) var bound: Int64 = .min
    /// The pairs of highest worth less slack, improving or not: the
    /// improving pairs the pass adds and the runners-up, in one list.
    ///
    /// The pairs that improve beyond the `limit` a pass adds are runners-up
    /// too, so the next pass prices them from their scores and the bound
    /// covers only pairs that did not improve. Kept apart, with the bound
    /// at the best improving pair left out, every row with more than the
    /// limit had to be read whole again: at 100,000 × 50,000 the second pass
    /// read 38,918 rows whole, 1.9 of its 2.7 billion pairs. And every
    /// improving pair went through a heap of its own, where now one
    /// comparison with the list's lowest key refuses most of them. Side by
    /// side (0.12.3 against 0.12.2, same files): the seven pricing passes
    /// 31.6 s against 35.1 s, the first 8.8 s against 12 s, the second 7.6 s
    /// against 10 s; the later ones read more rows in part and take about
    /// as long.
    private var best: _BestEntries
    /// The mentors whose pairs the columns must not offer: the row's
    /// candidates, and the mentors of the known pairs already offered.
    private var isSkipped: [Bool]
    /// The slack of the mentor each column of the rows now read is, less
    /// the least slack of all (`slackBase`) and capped at 2³⁰, for the chunk
    /// test (``_chunkMayImprove(_:_:floor:)``): every mentor's, or a
    /// subset's (``useColumns(_:)``).
    private var columnSlack: [Int32] = []
    private let slackBase: Int64

    init(_ terms: _PricingTerms) {
        self.terms = terms
        // One more than the pairs kept, so the bound is the best one left out.
        best = _BestEntries(capacity: terms.limit + _PricingMemory.runnersUp + 1)
        isSkipped = [Bool](repeating: false, count: terms.slack.count)
        slackBase = terms.slack.min() ?? 0
        useColumns(nil)
    }

    /// Prepares for rows whose column `c` is mentor `mentorOfColumn[c]`
    /// (partial rows against a subset), or every mentor in order (`nil`).
    mutating func useColumns(_ mentorOfColumn: [Int32]?) {
        let slack = terms.slack, base = slackBase
        func reduced(_ mentor: Int) -> Int32 {
            // Never negative (the base is the least); past Int64 it is past the cap too.
            let (difference, overflow) = slack[mentor].subtractingReportingOverflow(base)
            return overflow ? 1 << 30 : Int32(min(difference, 1 << 30))
        }
        columnSlack = mentorOfColumn.map { $0.map { reduced(Int($0)) } } ?? slack.indices.map(reduced)
    }

    /// Reads the row: `potential` is the mentee's, `kept` their kept
    /// proposal's mentor (or −1), `candidates` the mentors already among
    /// their candidates, `known` pairs of the row known before reading it
    /// (mentors and scores: eligible by the rules, each mentor once, at the
    /// scores the row holds); `partial` when the row holds only some
    /// mentors' pairs (see ``_PartialRow``).
    mutating func read(
        _ row: ScoreRow, potential u: Int64, kept: Int, candidates: some Sequence<Int>,
        known: (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) = ([], []), partial: _PartialRow? = nil
    ) {
        precondition(
            columnSlack.count == row.mentors, "a row of \(row.mentors) columns, prepared for \(columnSlack.count)")
        for mentor in candidates { isSkipped[mentor] = true }
        best.removeAll()
        var threshold = Int64.min
        // The known pairs first — the row's runners-up from its last read and
        // its list in scoring's digest, up to 60 —: they fill most of the
        // list, so its threshold rises before the columns and the chunk test
        // refuses more of them. Their columns are then skipped, so each pair
        // is offered once. At 140,000 × 60,000, offering a partial row's
        // runners-up alone cut the chunks read pair by pair by 11 % in the
        // first pass and by 41 % and 28 % in the next two (instrumented counts).
        for (mentor, score) in zip(known.mentors, known.scores) {
            consider(Int(mentor), score: score, forbidden: false, kept: kept, &threshold)
            isSkipped[Int(mentor)] = true
        }
        if let partial {
            partial.mentorOfColumn.withUnsafeBufferPointer { mentorOf in
                considerColumns(row, mentorOf: mentorOf, kept: kept, &threshold)
            }
        } else {
            considerColumns(row, mentorOf: nil, kept: kept, &threshold)
        }
        for mentor in candidates { isSkipped[mentor] = false }
        for mentor in known.mentors { isSkipped[Int(mentor)] = false }
        // Highest first, equal keys by mentor: the pairs a pass adds are the
        // same whatever order the row's mentors were read in.
        let ranked = best.entries.sorted { _BestEntriesTable.ranksBelow($1, $0) }
        let improvingCount = min(terms.limit, ranked.prefix { $0.key &+ u > 0 }.count)
        improving.removeAll(keepingCapacity: true)
        improving += ranked[..<improvingCount]
        runners.removeAll(keepingCapacity: true)
        runners += ranked[improvingCount...].prefix(_PricingMemory.runnersUp)
        // Every pair left is worth no more than the best one the list holds
        // beyond the runners-up (when the list is full, the pairs it refused
        // are below it), or than the bound on the mentors a partial row left out.
        let remembered = improvingCount + runners.count
        bound = max(ranked.count > remembered ? ranked[remembered].key : .min, partial?.unreadBound ?? .min)
    }

    /// Offers the row's columns to the list, a chunk of ``_scoreChunk`` at a
    /// time: a chunk none of whose pairs reaches the list's threshold (their
    /// worth less slack, without the kept proposal's bonus, compared as
    /// vectors, see ``_chunkMayImprove(_:_:floor:)``) is skipped, and
    /// the pairs of the others are offered one by one. Column `c` is mentor
    /// `mentorOf[c]`, or mentor `c` without `mentorOf`.
    ///
    /// The pair-by-pair loop alone, with its branches and an overflow check
    /// a pair, ran scalar: pricing's reads were 15 % of the 100,000 × 50,000
    /// round's samples, the largest share after the scoring they read. A
    /// list keeps about 40 of a row's 50,000 pairs, so most chunks hold
    /// none once it is full, and skipping them cannot change what it keeps:
    /// the threshold only rises along the row.
    @inline(__always)
    private mutating func considerColumns(
        _ row: ScoreRow, mentorOf: UnsafeBufferPointer<Int32>?, kept: Int, _ threshold: inout Int64
    ) {
        let count = row.mentors
        // The chunk test compares scores with slacks unscaled: values scaled
        // to break ties (kept proposals) are read pair by pair.
        let chunked = terms.scale == 1
        // The column whose pair carries the kept proposal's bonus: its chunk is always read pair by pair.
        var keptColumn = kept
        if kept >= 0, let mentorOf {
            // The subset's mentors ascend: a binary search.
            var (low, high) = (0, mentorOf.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(mentorOf[middle]) < kept { low = middle + 1 } else { high = middle }
            }
            keptColumn = low < mentorOf.count && Int(mentorOf[low]) == kept ? low : -1
        }
        columnSlack.withUnsafeBufferPointer { columnSlack in
            var start = 0
            while start < count {
                let end = min(count, start + _scoreChunk)
                defer { start = end }
                // A pair reaches the list when score − slack ≥ threshold − offset, that is when
                // score − (slack − base) ≥ threshold − offset + base: the floor, clamped.
                if end - start == _scoreChunk, chunked, threshold > .min, !(start..<end).contains(keptColumn),
                    !_chunkMayImprove(
                        row.scores + start, columnSlack.baseAddress! + start,
                        floor: Int32(clamping: threshold &- terms.offset &+ slackBase))
                {
                    continue
                }
                for column in start..<end {
                    consider(
                        mentorOf.map { Int($0[column]) } ?? column, score: row[column],
                        forbidden: row.isForbidden(column), kept: kept, &threshold)
                }
            }
        }
    }

    /// Offers one pair of the row to the list; most pairs come nowhere near
    /// it and cost one comparison against `threshold`, the list's. A pair
    /// equal to it is offered, for the list to rank by mentor: the known
    /// pairs come before the columns, out of mentor order.
    @inline(__always)
    private mutating func consider(
        _ mentor: Int, score: Int32, forbidden: Bool, kept: Int, _ threshold: inout Int64
    ) {
        let net = terms.net(mentor: mentor, score: score, kept: kept)
        guard net >= threshold, Int64(score) >= terms.lowest, !forbidden, !isSkipped[mentor] else { return }
        best.offer(net, mentor, score: score)
        threshold = best.threshold
    }
}

/// A row read against some mentors only (``_MentorSubset``), because the
/// rest could not hold an improving pair: which mentor each column is, and
/// the bound on every pair with the mentors outside the subset that is not
/// among the row's known pairs.
struct _PartialRow {
    let mentorOfColumn: [Int32]
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
