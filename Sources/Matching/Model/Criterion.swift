/// A matching criterion a scheme declares in its policy (`[[criteria]]`):
/// which sign-up columns it reads on each side, how it compares them, and
/// whether it adds points (`weight`), is a hard rule (`rule`), or both.
///
/// The built-in fields (goals × skills, seniority, region, languages,
/// organisation, meeting mode) keep their own rules and weights; criteria
/// add to them, for whatever else a scheme's form asks.
///
/// ```swift
/// var profession = Criterion(label: "the same profession", kind: .same)
/// profession.menteeColumns = ["Profession"]
/// profession.mentorColumns = ["Profession"]
/// profession.rule = .required
/// policy.criteria.append(profession)
/// ```
public struct Criterion: Sendable, Equatable {
    /// How the two sides' answers are compared.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The mentee's list (in order of priority) against the mentor's
        /// list, whose entries may carry a level (`value:2`): `weight` for a
        /// mentee's first entry met at level 1, each later entry `decay` of
        /// the one before, times the policy's `weights.skill_level`
        /// multiplier for the mentor's level.
        case overlap
        /// One category each (profession, industry, department): equal or not.
        case same
        /// Lists with values in common (time slots, interests): `weight` per
        /// shared value; `required` = at least one in common.
        case share
        /// Ordered levels on the criterion's own `scale`: the mentor's level
        /// minus the mentee's, with a hard `minimum_gap` and a bonus at the
        /// `ideal_gap` (half of it one level off).
        case levels
        /// A `share` that applies only to mentees who opted in on a yes/no
        /// column (`opt_in`), and is always private.
        case requested
        /// People name or rank people of the other side: `weight` for their
        /// first choice, `decay` for each later one; `required` = only
        /// those named (for a person who named anyone).
        case preferences
        /// Numbers (years of experience): the mentor's minus the mentee's,
        /// with hard `minimum` / `maximum` and a bonus within `tolerance`
        /// of `ideal`.
        case difference
    }

    /// What the criterion does besides its `weight`.
    public enum Rule: String, Sendable, Equatable, CaseIterable {
        /// Points only.
        case bonus
        /// A pair that fails the comparison is never proposed.
        case required
        /// A pair that passes the comparison is never proposed (`same`:
        /// "never the same department").
        case forbidden
    }

    /// Who must have answered yes for the criterion to apply to a pair.
    public struct OptIn: Sendable, Equatable {
        /// The side whose answer gates the criterion: a mentee's request, or
        /// a mentor's own filter ("only mentees from my region").
        public var side: Role
        /// The yes/no column on that side's sign-up.
        public var column: String
        /// Answers that mean yes (compared ignoring case and punctuation).
        public var answers: [String]

        public static let yesAnswers = ["yes", "y", "true", "1", "x"]

        public init(side: Role, column: String, answers: [String] = OptIn.yesAnswers) {
            self.side = side
            self.column = column
            self.answers = answers
        }
    }

    /// The criterion in people's words, as letters and reports name it:
    /// "the same profession", "a free time slot in common".
    public var label: String
    public var kind: Kind
    /// The headers the criterion reads in the mentees' file (several are
    /// read together, as for a sign-up field); empty: nothing on this side.
    public var menteeColumns: [String] = []
    /// The headers the criterion reads in the mentors' file.
    public var mentorColumns: [String] = []
    public var rule = Rule.bonus
    /// Points (negative: a penalty); see each ``Kind`` for what earns them.
    public var weight = 0.0
    /// `overlap` and `preferences`: each later rank counts this fraction of
    /// the one before, in (0, 1].
    public var decay = 1.0
    /// Its values never appear in letters, and reports give only counts.
    public var isPrivate = false
    public var optIn: [OptIn] = []
    /// `levels`: the levels, lowest first.
    public var scale: [String] = []
    /// `levels`: levels of other ladders, each read as one of ``scale``.
    public var equivalents: [String: String] = [:]
    /// `levels`: the smallest gap allowed (mentor minus mentee, in levels);
    /// `difference`: the smallest difference allowed. `nil`: no bound.
    public var minimum: Double?
    /// `difference`: the largest difference allowed; `nil`: no bound.
    public var maximum: Double?
    /// `levels` and `difference`: the gap that earns `weight`; `nil`: no bonus.
    public var ideal: Double?
    /// `difference`: the bonus is earned within this distance of `ideal`.
    public var tolerance = 0.0
    /// `preferences`: the side whose column names people of the other side.
    public var namingSide = Role.mentee

    public init(label: String, kind: Kind) {
        self.label = label
        self.kind = kind
        if kind == .requested { isPrivate = true }
    }

    /// The columns the criterion reads on `side`.
    public func columns(on side: Role) -> [String] {
        side == .mentor ? mentorColumns : menteeColumns
    }

    /// Whether `other` reads the same answers from the same sign-ups (its
    /// weights and rules may differ): a round may then change it without
    /// reloading the files.
    public func readsAnswers(like other: Criterion) -> Bool {
        kind == other.kind && menteeColumns == other.menteeColumns && mentorColumns == other.mentorColumns
            && optIn == other.optIn && scale == other.scale && equivalents == other.equivalents
            && namingSide == other.namingSide
    }

    /// One person's answer to a criterion, as read from their sign-up.
    public struct Answer: Sendable, Hashable {
        /// The entries as written (trimmed): one for a category, several for
        /// a list, in order; for `preferences`, the ids of the people named,
        /// in order, once resolved. Empty: left blank.
        public var values: [String] = []
        /// `overlap` on the mentor side: each entry's level (1…).
        public var levels: [Int] = []
        /// `levels`: the index on the scale; `difference`: the number;
        /// `nil`: left blank.
        public var number: Double?
        /// Whether the person answered yes to the criterion's opt-in on their
        /// side (`true` when their side has none).
        public var optedIn = true

        public init(values: [String] = [], levels: [Int] = [], number: Double? = nil, optedIn: Bool = true) {
            self.values = values
            self.levels = levels
            self.number = number
            self.optedIn = optedIn
        }

        /// Nothing was given.
        public var isBlank: Bool { values.isEmpty && number == nil }

        /// Keeps each value's first occurrence (compared ignoring case and
        /// punctuation) and its level.
        mutating func removeRepeatedValues() {
            var seen = Set<String>()
            var kept: [Int] = []
            for (position, value) in values.enumerated() where seen.insert(_Term.normalised(value)).inserted {
                kept.append(position)
            }
            guard kept.count < values.count else { return }
            values = kept.map { values[$0] }
            if !levels.isEmpty { levels = kept.map { levels.indices.contains($0) ? levels[$0] : 1 } }
        }
    }
}
