/// The mentors ranked by their slack in an earlier pricing round, with
/// what pricing needs to bound, in O(log mentors), the best pair a row left
/// out when it was read then (``_EligiblePairs/improvingPairs(duals:limit:candidates:)``).
///
/// A row read in round `r` left every pair outside its candidates and
/// runners-up worth at most `M` more than its mentor's slack `k[m]` then:
/// worth `≤ M + k[m]`. Scoring's digest adds that every pair off the row's
/// list is worth at most `W`. Against today's slack `s[m]`, such a pair's
/// net worth is at most `min(M + k[m], W) − s[m]`: for mentors with
/// `k[m] ≤ W − M` that is `M + k[m] − s[m]`, for the rest `W − s[m]`, so
/// the row's best is the larger of `M` plus the highest `k[m] − s[m]` among
/// the first and `W` less the lowest `s[m]` among the rest — two running
/// maxima over the ranking. The bound with the single highest rise of any
/// column (`M + max (k[m] − s[m])`) left 25,827 rows to read in the
/// second pricing round of a generated 34,000 × 16,000 round; this one
/// 16,914 (the third and fourth rounds then read 1,128 and 347 rows
/// instead of 420 and 2, as some rows keep an older bound: 18,389 rows in
/// all instead of 26,249).
///
/// The certificate checks the same bounds with code of its own
/// (`Assignment`'s allowance profile), which shares nothing with this.
struct _SlackProfile {
    /// Earlier slack `k[m]` of the mentors with places, ascending.
    private let ranked: [Int64]
    /// The highest `k[m] − s[m]` over the mentors ranked up to each position.
    private let highestRiseUpTo: [Int64]
    /// The highest `−s[m]` over the mentors ranked from each position on.
    private let lowestSlackFrom: [Int64]

    /// - Parameters:
    ///   - earlier: Each mentor's slack when the rows were read.
    ///   - now: Each mentor's slack now.
    ///   - takesPairs: Whether a mentor has places (only they are ranked).
    init(earlier: [Int64], now: [Int64], takesPairs: (Int) -> Bool) {
        let order = earlier.indices.filter(takesPairs).sorted { earlier[$0] < earlier[$1] }
        ranked = order.map { earlier[$0] }
        var rises: [Int64] = []
        rises.reserveCapacity(order.count)
        for mentor in order {
            let rise = earlier[mentor] - now[mentor]
            rises.append(max(rises.last ?? rise, rise))
        }
        highestRiseUpTo = rises
        var negated = order.map { -now[$0] }
        for position in negated.indices.reversed().dropFirst() {
            negated[position] = max(negated[position], negated[position + 1])
        }
        lowestSlackFrom = negated
    }

    /// The most a pair left out can net now: the highest, over mentors with
    /// places, of `min(bound + k[m], valueBound) − s[m]`; `nil` when no
    /// mentor has places.
    func highestNet(bound: Int64, valueBound: Int64) -> Int64? {
        guard !ranked.isEmpty else { return nil }
        let threshold = valueBound - bound
        var low = 0, high = ranked.count
        while low < high {
            let middle = (low + high) / 2
            if ranked[middle] <= threshold { low = middle + 1 } else { high = middle }
        }
        let below = low > 0 ? bound + highestRiseUpTo[low - 1] : Int64.min
        let above = low < ranked.count ? valueBound + lowestSlackFrom[low] : Int64.min
        return max(below, above)
    }
}
