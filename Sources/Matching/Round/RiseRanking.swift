/// The mentors with places ranked by how far their slack fell since an
/// earlier pricing round, so that a row read then is read again against
/// only the mentors that could now hold an improving pair with it.
///
/// A row read for the first time uses the same ranking with every earlier
/// slack 0 (``_SlackProfiles/firstReadRanking(pairs:)``): its pairs left
/// off scoring's list are worth at most that list's bound `M`, so only the
/// mentors whose slack is below `M + u` need reading. At 68,000 × 32,000
/// the first pricing pass then reads half the pairs instead of all of them,
/// and the passes 1.25 passes' worth of pairs in all instead of 1.50 (the
/// later ones read more rows: the second 64,812 instead of 51,925). Timed
/// side by side on a slow hour: the passes 14.2–16.3 s against 15.4–15.9 s
/// (the first 5.4–6.4 s against 8.9–9.0 s), and at 100,000 × 50,000 40.8 s
/// against 45.9 s. A prefix holding twice the mentors needed read 1.36
/// passes' worth, and rounding to sixteenths instead of powers of two 1.38.
///
/// A row read in round `r` left every pair outside its candidates and
/// runners-up netting at most `M` then: a pair with mentor `m` is worth at
/// most `M + k[m]`, where `k[m]` was the mentor's slack, and nets at most
/// `M + k[m] − s[m]` against today's slack `s[m]`. It improves the row only
/// if that plus the row's potential `u` is positive, so only the mentors
/// whose fall `k[m] − s[m]` exceeds `−(u + M)` need reading: a prefix of
/// this ranking. The row is scored against that prefix, rounded up to a
/// power-of-two share of the mentors (a half, a quarter, … a thirty-second),
/// so that the rows of a pass share a few subsets, each scored as one
/// product against the gathered encodings of its mentors
/// (``_MentorSubset``); a row whose prefix is more than half the mentors
/// is read whole. Its known pairs (its runners-up and its list in scoring's
/// digest) are priced again from their scores, and the rest of the row
/// stays bounded by `M` plus the highest fall outside the prefix
/// (``unreadBound(after:bound:)``).
///
/// Measured on the generated rounds (`tandem generate`, seed 1; one run
/// each, alternating with 0.9.0, a slow hour with other work on the
/// machine; the folders identical): at 68,000 × 32,000 the second pricing
/// pass read its 51,925 rows in 4.1 s instead of 9.0 s (36,798 of them in
/// part), but a row read in part keeps a looser bound — `M` plus the
/// highest fall outside its prefix, which was above the 30th runner-up of
/// the part read in every one of those rows, even when every mentor whose
/// slack fell at all was read —, so the later passes read 38,537, 27,323,
/// 20,235 and 5,513 rows (mostly in part) instead of 3,230, 231 and 27: the
/// passes after the first took 7.8 s instead of 9.7 s. At 100,000 × 50,000
/// they took 31 s instead of 43 s (the second 11 s instead of 28 s).
struct _RiseRanking {
    /// The mentors with places, the highest fall first (ties: the lower mentor first).
    let order: [Int32]
    /// Their falls `k[m] − s[m]`, in that order (descending).
    private let falls: [Int64]

    /// Shares of the mentors a partial read may take: 1/2, 1/4, … 1/32.
    static let shares = 1...5

    /// - Parameters:
    ///   - earlier: Each mentor's slack when the rows were read.
    ///   - now: Each mentor's slack now.
    ///   - takesPairs: Whether a mentor has places (only they are ranked).
    init(earlier: [Int64], now: [Int64], takesPairs: (Int) -> Bool) {
        let ranked = earlier.indices.filter(takesPairs).map { (fall: earlier[$0] - now[$0], mentor: $0) }
            .sorted { $0.fall != $1.fall ? $0.fall > $1.fall : $0.mentor < $1.mentor }
        order = ranked.map { Int32($0.mentor) }
        falls = ranked.map(\.fall)
    }

    /// How many of the ranked mentors fell by more than `threshold`.
    func count(fallingBy threshold: Int64) -> Int {
        var low = 0, high = falls.count
        while low < high {
            let middle = (low + high) / 2
            if falls[middle] > threshold { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The prefix to read for a row that needs its first `needed` mentors:
    /// the smallest share of the mentors that holds them, or `nil` when
    /// more than half are needed (the row is read whole).
    func prefix(holding needed: Int) -> Int? {
        Self.shares.reversed().map { falls.count >> $0 }.first { $0 >= needed }
    }

    /// The most a pair with a mentor outside the first `prefix` can net now,
    /// for a row whose bound was `bound`; `Int64.min` when none is left.
    func unreadBound(after prefix: Int, bound: Int64) -> Int64 {
        prefix < falls.count ? bound &+ falls[prefix] : .min
    }
}
