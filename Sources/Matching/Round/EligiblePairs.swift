import Assignment
import _TandemUtilities

/// The round's whole assignment problem, read from the scores without being
/// stored again: one row per mentee and one column per mentor (or, with a
/// slot discount, per place), each eligible pair worth its score plus the
/// objective's offset, and every unmatched mentee or empty place worth 0.
///
/// Column generation (`Assignment.ColumnGeneration`) solves it over a few
/// candidate pairs per mentee; this view is what the candidates come from,
/// what they are priced against, and what the optimality certificate checks,
/// so the answer is proven optimal over every eligible pair. Every pass here
/// reads the scores row by row through the ``ScoreSource``.
struct _EligiblePairs: PricingSource {
    typealias Cost = Int64

    /// Each mentee's best mentors in the first solve.
    static let menteeCandidates = 10
    /// Each mentor's best mentees (this many per place) join the first
    /// candidates too: the pairs mentees' own lists miss in contested areas.
    /// With them (values 1, 2, 3, 4, 6 tried; 2–4 alike), the 13,600-mentee
    /// round's solve went from 2.09 s (7 solves, 408,172 final candidates) to
    /// 1.44 s (5 solves, 186,614), and the 3,400-mentee one from 0.17 to 0.13 s.
    static let mentorCandidatesPerPlace = 3

    let scores: any ScoreSource
    /// Each mentor's places this round.
    let places: [Int]
    /// The lowest score a pair may have (the minimum score and the fairness
    /// floor), if any.
    let cutoff: Int64?
    /// Added to every eligible score: the coverage bonus, or minus the quality
    /// objective's minimum score.
    let offset: Int64
    /// Units taken off a mentor's second place, twice that off the third, …
    let discount: Int64
    /// What each score (less its place's discount) is multiplied by before
    /// the offset: 1, or more than the number of kept proposals when keeping
    /// them must only break ties of the quality objective.
    var scale: Int64 = 1
    /// Each mentee's proposal to keep, if any (a follow-up round's pending
    /// proposals): its mentor, or −1.
    var keptMentor: [Int32] = []
    /// Added to a kept proposal's value.
    var keepBonus: Int64 = 0
    /// How many of each mentee's best mentors the first solve sees.
    var initialPerMentee = menteeCandidates
    /// Mentees locked to a mentor (they get no candidates, and take no
    /// mentor's candidate places from the others), by mentee; empty: none.
    var lockedMentee: [Bool] = []
    /// Scoring's digest of the best pairs, when it holds for these places
    /// and this cutoff (see ``_ScoreDigest/isValid(places:cutoff:)``): the
    /// first candidates come from its lists instead of a pass, and a row
    /// whose potential covers its bound is not read again (pricing, the
    /// certificate).
    var digest: _ScoreDigest?
    /// What pricing learnt of each row (see ``_PricingMemory``).
    var memory: _PricingMemory
    /// Whether pricing may read a row against only the mentors that could
    /// hold an improving pair with it (``_RiseRanking``): at its first read,
    /// those whose slack is below the bound of scoring's digest; later,
    /// those whose slack fell enough. Tests turn it off to compare.
    var readsInPart = true
    /// How many rows pricing read in part, over every pricing round, and
    /// how many of those were first reads.
    private(set) var rowsReadInPart = 0
    private(set) var firstReadsInPart = 0
    /// Where pricing's passes run when not here (``ScoredCohort``'s runner).
    var passes: (any RowPassRunner)?
    /// The scoring the scores come from, when known.
    var origin: ObjectIdentifier?
    /// An earlier solve's final candidates, carried over by ``adopt(_:)``:
    /// the first candidates, instead of a pass.
    var adoptedCandidates: [[CandidatePair<Int64>]]?
    /// Whether columns are places (with a discount) rather than mentors.
    let placeColumns: Bool
    /// Mentor → the column of their first place, when columns are places.
    let firstPlace: [Int]
    /// Place (counting every mentor's places in mentor order) → mentor.
    let mentorOfPlace: [Int]

