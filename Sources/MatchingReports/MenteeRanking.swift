import Foundation
import Matching

/// A mentee's eligible mentors ranked by score, each with its explanation:
/// what `tandem score` prints.
public struct MenteeRanking: Sendable {
    /// One mentor in the ranking.
    public struct Entry: Sendable {
        /// 1 = the mentee's best eligible mentor; `nil` for a forbidden pair.
        public var rank: Int?
        public var mentor: Int
        public var explanation: PairExplanation
    }

    public let cohort: Cohort
    public let mentee: Int
    public let eligibleCount: Int
    public let entries: [Entry]

    /// The `top` best eligible mentors, highest score first; equal scores in
    /// mentor id order.
    public init(_ check: ScoredCohort, mentee: Int, top: Int) {
        let order = Self.eligibleOrder(check, mentee: mentee)
        cohort = check.cohort
        self.mentee = mentee
        eligibleCount = order.count
        entries = order.prefix(top).enumerated().map { position, mentor in
            Entry(rank: position + 1, mentor: mentor, explanation: check.model.explain(mentee: mentee, mentor: mentor))
        }
    }

    /// One pair, eligible or not, with the mentor's rank in the mentee's list.
    public init(_ check: ScoredCohort, mentee: Int, onlyMentor mentor: Int) {
        let order = Self.eligibleOrder(check, mentee: mentee)
        cohort = check.cohort
        self.mentee = mentee
        eligibleCount = order.count
        entries = [
            Entry(
                rank: order.firstIndex(of: mentor).map { $0 + 1 }, mentor: mentor,
                explanation: check.model.explain(mentee: mentee, mentor: mentor))
        ]
    }

    private static func eligibleOrder(_ check: ScoredCohort, mentee: Int) -> [Int] {
        check.scores.withRow(mentee) { row in
            (0..<row.mentors).filter { !row.isForbidden($0) }.sorted {
                row[$0] != row[$1] ? row[$0] > row[$1] : $0 < $1
            }
        }
    }

    private var resolution: Double { cohort.policy.resolution }

    private func points(_ units: Int64) -> String { PointsFormat.string(units: units, resolution: resolution) }

    /// Aligned text for a terminal.
    public func text() -> String {
        let person = cohort.mentees[mentee]
        var lines = ["mentee \(person.id) (\(person.name))"]
        let goals = person.goals.map { "\($0.rank). \($0.written)" }.joined(separator: ", ")
        // A form that asks no goals (criteria match instead) has none to list.
        if !goals.isEmpty || cohort.mentees.contains(where: { !$0.goals.isEmpty }) {
            lines.append("  goals: \(goals.isEmpty ? "none in scope" : goals)")
        }
        if !person.outOfScopeGoals.isEmpty {
            lines.append("  out of scope (signpost): \(person.outOfScopeGoals.joined(separator: ", "))")
        }
        lines.append("  \(eligibleCount) of \(cohort.mentors.count) mentors eligible")
        for entry in entries {
            let mentor = cohort.mentors[entry.mentor]
            lines.append("")
            let explanation = entry.explanation
            if explanation.isForbidden {
                lines.append("mentor \(mentor.id) (\(mentor.name)): forbidden")
                for exclusion in explanation.forbiddenBecause { lines.append("  - \(exclusion.sentence)") }
                continue
            }
            let rank = entry.rank.map { "#\($0) " } ?? ""
            lines.append("\(rank)mentor \(mentor.id) (\(mentor.name)): score \(points(explanation.units))")
            let signed = explanation.parts.map { ($0.units >= 0 ? "+" : "") + points($0.units) }
            let width = signed.map(\.count).max() ?? 0
            let nameWidth = max(13, (explanation.parts.map(\.name.count).max() ?? 0) + 1)
            for (part, value) in zip(explanation.parts, signed) {
                let padded = String(repeating: " ", count: width - value.count) + value
                let detail =
                    part.factor == .goals
                    ? "\(explanation.goalMatches.count) goal\(explanation.goalMatches.count == 1 ? "" : "s") met:"
                    : part.detail
                lines.append(
                    "  \(part.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))\(padded)  \(detail)")
                if part.factor == .goals {
                    for match in explanation.goalMatches {
                        lines.append(
                            "      goal #\(match.rank) \"\(match.goal)\" (\(points(match.goalUnits))) × level \(match.level) skill \"\(match.skill)\" (×\(match.multiplier)) = \(points(match.units))"
                        )
                    }
                }
            }
            if explanation.parts.isEmpty {
                lines.append("  no factor applies: no goal meets a skill and no bonus applies")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The ranking as JSON with sorted keys, points as decimal strings (exact).
    public func json() -> String {
        struct Part: Encodable {
            let factor: String
            let points: String
            let detail: String
        }
        struct Match: Encodable {
            let rank: Int
            let goal: String
            let skill: String
            let level: Int
            let points: String
        }
        struct Mentor: Encodable {
            let id: String
            let name: String
            let rank: Int?
            let eligible: Bool
            let score: String?
            let parts: [Part]
            let goal_matches: [Match]
            let forbidden_because: [String]
        }
        struct Report: Encodable {
            let mentee: String
            let eligible_mentors: Int
            let mentors_in_all: Int
            let goals: [String]
            let out_of_scope_goals: [String]
            let mentors: [Mentor]
        }
        let person = cohort.mentees[mentee]
        let report = Report(
            mentee: person.id.rawValue, eligible_mentors: eligibleCount, mentors_in_all: cohort.mentors.count,
            goals: person.goals.map(\.written), out_of_scope_goals: person.outOfScopeGoals,
            mentors: entries.map { entry in
                let explanation = entry.explanation
                return Mentor(
                    id: cohort.mentors[entry.mentor].id.rawValue, name: cohort.mentors[entry.mentor].name,
                    rank: entry.rank,
                    eligible: !explanation.isForbidden,
                    score: explanation.isForbidden ? nil : points(explanation.units),
                    parts: explanation.parts.map {
                        Part(factor: $0.name, points: points($0.units), detail: $0.detail)
                    },
                    goal_matches: explanation.goalMatches.map {
                        Match(rank: $0.rank, goal: $0.goal, skill: $0.skill, level: $0.level, points: points($0.units))
                    },
                    forbidden_because: explanation.forbiddenBecause.map(\.sentence))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
