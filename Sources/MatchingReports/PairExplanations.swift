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
        // Chunks of consecutive pairs on every core, put back in order.
        let chunk = max(1, (pairs.count + 15) / 16)
        all = await withTaskGroup(of: (first: Int, explanations: [PairExplanation]).self) { group in
            for first in stride(from: 0, to: pairs.count, by: chunk) {
                group.addTask {
                    let explained = pairs[first..<min(first + chunk, pairs.count)].map {
                        model.explain(mentee: $0.mentee, mentor: $0.mentor)
                    }
                    return (first, explained)
                }
            }
            var chunks: [(first: Int, explanations: [PairExplanation])] = []
            for await done in group { chunks.append(done) }
            return chunks.sorted { $0.first < $1.first }.flatMap(\.explanations)
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
