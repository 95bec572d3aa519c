/// Why a pair scores what it scores, or why it may never be proposed.
///
/// The parts add up to the pair's score exactly, in whole units of the
/// policy's resolution. A declared conflict is only ever named as "a conflict
/// of interest is on record": never who declared it, or against whom.
public struct PairExplanation: Sendable, Equatable {
    /// One factor's contribution.
    public struct Part: Sendable, Equatable {
        public var factor: Factor
        public var units: Int64
        /// The evidence in words, e.g. "same region (London)"; for a private
        /// criterion, never its values.
        public var detail: String
        /// For a criterion: its index in the policy's ``Policy/criteria``.
        public var criterion: Int?
        /// The factor's name, or the criterion's label.
        public var name: String
        /// For a criterion that is not private: the values that earned the
        /// points, as the mentor wrote them (what letters quote).
        public var evidence: [String] = []

        init(factor: Factor, units: Int64, detail: String) {
            self.factor = factor
            self.units = units
            self.detail = detail
            name = factor.rawValue
        }

        init(criterion: Int, label: String, units: Int64, detail: String, evidence: [String]) {
            self.init(factor: .criterion, units: units, detail: detail)
            self.criterion = criterion
            name = label
            self.evidence = evidence
        }
    }

    /// The factors of a score, in the order reports list them.
    public enum Factor: String, Sendable, Equatable, CaseIterable {
        case goals, seniority, region, language, organisation
        /// Paired in an earlier round, when the policy penalises repeats.
        case history
        /// One of the policy's own criteria (see ``Part/name``).
        case criterion
    }

    /// One of the mentee's goals met by one of the mentor's skills.
    public struct GoalMatch: Sendable, Equatable {
        /// 1 = the mentee's first in-scope goal.
        public var rank: Int
        public var goal: String
        public var skill: String
        public var level: Int
        /// Whether the mentor wrote the level (else it is the policy's default).
        public var levelStated: Bool
        /// Units the goal is worth at its rank.
        public var goalUnits: Int64
        /// The policy's multiplier for the skill's level.
        public var multiplier: Int64
        public var units: Int64 { goalUnits * multiplier }
    }

    /// A hard rule that excludes a pair, and the sentence that says so.
    public struct Exclusion: Sendable, Equatable {
        public var rule: HardRule
        public var sentence: String
        /// For a criterion's rule: its index in the policy's ``Policy/criteria``.
        public var criterion: Int?

        init(rule: HardRule, sentence: String, criterion: Int? = nil) {
            self.rule = rule
            self.sentence = sentence
            self.criterion = criterion
        }
    }

    /// The hard rules, by the short name reports group them under.
    public enum HardRule: String, Sendable, Equatable, CaseIterable, Comparable, Codable {
        case meetingMode = "meeting modes do not match"
        case inPersonRegion = "in person needs the same region"
        case seniorityGap = "seniority gap too small"
        case sameOrganisation = "same organisation"
        case sharedLanguage = "no language in common"
        /// A rule of one of the policy's own criteria.
        case criterion = "a criterion of the policy"
        case samePerson = "same person"
        case lineManagement = "line management"
        case conflictOfInterest = "conflict of interest"
        case excludedThisRound = "excluded for this round"

        public static func < (lhs: HardRule, rhs: HardRule) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// How a pair can meet under the policy's rules: what letters tell them.
    public struct Meeting: Sendable, Equatable {
        /// Both can meet online.
        public var online: Bool
        /// Both can meet in person, and the policy's region rule allows it.
        public var inPerson: Bool
        /// The region both are in, as the mentor wrote it, when they share one.
        public var sharedRegion: String?
    }

    public let mentee: Int
    public let mentor: Int
    public let resolution: Double
    /// Non-zero contributions, in ``Factor`` order; a criterion that
    /// requires something in common and is met is listed even at 0 points,
    /// as a reason for the pair.
    public let parts: [Part]
    /// The goal–skill evidence behind the `goals` part, by goal rank.
    public let goalMatches: [GoalMatch]
    /// Each hard rule that excludes the pair; empty when allowed.
    public let forbiddenBecause: [Exclusion]
    /// How they can meet.
    public let meeting: Meeting
    /// The languages both list, as the mentor wrote them.
    public let sharedLanguages: [String]

    /// The score in units (meaningful only when the pair is allowed).
    public var units: Int64 { parts.reduce(0) { $0 + $1.units } }
    public var isForbidden: Bool { !forbiddenBecause.isEmpty }
}
