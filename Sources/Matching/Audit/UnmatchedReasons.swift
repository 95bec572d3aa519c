/// Why each unmatched mentee got no mentor: one row read per unmatched mentee.
enum _UnmatchedReasons {
    /// - Parameters:
    ///   - load: how many mentees each mentor was given.
    ///   - mainRule: the hard rule excluding the most mentors for a mentee,
    ///     with the criterion's label when it is a criterion's.
    static func reason(
        mentee: Int, scores: any ScoreSource, places: [Int], load: [Int], minimumUnits: Int64?,
        floor: Int64?, mainRule: (Int) -> (rule: PairExplanation.HardRule, criterion: String?)?
    ) -> UnmatchedReason {
        scores.withRow(mentee) { row in
            let allowed = (0..<row.mentors).filter { !row.isForbidden($0) }
            if allowed.isEmpty {
                let main = mainRule(mentee)
                return .noEligibleMentor(mainRule: main?.rule, criterion: main?.criterion)
            }
            let eligible = allowed.filter { Int64(row[$0]) >= (minimumUnits ?? .min) }
            if eligible.isEmpty { return .belowMinimumScore }
            let aboveFloor = eligible.filter { Int64(row[$0]) >= (floor ?? .min) }
            if aboveFloor.isEmpty { return .belowFairnessFloor }
            return aboveFloor.allSatisfy { load[$0] >= places[$0] } ? .eligibleMentorsFull : .notWorthTheTotal
        }
    }
}
