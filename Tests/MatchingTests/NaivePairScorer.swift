import Foundation
import Matching

/// A per-pair scorer written from the policy's definitions, sharing no code
/// with `ScoringModel`: the oracle for the property tests.
struct NaivePairScorer {
    let cohort: Cohort
    /// Rows of the conflicts file: person, other, kind.
    let conflicts: [(person: String, other: String, kind: String)]
    private let recordsByEmail: [String: [Participant]]

    init(cohort: Cohort, conflicts: [(person: String, other: String, kind: String)]) {
        self.cohort = cohort
        self.conflicts = conflicts
        recordsByEmail = Dictionary(grouping: cohort.mentors + cohort.mentees) {
            $0.email.lowercased().trimmingCharacters(in: .whitespaces)
        }
    }

    struct Verdict: Equatable, CustomStringConvertible {
        var forbidden: Bool
        var units: Int64
        var description: String { forbidden ? "forbidden" : "\(units)" }
    }

    private func key(_ text: String) -> String { text.lowercased().trimmingCharacters(in: .whitespaces) }

    /// Every sign-up of the person with this email.
    private func records(ofEmail email: String) -> [Participant] {
        recordsByEmail[key(email)] ?? []
    }

    /// Whether `reference` (an id or an email) names the person with this email.
    private func names(_ reference: String, email: String) -> Bool {
        records(ofEmail: email).contains {
            $0.id.rawValue == reference.trimmingCharacters(in: .whitespaces) || key($0.email) == key(reference)
        }
    }

    func verdict(mentee i: Int, mentor j: Int) -> Verdict {
        let mentee = cohort.mentees[i], mentor = cohort.mentors[j], policy = cohort.policy
        var forbidden = false
        // Hard rules.
        let sameRegion = !mentee.region.isEmpty && key(mentee.region) == key(mentor.region)
        let online = mentee.meeting != .inPerson && mentor.meeting != .inPerson
        let inPerson =
            mentee.meeting != .online && mentor.meeting != .online && (sameRegion || !policy.inPersonNeedsSameRegion)
        if !online && !inPerson { forbidden = true }
        let levels = !policy.seniority.levels.isEmpty
        let gap = (mentor.seniority ?? 0) - (mentee.seniority ?? 0)
        if levels && gap < policy.seniority.minimumGap { forbidden = true }
        let sameOrganisation = !mentee.organisation.isEmpty && key(mentee.organisation) == key(mentor.organisation)
        if sameOrganisation && policy.sameOrganisation == .forbid { forbidden = true }
        let common = Set(mentee.languages.map(key)).intersection(mentor.languages.map(key))
        if policy.sharedLanguageRequired && common.isEmpty && !mentee.languages.isEmpty && !mentor.languages.isEmpty {
            forbidden = true
        }
        // Identity, line management, declared conflicts.
        if key(mentee.email) == key(mentor.email) { forbidden = true }
        for record in records(ofEmail: mentee.email)
        where !record.manager.isEmpty && names(record.manager, email: mentor.email) { forbidden = true }
        for record in records(ofEmail: mentor.email)
        where !record.manager.isEmpty && names(record.manager, email: mentee.email) { forbidden = true }
        for conflict in conflicts {
            if conflict.kind == "organisation" {
                if names(conflict.person, email: mentee.email) && key(mentor.organisation) == key(conflict.other) {
                    forbidden = true
                }
                if names(conflict.person, email: mentor.email) && key(mentee.organisation) == key(conflict.other) {
                    forbidden = true
                }
            } else if (names(conflict.person, email: mentee.email) && names(conflict.other, email: mentor.email))
                || (names(conflict.person, email: mentor.email) && names(conflict.other, email: mentee.email))
            {
                forbidden = true
            }
        }
        if forbidden { return Verdict(forbidden: true, units: 0) }
        // Score, each part rounded to whole units of the resolution.
        let units = { (points: Double) in Int64((points / policy.resolution).rounded()) }
        var total: Int64 = 0
        for goal in mentee.goals {
            guard let skill = mentor.skills.first(where: { $0.topic == goal.topic }) else { continue }
            var weight = policy.weights.goalMatch
            for _ in 1..<goal.rank { weight *= policy.weights.goalPriorityDecay }
            total += units(weight) * Int64(policy.weights.skillLevel[skill.level - 1])
        }
        if levels {
            if gap == policy.seniority.idealGap { total += units(policy.weights.seniorityGap) }
            if abs(gap - policy.seniority.idealGap) == 1 { total += units(policy.weights.seniorityGap / 2) }
        }
        if sameRegion { total += units(policy.weights.sameRegion) }
        if !common.isEmpty { total += units(policy.weights.sharedLanguage) }
        if sameOrganisation && policy.sameOrganisation == .penalise { total -= units(policy.weights.organisation) }
        if sameOrganisation && policy.sameOrganisation == .prefer { total += units(policy.weights.organisation) }
        return Verdict(forbidden: false, units: total)
    }
}