    init(scores: any ScoreSource, places: [Int], cutoff: Int64?, offset: Int64, discount: Int64) {
        self.scores = scores
        self.places = places
        self.cutoff = cutoff
        self.offset = offset
        self.discount = discount
        placeColumns = discount > 0
        var first = 0
        firstPlace = places.map { count in
            defer { first += count }
            return first
        }
        mentorOfPlace = places.indices.flatMap { Array(repeating: $0, count: places[$0]) }
        memory = _PricingMemory(rows: scores.mentees)
    }

    /// The mentor a column stands for.
    func mentor(ofColumn column: Int) -> Int { placeColumns ? mentorOfPlace[column] : column }

    var rowCount: Int { scores.mentees }
    var columnCount: Int { placeColumns ? mentorOfPlace.count : scores.mentors }
    /// Each column's capacity: 1 per place, or the mentor's places.
    var capacities: [Int] { placeColumns ? Array(repeating: 1, count: columnCount) : places }

    /// The lowest eligible score.
    private var lowest: Int64 { cutoff ?? Int64(Int32.min) }

    /// A pair's value at a mentor's `place` (counting from 0): its score less
    /// the place's discount, scaled, plus the offset and, for a kept
    /// proposal, the keep bonus.
    @inline(__always)
    private func value(score: Int64, place: Int, bonus: Int64) -> Int64 {
        (score - Int64(place) * discount) &* scale &+ offset &+ bonus
    }

    /// The score of the mentee's pair in `column` whose value is `value`:
    /// ``value(score:place:bonus:)`` undone.
    func score(ofValue value: Int64, mentee: Int, column: Int) -> Int32 {
        let mentor = mentor(ofColumn: column)
        let place = placeColumns ? column - firstPlace[mentor] : 0
        let scaled = value - offset - bonus(mentee: mentee, mentor: mentor)
        return Int32(scaled / scale + Int64(place) * discount)
    }

    /// The keep bonus of a pair: `keepBonus` for the mentee's kept proposal, else 0.
    @inline(__always)
    private func bonus(mentee: Int, mentor: Int) -> Int64 {
        keptMentor.isEmpty || keptMentor[mentee] != Int32(truncatingIfNeeded: mentor) ? 0 : keepBonus
    }

    /// The mentee's candidate pairs with these mentors, one per column.
    private func candidatePairs(mentee: Int, mentors: [(mentor: Int32, score: Int32)]) -> [CandidatePair<Int64>] {
        var pairs: [CandidatePair<Int64>] = []
        for (mentor, score) in mentors { appendPairs(mentee: mentee, mentor: Int(mentor), score: score, to: &pairs) }
        return pairs
    }

    /// Appends the mentee's pairs with the mentor, one per column.
    @inline(__always)
    private func appendPairs(mentee: Int, mentor: Int, score: Int32, to pairs: inout [CandidatePair<Int64>]) {
        let bonus = bonus(mentee: mentee, mentor: mentor)
        guard placeColumns else {
            pairs.append(CandidatePair(column: mentor, value: value(score: Int64(score), place: 0, bonus: bonus)))
            return
        }
        for place in 0..<places[mentor] {
            pairs.append(
                CandidatePair(
                    column: firstPlace[mentor] + place, value: value(score: Int64(score), place: place, bonus: bonus)))
        }
    }

    /// Each mentee's `initialPerMentee` most valuable eligible mentors, and
    /// each mentor's most valuable mentees (ties go to the first offered), in
    /// one pass over the scores.
    func initialCandidates() -> [[CandidatePair<Int64>]] {
        if let adoptedCandidates { return adoptedCandidates }
        if let digest, initialPerMentee == Self.menteeCandidates, keptMentor.isEmpty {
            return candidates(from: digest)
        }
        return bestCandidates(
            keyScale: 1, columnTerms: Array(repeating: 0, count: scores.mentors),
            rowTerms: Array(repeating: 0, count: rowCount), earlierMentor: nil)
    }

