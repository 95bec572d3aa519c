import Matching

/// Each proposed pair's explanation, computed once, on every core, for every
/// document that words it: the report's sections, `pairs.csv` and both
/// partners' letters. Each of those explained the pair again — six times a
/// pair — and the explaining was a fifth of the 68,000-mentee round's time
/// writing its files (perf samples of that step).
struct _PairExplanations: Sendable {
    /// In `round.pairs` order.
    let all: [PairExplanation]
    /// Each mentee's index in `round.pairs`, or −1.
    private let pairOfMentee: [Int32]

    init(_ round: MatchingRound) async {
        let pairs = round.pairs, model = round.check.model
        all = await _mapInOrderedChunks(pairs.count) {
            model.explain(mentee: pairs[$0].mentee, mentor: pairs[$0].mentor)
        }
        var pairOfMentee = [Int32](repeating: -1, count: round.cohort.mentees.count)
        for (index, pair) in pairs.enumerated() { pairOfMentee[pair.mentee] = Int32(index) }
        self.pairOfMentee = pairOfMentee
    }

    /// The explanation of the mentee's proposed pair.
    subscript(mentee mentee: Int) -> PairExplanation? {
        pairOfMentee[mentee] < 0 ? nil : all[Int(pairOfMentee[mentee])]
    }
}
