import Assignment

/// The fairness floor: the largest score `t` such that as many mentees can
/// still be matched using only eligible pairs scoring `t` or more.
///
/// A binary search over the distinct scores of eligible pairs, each step one
/// question for `Assignment.CapacitatedMatching` — "can `matched` mentees
/// still be matched with pairs at or above `t`?" — answered by growing the
/// round's own answer, with the pairs below `t` removed, by augmenting paths
/// rather than by a solve (3,400-mentee round: the floor's solve went from
/// 2.4 s to 0.72 s).
struct _FairnessFloor {
    let solver: _RoundSolver

    /// The highest floor that keeps the base outcome's number of matched mentees.
    func highest(keeping base: _RoundSolver.Outcome) -> Int64 {
        let matched = base.matched
        let (candidates, scoreOfPair) = candidateFloors(matched: matched, mentorOfMentee: base.mentorOfMentee)
        // The lowest candidate always works (it keeps every eligible pair).
        var low = 0, high = candidates.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if canMatch(matched, floor: candidates[middle], startingFrom: base.mentorOfMentee, scoreOfPair: scoreOfPair)
            {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return candidates[low]
    }

    /// The floors worth trying, in increasing order: the distinct scores of
    /// eligible pairs (a few thousand, even when the pairs are millions) up
    /// to the `matched`-th highest of the mentees' best eligible scores. No
    /// floor can exceed that bound (a matching of that size has that many
    /// mentees, each with a pair at or above it), so the binary search does
    /// not spend its first, dearest steps above it. Also each matched pair's
    /// score, read in the same pass.
    ///
    /// One pass over the pairs; scores are marked in a table over their range
    /// (hashing every pair into a set took 0.1 s of the 3,400-mentee round's
    /// floor search), or in a set when huge weights spread them over 2²⁴ units.
    private func candidateFloors(matched: Int, mentorOfMentee: [Int?]) -> (floors: [Int64], scoreOfPair: [Int64]) {
        let places = solver.places
        let cutoff = solver.minimumUnits ?? .min
        var lowest = Int64.max, highest = Int64.min
        solver.scores.forEachRow { row in
            for mentor in 0..<row.mentors {
                lowest = min(lowest, Int64(row[mentor]))
                highest = max(highest, Int64(row[mentor]))
            }
        }
        let tabled = highest >= lowest && highest - lowest < 1 << 24
        var seen = [Bool](repeating: false, count: tabled ? Int(highest - lowest) + 1 : 0)
        var distinct = Set<Int64>()
        var bestOfMentee: [Int64] = []
        var scoreOfPair = [Int64](repeating: 0, count: mentorOfMentee.count)
        solver.scores.forEachRow { row in
            if let mentor = mentorOfMentee[row.mentee] { scoreOfPair[row.mentee] = Int64(row[mentor]) }
            var best = Int64.min
            for mentor in 0..<row.mentors
            where places[mentor] > 0 && !row.isForbidden(mentor) && Int64(row[mentor]) >= cutoff {
                let score = Int64(row[mentor])
                best = max(best, score)
                if tabled { seen[Int(score - lowest)] = true } else { distinct.insert(score) }
            }
            if best > .min { bestOfMentee.append(best) }
        }
        // `matched` mentees were matched, so at least that many have an eligible pair.
        bestOfMentee.sort(by: >)
        let bound = bestOfMentee[matched - 1]
        let scores = tabled ? seen.indices.filter { seen[$0] }.map { Int64($0) + lowest } : distinct.sorted()
        return (scores.filter { $0 <= bound }, scoreOfPair)
    }

    /// Whether `target` mentees can be matched using only eligible pairs
    /// scoring `floor` or more. Mentees whose pair fell below the floor are
    /// searched first: when the floor is feasible they usually find paths and
    /// the count is reached before any search for a mentee the round could not
    /// match at all, each of which explores everything it reaches to fail.
    private func canMatch(
        _ target: Int, floor: Int64, startingFrom mentorOfMentee: [Int?], scoreOfPair: [Int64]
    ) -> Bool {
        let lowest = max(floor, solver.minimumUnits ?? .min)
        let kept = mentorOfMentee.indices.map { scoreOfPair[$0] >= lowest ? mentorOfMentee[$0] : nil }
        var matching = CapacitatedMatching(capacities: solver.places, columnForRow: kept)
        let displaced = mentorOfMentee.indices.filter { mentorOfMentee[$0] != nil && kept[$0] == nil }
        let neverMatched = mentorOfMentee.indices.filter { mentorOfMentee[$0] == nil }
        let roots = displaced + neverMatched
        let stored = solver.scores.withEveryRow { block in
            matching.grow(
                _PairsAbove(scores: solver.scores, stored: block, lowest: lowest), roots: roots, target: target)
        }
        return stored
            ?? matching.grow(
                _PairsAbove(scores: solver.scores, stored: nil, lowest: lowest), roots: roots, target: target)
    }
}

/// The allowed pairs scoring `lowest` or more, as a graph of mentees and
/// mentors. Mentors without places are left in: the matching never enters a
/// column without capacity, and one test less per pair is what the search's
/// inner loop saves.
///
/// The searches jump from row to row (millions of row reads in the
/// 13,600-mentee floor search), so when the scores are stored the graph reads
/// rows straight from one block: through ``ScoreSource/withRow(_:_:)`` that
/// round took 14.6 s, from the block 13.1 s (0.2.0, with its own search over
/// the dense matrix: 12.8 s in the same run).
struct _PairsAbove: BipartiteGraph {
    let scores: any ScoreSource
    /// Every row, when the scores are stored.
    let stored: ScoreBlock?
    let lowest: Int64

    var rowCount: Int { scores.mentees }
    var columnCount: Int { scores.mentors }

    func forEachNeighbour(of mentee: Int, _ body: (Int) -> Bool) {
        let lowest = lowest
        func scan(_ row: ScoreRow) {
            // The score test first: it reads the row in order and fails most often.
            for mentor in 0..<row.mentors where Int64(row[mentor]) >= lowest && !row.isForbidden(mentor) {
                if !body(mentor) { return }
            }
        }
        if let stored { scan(stored.row(mentee - stored.firstMentee)) } else { scores.withRow(mentee, scan) }
    }
}
