extension _EligiblePairs {
    /// The row's runners-up and its list in scoring's digest, when they and
    /// the two bounds on the rest settle it without a read: every other pair
    /// nets at most `min(bound + k[m], W) − s[m]` (see ``_SlackProfile``),
    /// and that plus the row's potential is not positive. `nil` when the row
    /// must be read.
    ///
    /// The row's memory keeps the bound its read found: a bound found here
    /// instead (the most any other pair nets today) is looser than the 30th
    /// runner-up, and with it the next pricing round of the 34,000 × 16,000
    /// round read 8,867 rows instead of 1,128.
    ///
    /// - Parameters:
    ///   - bound: What pricing learnt when it read the row, in `round`.
    ///   - potential: The row's potential now.
    ///   - profiles: The slack profiles built so far this pricing round.
    func settledByScores(
        _ mentee: Int, bound: Int64, potential: Int64, round: Int, digest: _ScoreDigest,
        profiles: inout _SlackProfiles
    ) -> [(mentor: Int32, score: Int32)]? {
        // With every eligible pair on the digest's list, no other is left.
        if let valueBound = digestValueBound(mentee, digest: digest) {
            let net = profiles.profile(round, pairs: self).highestNet(bound: bound, valueBound: valueBound)
            guard (net ?? .min) &+ potential <= 0 else { return nil }
        }
        var known: [(mentor: Int32, score: Int32)] = []
        memory.forEachKnown(of: mentee, listed: digest.mentors(of: mentee)) { known.append(($0, $1)) }
        return known
    }
}

/// One pricing round's ``_SlackProfile`` and ``_RiseRanking`` against each
/// earlier round, built when a row read in that round first needs them.
struct _SlackProfiles {
    /// Each mentor's slack this round.
    let now: [Int64]
    private var earlier: [Int: [Int64]] = [:]
    private var built: [Int: _SlackProfile] = [:]
    private var rankings: [Int: _RiseRanking] = [:]
    private var firstRead: _RiseRanking?

    init(now: [Int64]) { self.now = now }

    mutating func profile(_ round: Int, pairs: _EligiblePairs) -> _SlackProfile {
        if let known = built[round] { return known }
        let profile = _SlackProfile(earlier: slack(in: round, pairs: pairs), now: now) { pairs.places[$0] > 0 }
        built[round] = profile
        return profile
    }

    /// The mentors with places ranked by their slack now, the least first:
    /// the ranking of a row read for the first time, whose pairs left off
    /// scoring's list are bounded by one value `M` (a mentor `m` nets at most
    /// `M − s[m]`), as if every slack had fallen from 0.
    mutating func firstReadRanking(pairs: _EligiblePairs) -> _RiseRanking {
        if let known = firstRead { return known }
        let ranking = _RiseRanking(earlier: [Int64](repeating: 0, count: now.count), now: now) {
            pairs.places[$0] > 0
        }
        firstRead = ranking
        return ranking
    }

    mutating func ranking(_ round: Int, pairs: _EligiblePairs) -> _RiseRanking {
        if let known = rankings[round] { return known }
        let ranking = _RiseRanking(earlier: slack(in: round, pairs: pairs), now: now) { pairs.places[$0] > 0 }
        rankings[round] = ranking
        return ranking
    }

    /// Each mentor's slack in an earlier pricing round.
    private mutating func slack(in round: Int, pairs: _EligiblePairs) -> [Int64] {
        if let known = earlier[round] { return known }
        let slack = pairs.slack(inRound: round)
        earlier[round] = slack
        return slack
    }
}
