/// A hard rule of a policy (or its fairness floor) and the policy without
/// it: what the price of a rule is measured against.
struct _RuleRelaxation {
    /// The rule as a coordinator reads it: "forbidding same-organisation pairs".
    var rule: String
    /// The policy key that lifts it, as a policy file writes it.
    var change: String
    /// The policy without the rule.
    var policy: Policy

    /// Every hard rule `policy` sets, in a fixed order.
    static func all(of policy: Policy) -> [_RuleRelaxation] {
        var relaxations: [_RuleRelaxation] = []
        func relax(_ rule: String, _ change: String, _ body: (inout Policy) -> Void) {
            var relaxed = policy
            body(&relaxed)
            relaxations.append(_RuleRelaxation(rule: rule, change: change, policy: relaxed))
        }
        if policy.sameOrganisation == .forbid {
            relax("forbidding same-organisation pairs", "rules.same_organisation = \"neutral\"") {
                $0.sameOrganisation = .neutral
            }
        }
        if policy.inPersonNeedsSameRegion {
            relax("in-person pairs only within one region", "rules.in_person_needs_same_region = false") {
                $0.inPersonNeedsSameRegion = false
            }
        }
        if policy.sharedLanguageRequired {
            relax("requiring a language in common", "rules.shared_language_required = false") {
                $0.sharedLanguageRequired = false
            }
        }
        if !policy.seniority.levels.isEmpty, policy.seniority.minimumGap > 0 {
            let gap = policy.seniority.minimumGap
            relax(
                "a mentor at least \(gap) seniority level\(gap == 1 ? "" : "s") above the mentee",
                "seniority.minimum_gap = 0"
            ) { $0.seniority.minimumGap = 0 }
        }
        if let minimum = policy.matching.minimumScore {
            relax("the minimum score of \(minimum.formatted) points", "matching.minimum_score removed") {
                $0.matching.minimumScore = nil
            }
        }
        for (index, criterion) in policy.criteria.enumerated() where criterion.rule != .bonus {
            relax(
                "the criterion \"\(criterion.label)\" as a \(criterion.rule == .required ? "requirement" : "prohibition")",
                "criteria #\(index + 1).rule = \"bonus\""
            ) { $0.criteria[index].rule = .bonus }
        }
        if policy.matching.fairness == .floor {
            relax("the fairness floor", "matching.fairness = \"none\"") { $0.matching.fairness = .none }
        }
        return relaxations
    }
}

extension Double {
    /// A policy number as a person writes it: `20`, `12.5`.
    fileprivate var formatted: String {
        rounded() == self && magnitude < 1e15 ? String(Int64(self)) : String(self)
    }
}