    /// The same lists from the digest, without a pass: its pairs eligible
    /// here (scoring ranked them by score, as the pass would), leaving out
    /// locked mentees.
    private func candidates(from digest: _ScoreDigest) -> [[CandidatePair<Int64>]] {
        var lists = [[(mentor: Int32, score: Int32)]](repeating: [], count: rowCount)
        let lowest = lowest
        func eligible(_ mentee: Int, _ mentor: Int, _ score: Int32) -> Bool {
            Int64(score) >= lowest && places[mentor] > 0 && (lockedMentee.isEmpty || !lockedMentee[mentee])
        }
        for mentee in 0..<rowCount {
            let (mentors, scores) = digest.mentors(of: mentee)
            let best = zip(mentors, scores).filter { eligible(mentee, Int($0.0), $0.1) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            lists[mentee] = best.prefix(Self.menteeCandidates).map { ($0.0, $0.1) }
        }
        for mentor in places.indices {
            let (mentees, scores) = digest.mentees(of: mentor)
            for (mentee, score) in zip(mentees, scores) where eligible(Int(mentee), mentor, score) {
                lists[Int(mentee)].append((Int32(mentor), score))
            }
        }
        return candidatePairs(lists)
    }

    /// Each mentee's list of (mentor, score), repeats dropped, as candidate
    /// pairs in column order.
    private func candidatePairs(_ lists: [[(mentor: Int32, score: Int32)]]) -> [[CandidatePair<Int64>]] {
        lists.enumerated().map { mentee, list in
            var seen = Set<Int32>()
            return candidatePairs(
                mentee: mentee,
                mentors: list.filter { seen.insert($0.mentor).inserted }.sorted { $0.mentor < $1.mentor })
        }
    }

    /// A follow-up round's first candidates: each mentee's and each
    /// mentor's pairs nearest to tight at the round before's potentials
    /// (a pair's value plus its mentee's and its mentor's potential), and
    /// each mentee's earlier pair, in one pass over the scores.
    ///
    /// Ranking by score alone, as a first round does, offers each mentor the
    /// mentees they scored best with, and after a round most of those are
    /// locked in accepted pairs: on a generated 3,400-mentee round after 10 %
    /// declines, the first pricing then added 13,333 pairs and the solve
    /// took 6 pricing passes.
    func initialCandidates(near start: ColumnGeneration.Start<Int64>) -> [[CandidatePair<Int64>]] {
        if let adoptedCandidates { return adoptedCandidates }
        let slack = slack(columnPotentials: start.columnPotentials)
        var earlier = [Int?](repeating: nil, count: rowCount)
        for (row, column) in start.columnForRow.enumerated() where row < rowCount {
            earlier[row] = column.map(mentor(ofColumn:))
        }
        return bestCandidates(
            keyScale: scale, columnTerms: slack.map { $0 == .max ? 0 : -$0 }, rowTerms: start.rowPotentials,
            earlierMentor: earlier)
    }

    /// The one pass of ``initialCandidates()`` and ``initialCandidates(near:)``:
    /// a pair's key is `score × keyScale` (plus the keep bonus when
    /// `keyScale` is the values' scale) plus its mentor's column term for
    /// the mentee's list, or its mentee's row term for the mentor's list.
    private func bestCandidates(
        keyScale: Int64, columnTerms: [Int64], rowTerms: [Int64], earlierMentor: [Int?]?
    ) -> [[CandidatePair<Int64>]] {
        var best = _BestEntries(capacity: initialPerMentee)
        var mentorBest = _BestEntriesTable(capacities: places.map { $0 * Self.mentorCandidatesPerPlace })
        // Each mentor's threshold in a flat array: most pairs are refused by
        // one load and one comparison (asking each mentor's list instead
        // took 45 ms a pass on the 3,400-mentee round).
        var mentorThreshold = [Int64](repeating: .min, count: places.count)
        var lists = [[(mentor: Int32, score: Int32)]](repeating: [], count: rowCount)
        let lowest = lowest, keepBonus = keyScale == scale ? keepBonus : 0
        columnTerms.withUnsafeBufferPointer { columnTerms in
            mentorThreshold.withUnsafeMutableBufferPointer { mentorThreshold in
                scores.forEachRow { row in
                    guard lockedMentee.isEmpty || !lockedMentee[row.mentee] else { return }
                    best.removeAll()
                    var menteeThreshold = Int64.min
                    let kept = keptMentor.isEmpty ? -1 : Int(keptMentor[row.mentee])
                    let rowTerm = rowTerms[row.mentee]
                    for mentor in 0..<row.mentors {
                        let score = row[mentor]
                        let worth = Int64(score) &* keyScale &+ (mentor == kept ? keepBonus : 0)
                        let menteeKey = worth &+ columnTerms[mentor], mentorKey = worth &+ rowTerm
                        // Most pairs lose to the kept ones on both sides: only winners
                        // are checked for eligibility.
                        let menteeWants = menteeKey > menteeThreshold
                        let mentorWants = mentorKey > mentorThreshold[mentor]
                        guard menteeWants || mentorWants, Int64(score) >= lowest, places[mentor] > 0,
                            !row.isForbidden(mentor)
                        else { continue }
                        if menteeWants {
                            best.offer(menteeKey, mentor, score: score)
                            menteeThreshold = best.threshold
                        }
                        if mentorWants {
                            mentorBest.offer(mentor, mentorKey, row.mentee, score: score)
                            mentorThreshold[mentor] = mentorBest.threshold(mentor)
                        }
                    }
                    lists[row.mentee] = best.entries.map { ($0.item, $0.score) }
                    if let mentor = earlierMentor?[row.mentee], places[mentor] > 0, !row.isForbidden(mentor),
                        Int64(row[mentor]) >= lowest
                    {
                        lists[row.mentee].append((Int32(mentor), row[mentor]))
                    }
                }
            }
        }
        for mentor in 0..<mentorBest.lists {
            for entry in mentorBest.entries(mentor) { lists[Int(entry.item)].append((Int32(mentor), entry.score)) }
        }
        return candidatePairs(lists)
    }

    /// Each mentee's pair with their mentor in `mentorOfMentee`, when it is
    /// eligible: an earlier answer as first candidates (a warm start).
    func candidates(from mentorOfMentee: [Int?]) -> [[CandidatePair<Int64>]] {
        var lists = [[CandidatePair<Int64>]](repeating: [], count: rowCount)
        let lowest = lowest
        scores.forEachRow { row in
            guard let mentor = mentorOfMentee[row.mentee], places[mentor] > 0, !row.isForbidden(mentor),
                Int64(row[mentor]) >= lowest
            else { return }
            lists[row.mentee] = candidatePairs(mentee: row.mentee, mentors: [(Int32(mentor), row[mentor])])
        }
        return lists
    }

    /// The column of each locked pair: the mentor, or the mentor's first
    /// places in turn when columns are places.
    func lockColumns(_ locks: [(mentee: Int, mentor: Int)]) -> [AssignmentLock] {
        var used = [Int](repeating: 0, count: places.count)
        return locks.map { lock in
            defer { used[lock.mentor] += 1 }
            return AssignmentLock(
                row: lock.mentee, column: placeColumns ? firstPlace[lock.mentor] + used[lock.mentor] : lock.mentor)
        }
    }

    /// The pairs that price negative against the duals: for each mentee, the
    /// `limit` mentors whose best place prices most negative, with all their
    /// places.
    ///
    /// A row is read only when its bound could price negative: the bound
    /// pricing learnt when it last read the row (``_PricingMemory``), or,
    /// before that, the digest's bound on its scores; the pairs either kept
    /// beside the bound (runners-up, or the digest's list) are priced from
    /// their scores. A row read now leaves its runners-up and new bound.
    mutating func improvingPairs(
        duals: Duals<Int64>, limit: Int, candidates: [[CandidatePair<Int64>]]
    ) -> [(row: Int, pairs: [CandidatePair<Int64>])] {
        // A pair's reduced cost at its mentor's best place is
        // −net − u[mentee], where net is its worth (the scaled score plus the
        // offset and the kept proposal's bonus) less its mentor's slack: the
        // least of k × discount × scale − v over the mentor's places k
        // (−v[mentor] without places; clamped for mentors without places, so
        // that their pairs never price negative and nothing overflows).
        let slack = slack(columnPotentials: duals.columnPotentials).map { min($0, Int64.max / 2) }
        let round = Int32(memory.allowances.count)
        let takesPairs = (0..<columnCount).map { places[mentor(ofColumn: $0)] > 0 }
        let rises = memory.startRound(columnPotentials: duals.columnPotentials) { takesPairs[$0] }
        memory.candidates = candidates
        var best = _BestEntries(capacity: limit)
        var additions: [(row: Int, pairs: [CandidatePair<Int64>])] = []
        let lowest = lowest, offset = offset, scale = scale, keepBonus = keepBonus
        let terms = _PricingTerms(
            slack: slack, lowest: lowest, scale: scale, offset: offset, keepBonus: keepBonus, limit: limit)
        func add(_ mentee: Int, mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>) {
            if !mentors.isEmpty {
                additions.append((mentee, candidatePairs(mentee: mentee, mentors: Array(zip(mentors, scores)))))
            }
        }
        var slackProfiles = _SlackProfiles(now: slack)
        var rowsToRead: [Int] = []
        // Rows read against some mentors only: their place in `rowsToRead`,
        // the round they were last read in (`nil` for a first read), the
        // prefix of that round's ranking to read and the bound the ranking's
        // falls add to (see `_RiseRanking`).
        var partialReads: [_PartialRead] = []
        // Queues the row when a mentor the ranking puts first could hold an
        // improving pair with it (read in part when a prefix holds them all);
        // whether it did.
        func queue(_ mentee: Int, potential u: Int64, bound: Int64, round: Int?, ranking: _RiseRanking) -> Bool {
            let needed = ranking.count(fallingBy: -(u &+ bound))
            guard needed > 0 else { return false }
            if readsInPart, let prefix = ranking.prefix(holding: needed) {
                partialReads.append(
                    _PartialRead(position: rowsToRead.count, round: round, prefix: prefix, bound: bound))
            }
            rowsToRead.append(mentee)
            return true
        }
        for mentee in 0..<rowCount {
            // A locked mentee's other pairs may price negative (its potential
            // only makes the locked pair tight), but it takes no other pair:
            // not offering them keeps each pass as fast as a first round's
            // (26 ms instead of 7 ms with 1,946 locked mentees).
            guard lockedMentee.isEmpty || !lockedMentee[mentee] else { continue }
            let u = duals.rowPotentials[mentee]
            let kept = keptMentor.isEmpty ? -1 : Int(keptMentor[mentee])
            let known: [(mentor: Int32, score: Int32)]
            if memory.readIn[mentee] >= 0 {
                let bound = memory.bound[mentee], round = Int(memory.readIn[mentee])
                if bound == .min || bound &+ u &+ rises[round] <= 0 {
                    known = memory.runners(of: mentee)
                } else if let digest,
                    let listed = settledByScores(
                        mentee, bound: bound, potential: u, round: round, digest: digest, profiles: &slackProfiles)
                {
                    known = listed
                } else {
                    // Only the mentors whose slack fell far enough can hold an improving pair.
                    let ranking = slackProfiles.ranking(round, pairs: self)
                    if queue(mentee, potential: u, bound: bound, round: round, ranking: ranking) { continue }
                    known = memory.runners(of: mentee)
                }
            } else if let digest {
                // Every mentor left off the list is worth at most the list's
                // bound: only those whose slack is below it plus the row's
                // potential can hold an improving pair.
                if let bound = digestValueBound(mentee, digest: digest),
                    queue(
                        mentee, potential: u, bound: bound, round: nil,
                        ranking: slackProfiles.firstReadRanking(pairs: self))
                {
                    continue
                }
                let (mentors, scores) = digest.mentors(of: mentee)
                known = Array(zip(mentors, scores))
            } else {
                rowsToRead.append(mentee)
                continue
            }
            best.removeAll()
            for (mentor, score) in known where Int64(score) >= lowest && places[Int(mentor)] > 0 {
                let excess = terms.net(mentor: Int(mentor), score: score, kept: kept) &+ u
                if excess > 0 { best.offer(excess, Int(mentor), score: score) }
            }
            add(mentee, mentors: best.entries.map(\.item)[...], scores: best.entries.map(\.score)[...])
        }
        if !rowsToRead.isEmpty {
            ProgressReporter.begin(
                "looking for better pairs (pass \(round + 1))", total: rowsToRead.count, unit: "mentees")
        }
        var job = pricingJob(terms, rows: rowsToRead, duals: duals, candidates: candidates)
        if !partialReads.isEmpty {
            job.partial = partialRows(rowsToRead, partialReads, profiles: &slackProfiles)
            rowsReadInPart += partialReads.count
            firstReadsInPart += partialReads.count { $0.round == nil }
        }
        let parts =
            if let passes = passes ?? _ThreadedPasses.local(for: scores), !rowsToRead.isEmpty {
                passes.pricingPass(
                    job, name: "looking for better pairs (pass \(round + 1))", mentees: rowCount,
                    mentors: scores.mentors)
            } else { [job.price(scores)] }
        var memory = memory
        for part in parts {
            for index in part.rows.indices {
                let mentee = Int(part.rows[index])
                let runners = part.runners(index), improving = part.improving(index)
                memory.remember(
                    row: mentee, round: round, mentors: runners.mentors, scores: runners.scores,
                    bound: part.bounds[index])
                add(mentee, mentors: improving.mentors, scores: improving.scores)
            }
        }
        self.memory = memory
        if !additions.isEmpty { ProgressReporter.begin("solving again with the better pairs found") }
        return additions.sorted { $0.row < $1.row }
    }

    /// The pricing pass over `rows`: the terms, and each row's
    /// potential, kept proposal, candidate mentors and known pairs (its
    /// runners-up and its list in scoring's digest).
    private func pricingJob(
        _ terms: _PricingTerms, rows: [Int], duals: Duals<Int64>, candidates: [[CandidatePair<Int64>]]
    ) -> _PricingJob {
        var candidateEnd: [Int64] = [], candidateMentors: [Int32] = []
        candidateEnd.reserveCapacity(rows.count)
        var known = _PairLists(), pairs: [(Int32, Int32)] = []
        for row in rows {
            for pair in candidates[row] { candidateMentors.append(Int32(mentor(ofColumn: pair.column))) }
            candidateEnd.append(Int64(candidateMentors.count))
            pairs.removeAll(keepingCapacity: true)
            memory.forEachKnown(of: row, listed: digest?.mentors(of: row)) { pairs.append(($0, $1)) }
            known.append(pairs)
        }
        return _PricingJob(
            terms: terms, rows: rows.map(Int32.init),
            potentials: rows.map { duals.rowPotentials[$0] },
            kept: rows.map { keptMentor.isEmpty ? -1 : keptMentor[$0] }, candidateEnd: candidateEnd,
            candidateMentors: candidateMentors, known: known)
    }

    /// The partial reads of a pricing pass over `rows`: each listed row's
    /// subset (the prefix of its round's ranking, or of the ranking by
    /// slack at a first read, its mentors ascending; rows with the same
    /// ranking and prefix share one) and the bound on the pairs outside it
    /// (its known pairs aside, see ``pricingJob(_:rows:duals:candidates:)``).
    private func partialRows(
        _ rows: [Int], _ reads: [_PartialRead], profiles: inout _SlackProfiles
    ) -> _PartialRows {
        var partial = _PartialRows()
        var subsets: [[Int]: Int32] = [:]
        var next = 0
        for position in rows.indices {
            guard next < reads.count, reads[next].position == position else {
                partial.append(row: -1, unreadBound: .min)
                continue
            }
            let read = reads[next]
            next += 1
            let ranking =
                read.round.map { profiles.ranking($0, pairs: self) } ?? profiles.firstReadRanking(pairs: self)
            let key = [read.round ?? -1, read.prefix]
            let subset =
                subsets[key]
                ?? {
                    let number = partial.add(subset: ranking.order[..<read.prefix].sorted())
                    subsets[key] = number
                    return number
                }()
            partial.append(row: subset, unreadBound: ranking.unreadBound(after: read.prefix, bound: read.bound))
        }
        return partial
    }

    /// The most any pair of the mentee's row left off scoring's list is
    /// worth (its score bound as a value, with the kept proposal's bonus
    /// when the mentee has one), or `nil` when every eligible pair is listed.
    func digestValueBound(_ mentee: Int, digest: _ScoreDigest) -> Int64? {
        let bound = digest.leftOutBound[mentee]
        guard bound != .min else { return nil }
        let kept = keptMentor.isEmpty ? -1 : Int(keptMentor[mentee])
        return bound &* scale &+ offset &+ (kept >= 0 ? keepBonus : 0)
    }

    /// The allowance a ``RowSummary`` names: a pricing round's column
    /// potentials, negated.
    func columnAllowance(_ index: Int) -> [Int64]? {
        memory.allowances.indices.contains(index) ? memory.allowances[index] : nil
    }

    /// One pair's value, reading only its own score.
    func value(row mentee: Int, column: Int) -> Int64? {
        let mentor = mentor(ofColumn: column)
        return scores.withRow(mentee) { row in
            let score = Int64(row[mentor])
            guard !row.isForbidden(mentor), score >= lowest, places[mentor] > 0 else { return nil }
            let place = placeColumns ? column - firstPlace[mentor] : 0
            return value(score: score, place: place, bonus: bonus(mentee: mentee, mentor: mentor))
        }
    }

    /// Each mentor's slack at these column potentials: the least of
    /// k × discount × scale − v over the mentor's places k (−v[mentor]
    /// without places), or `Int64.max` for a mentor without places.
    func slack(columnPotentials: [Int64]) -> [Int64] {
        var slack = [Int64](repeating: .max, count: scores.mentors)
        for mentor in slack.indices where places[mentor] > 0 {
            guard placeColumns else {
                slack[mentor] = -columnPotentials[mentor]
                continue
            }
            for place in 0..<places[mentor] {
                slack[mentor] = min(
                    slack[mentor], Int64(place) * discount * scale - columnPotentials[firstPlace[mentor] + place])
            }
        }
        return slack
    }

    /// Each mentor's slack in an earlier pricing round, from the column
    /// potentials its allowance recorded (``_PricingMemory/allowances``).
    func slack(inRound round: Int) -> [Int64] {
        slack(columnPotentials: memory.allowances[round].map { -$0 })
    }

    /// Every column's value for the mentee (its score plus the offset, less
    /// the place's discount) and whether the pair is eligible: allowed by the
    /// rules, at or above the cutoff, and the mentor has a place.
    func readRow(_ mentee: Int, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>) {
        scores.withRow(mentee) { fill($0, values: values, allowed: allowed) }
    }

    /// The listed rows, read together in one pass over the scores.
    func readRows(
        _ rows: [Int], values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>,
        _ body: (Int) -> Void
    ) {
        scores.forEachRow(of: rows) { row in
            fill(row, values: values, allowed: allowed)
            body(row.mentee)
        }
    }

    /// The mentee's listed pairs from the digest and the bound on the rest
    /// of their row: what the certificate checks instead of reading it.
    ///
    /// The pairs go straight into one array — the candidates, then the
    /// runners-up and the digest's list (each mentor once, eligible and not
    /// a candidate) —, since the certificate asks this of every row of every
    /// variant: building the union, the filtered list and their pairs as
    /// arrays of their own made it a tenth of the samples of the 68,000 ×
    /// 32,000 round's three priced places.
    func summary(row mentee: Int) -> RowSummary<Int64>? {
        let readIn = memory.readIn[mentee]
        let kept = keptMentor.isEmpty ? -1 : Int(keptMentor[mentee])
        let bound: Int64?
        var valueBound: Int64?
        var listed: (mentors: ArraySlice<Int32>, scores: ArraySlice<Int32>)?
        if readIn >= 0, let digest, memory.bound[mentee] != .min {
            // The digest's list beside the runners-up, and its bound on the rest.
            listed = digest.mentors(of: mentee)
            let scoreBound = digest.leftOutBound[mentee]
            bound = scoreBound == .min ? nil : memory.bound[mentee]
            valueBound = scoreBound == .min ? nil : value(score: scoreBound, place: 0, bonus: kept >= 0 ? keepBonus : 0)
        } else if readIn >= 0 {
            bound = memory.bound[mentee] == .min ? nil : memory.bound[mentee]
        } else if let digest {
            listed = digest.mentors(of: mentee)
            let scoreBound = digest.leftOutBound[mentee]
            bound =
                scoreBound == .min ? nil : value(score: scoreBound, place: 0, bonus: kept >= 0 ? keepBonus : 0)
        } else {
            return nil
        }
        // The candidates, and the kept pairs that are eligible here and not candidates.
        // A scan of the row's few candidates (18 on average in the final solve of a 68,000-mentee round), not a set.
        var pairs = memory.candidates.indices.contains(mentee) ? memory.candidates[mentee] : []
        let candidateCount = pairs.count
        func offer(_ mentor: Int32, _ score: Int32) {
            let mentor = Int(mentor)
            guard Int64(score) >= lowest, places[mentor] > 0,
                !pairs[..<candidateCount].contains(where: { self.mentor(ofColumn: $0.column) == mentor })
            else { return }
            appendPairs(mentee: mentee, mentor: mentor, score: score, to: &pairs)
        }
        // A row never read has no runners-up.
        memory.forEachKnown(of: mentee, listed: listed, offer)
        return RowSummary(
            pairs: pairs, othersBound: bound, allowance: readIn >= 0 ? Int(readIn) : nil, valueBound: valueBound)
    }

    private func fill(
        _ row: ScoreRow, values: UnsafeMutableBufferPointer<Int64>, allowed: UnsafeMutableBufferPointer<Bool>
    ) {
        let lowest = lowest
        for mentor in 0..<row.mentors {
            let score = Int64(row[mentor])
            let eligible = !row.isForbidden(mentor) && score >= lowest && places[mentor] > 0
            let bonus = bonus(mentee: row.mentee, mentor: mentor)
            guard placeColumns else {
                values[mentor] = value(score: score, place: 0, bonus: bonus)
                allowed[mentor] = eligible
                continue
            }
            for place in 0..<places[mentor] {
                values[firstPlace[mentor] + place] = value(score: score, place: place, bonus: bonus)
                allowed[firstPlace[mentor] + place] = eligible
            }
        }
    }
}
