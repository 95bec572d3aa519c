/// Why a mentee has no proposed mentor, in the words the coordinator sees.
public enum UnmatchedReason: Sendable, Equatable, Codable {
    /// Every mentor is excluded by a hard rule; the rule excluding the most
    /// (and, for a criterion's rule, the criterion's label).
    case noEligibleMentor(mainRule: PairExplanation.HardRule?, criterion: String? = nil)
    /// Some mentors are allowed, but every such pair scores below the minimum.
    case belowMinimumScore
    /// Every pair left scores below the fairness floor.
    case belowFairnessFloor
    /// Every eligible mentor's places went to other mentees (a better total).
    case eligibleMentorsFull
    /// A mentor had room, but the objective's total is higher without this pair.
    case notWorthTheTotal

    /// A short code for CSV and JSON.
    public var code: String {
        switch self {
        case .noEligibleMentor: "no-eligible-mentor"
        case .belowMinimumScore: "below-minimum-score"
        case .belowFairnessFloor: "below-fairness-floor"
        case .eligibleMentorsFull: "eligible-mentors-full"
        case .notWorthTheTotal: "not-worth-the-total"
        }
    }

    /// One sentence for the coordinator.
    public var sentence: String {
        switch self {
        case .noEligibleMentor(_, let criterion?):
            "no eligible mentor; the rule excluding the most mentors: the criterion \"\(criterion)\""
        case .noEligibleMentor(let rule?, nil):
            "no eligible mentor; the rule excluding the most mentors: \(rule.rawValue)"
        case .noEligibleMentor(nil, nil): "no eligible mentor (there are no mentors)"
        case .belowMinimumScore: "every eligible mentor scores below the policy's minimum score"
        case .belowFairnessFloor: "every remaining pair scores below the fairness floor"
        case .eligibleMentorsFull: "every eligible mentor's places went to pairs that made a better total"
        case .notWorthTheTotal: "a mentor had room, but the total score is higher without this pair"
        }
    }
}
