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
        /// The evidence in words, e.g. "same region (London)".
        public var detail: String
    }

    /// The factors of a score, in the order reports list them.
    public enum Factor: String, Sendable, Equatable, CaseIterable {
        case goals, seniority, region, language, organisation
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
    }

    /// The hard rules, by the short name reports group them under.
    public enum HardRule: String, Sendable, Equatable, CaseIterable, Comparable, Codable {
        case meetingMode = "meeting modes do not match"
        case inPersonRegion = "in person needs the same region"
        case seniorityGap = "seniority gap too small"
        case sameOrganisation = "same organisation"
        case sharedLanguage = "no language in common"
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
    /// Non-zero contributions, in ``Factor`` order.
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
