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
    /// Each mentor's slack: the least over their places of the place's
    /// discount less its column potential (clamped; huge without places).
    let slack: [Int64]
    /// The lowest eligible score, the values' scale and offset, and the kept
    /// proposal's bonus.
    let lowest: Int64, scale: Int64, offset: Int64, keepBonus: Int64
    /// How many improving pairs a row may offer.
    let limit: Int
    /// The row's improving pairs (key: how much each improves), and its
    /// runners-up (key: worth less slack), after ``read(_:potential:kept:candidates:)``.
    private(set) var improving: _BestEntries
    private(set) var runners: _BestEntries
    /// The bound on the row's pairs that are neither candidates nor
    /// runners-up, after a read (see ``_PricingMemory/bound``).
    private(set) var bound: Int64 = .min
    private var isCandidate: [Bool]

    init(slack: [Int64], lowest: Int64, scale: Int64, offset: Int64, keepBonus: Int64, limit: Int) {
        self.slack = slack
        self.lowest = lowest
        self.scale = scale
        self.offset = offset
        self.keepBonus = keepBonus
        self.limit = limit
        improving = _BestEntries(capacity: limit)
        runners = _BestEntries(capacity: _PricingMemory.runnersUp)
        isCandidate = [Bool](repeating: false, count: slack.count)
    }

    /// A pair's worth less its mentor's slack: the pair improves the row when
    /// this plus the row's potential is positive.
    @inline(__always)
    func net(mentor: Int, score: Int32, kept: Int) -> Int64 {
        Int64(score) &* scale &+ offset &+ (mentor == kept ? keepBonus : 0) - slack[mentor]
    }

    /// Reads the row: `potential` is the mentee's, `kept` their kept
    /// proposal's mentor (or −1), `candidates` the mentors already among
    /// their candidates.
    mutating func read(_ row: ScoreRow, potential u: Int64, kept: Int, candidates: some Sequence<Int>) {
        for mentor in candidates { isCandidate[mentor] = true }
        improving.removeAll()
        runners.removeAll()
        // Most pairs come nowhere near pricing negative nor the runners-up:
        // one comparison each.
        var runnerThreshold = Int64.min, improvingCount = 0
        let lowest = lowest
        for mentor in 0..<row.mentors {
            let score = row[mentor]
            let net = net(mentor: mentor, score: score, kept: kept)
            guard net > runnerThreshold || net &+ u > 0, Int64(score) >= lowest, !row.isForbidden(mentor),
                !isCandidate[mentor]
            else { continue }
            if net &+ u > 0 {
                improving.offer(net &+ u, mentor, score: score)
                improvingCount += 1
            } else {
                runners.offer(net, mentor, score: score)
                runnerThreshold = runners.threshold
            }
        }
        for mentor in candidates { isCandidate[mentor] = false }
        // Pairs beyond the limit stay out and still price negative: the row
        // must be read again next round. Otherwise every pair left is worth
        // no more than the lowest runner-up, when they are full.
        bound = improvingCount > limit ? Int64.max / 4 : runners.threshold
    }
}
