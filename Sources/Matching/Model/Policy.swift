/// A scheme's rules for a round: weights, hard rules, scope lists, the
/// vocabulary of goals and skills, and how its sign-up files are laid out.
///
/// Every field has a default, so `Policy()` is a working policy and a policy
/// file only states where a scheme differs. The defaults, and the TOML key of
/// each field, are listed in the README's "Policy" section and in
/// `datasets/policies/reference.toml`.
///
/// ```swift
/// var policy = Policy()
/// policy.sameOrganisation = .forbid
/// policy.seniority = .init(levels: ["student", "graduate", "alumnus"], minimumGap: 1, idealGap: 2)
/// ```
public struct Policy: Sendable, Equatable {
    /// Shown in reports and letters.
    public var name = "Mentoring round"
    /// The first day of the mentoring relationships, from which checkpoint
    /// dates are counted; `nil` when not yet known.
    public var startDate: CalendarDate?
    /// Scores are whole multiples of this many points before solving, so totals,
    /// ties and optimality certificates are exact. `0.01` keeps two decimals.
    public var resolution = 0.01
    /// A mentor's capacity when their sign-up has no capacity column.
    public var defaultCapacity = 1
    public var weights = Weights()
    public var sameOrganisation = OrganisationRule.neutral
    /// In-person meetings need mentor and mentee in the same region; online
    /// pairs do not.
    public var inPersonNeedsSameRegion = true
    /// Pairs with no language in common are forbidden (otherwise a shared
    /// language only earns `weights.sharedLanguage`).
    public var sharedLanguageRequired = false
    public var seniority = Seniority()
    public var taxonomy = TaxonomySettings()
    public var lists = ListFormat()
    public var columns = ColumnMapping()
    public var roles = Roles()
    public var matching = Matching()
    public var letters = Letters()
    /// What the round takes from earlier rounds recorded in a ledger.
    public var history = History()
    public var output = Output()
    /// The scheme's own criteria (`[[criteria]]`), in the policy's order,
    /// on top of the built-in fields' rules and weights.
    public var criteria: [Criterion] = []

    public init() {}

    /// The date of each review checkpoint (`matching.checkpointMonths` after
    /// the start date), or `nil` when the start date is not known or a
    /// checkpoint would fall after 9999-12-31 (`PolicyLoader` refuses such a
    /// policy at its `start_date`).
    public var checkpointDates: [CalendarDate]? {
        guard let startDate else { return nil }
        let dates = matching.checkpointMonths.compactMap { startDate.adding(months: $0) }
        return dates.count == matching.checkpointMonths.count ? dates : nil
    }

    /// How the round's CSV files are written.
    public struct Output: Sendable, Equatable {
        /// Between cells: `,`, or `;` for a spreadsheet set up for
        /// decimal commas (much of Europe), or a tab.
        public var csvSeparator: Character = ","
        /// A UTF-8 byte-order mark first, so that Excel reads accented
        /// names right (other readers skip it).
        public var csvByteOrderMark = true

        public init() {}
    }

    /// Who signs the participants' letters, and by when to reply.
    public struct Letters: Sendable, Equatable {
        /// The coordinator's name; `nil`: "the scheme's coordinator".
        public var coordinator: String?
        /// Where to reply (an email address, usually); `nil`: none given.
        public var contact: String?
        /// The day by which participants say whether they accept; `nil`: none.
        public var replyBy: CalendarDate?
        /// When a participant learns their partner's email address.
        public var revealContact = ContactDisclosure.afterAcceptance

        public init() {}
    }

    /// When a letter gives the partner's contact details.
    public enum ContactDisclosure: String, Sendable, Equatable, CaseIterable {
        /// Only once the proposal is accepted: the first letter names the
        /// partner, and the introduction follows the acceptance.
        case afterAcceptance = "after_acceptance"
        /// In the first letter.
        case immediately
    }

    /// What a round takes from the scheme's earlier rounds (`[history]`).
    public struct History: Sendable, Equatable {
        /// Whether two people paired in an earlier round may be proposed again.
        public var repeatPairs = RepeatPairs.forbid
        /// Points taken off such a pair's score when ``repeatPairs`` is
        /// ``RepeatPairs/penalise`` (`repeat_pairs = "penalise 5"`).
        public var repeatPenalty = 0.0

        public init() {}

        /// The rule as a policy file writes it: `forbid`, `allow`, `penalise 5`.
        public var repeatRule: String {
            guard repeatPairs == .penalise else { return repeatPairs.rawValue }
            let whole = repeatPenalty.rounded() == repeatPenalty && repeatPenalty.magnitude < 1e15
            return "penalise \(whole ? String(Int64(repeatPenalty)) : String(repeatPenalty))"
        }
    }

    /// Whether an earlier pair may be proposed again.
    public enum RepeatPairs: String, Sendable, Equatable, CaseIterable {
        /// Never: the pair is excluded ("earlier pairing").
        case forbid
        /// Allowed, with ``History/repeatPenalty`` points taken off its score.
        case penalise
        /// Like any other pair.
        case allow
    }

    /// What the round's solver optimises.
    public struct Matching: Sendable, Equatable {
        public var objective = Objective.coverage
        /// Pairs scoring below this many points are never proposed (a mentee is
        /// better left unmatched); `nil`: no minimum.
        public var minimumScore: Double?
        public var fairness = Fairness.none
        /// Points less for each further slot of a mentor: the second place
        /// counts `slotDiscount` less, the third twice that, so load is spread.
        public var slotDiscount = 0.0
        /// The most mentees any mentor takes, whatever their capacity says; `nil`: no cap.
        public var menteesPerMentor: Int?
        /// Months after `start_date` of each review checkpoint.
        public var checkpointMonths = [3, 6]

        public init() {}
    }

    /// The round's objective.
    public enum Objective: String, Sendable, Equatable, CaseIterable {
        /// The best total score; a mentee stays unmatched rather than take a
        /// pair below `minimum_score` (0 when not set).
        case quality
        /// As many mentees matched as possible, then the best total.
        case coverage
    }

    /// An optional fairness rule applied before the objective.
    public enum Fairness: String, Sendable, Equatable, CaseIterable {
        case none
        /// First raise the worst matched score as high as it can go (matching
        /// as many mentees as the objective alone would), then the objective
        /// among matchings with no pair below that floor.
        case floor
    }

    /// Points for each part of a pair's score.
    public struct Weights: Sendable, Equatable {
        /// Points when a mentee's first goal meets a mentor skill of weight 1.
        public var goalMatch = 10.0
        /// Each later goal in the mentee's list counts this fraction of the one
        /// before (mentee-led: the order of their goals matters), in (0, 1].
        public var goalPriorityDecay = 0.8
        /// Whole-number multiplier for each self-assessed skill level, level 1
        /// first; its length is the highest level a skill may state.
        public var skillLevel = [1, 2, 3]
        /// Bonus for a mentor exactly `seniority.idealGap` levels above the
        /// mentee; half of it one level off the ideal.
        public var seniorityGap = 4.0
        /// Bonus for the same region.
        public var sameRegion = 2.0
        /// Bonus for at least one language in common.
        public var sharedLanguage = 1.0
        /// Points taken off (`penalise`) or added (`prefer`) for pairs from the
        /// same organisation.
        public var organisation = 5.0

        public init() {}
    }

    /// What the scheme does with a mentor and mentee from the same organisation.
    public enum OrganisationRule: String, Sendable, Equatable, CaseIterable {
        /// Never pair them (cross-organisational schemes).
        case forbid
        /// Allowed, `weights.organisation` points less.
        case penalise
        /// Organisation plays no part.
        case neutral
        /// Allowed, `weights.organisation` points more (alumni of one school, staff networks).
        case prefer
    }

    /// Ordered seniority levels, lowest first, and the rules on the gap.
    public struct Seniority: Sendable, Equatable {
        /// Lowest first. Empty: seniority plays no part and the column is optional.
        public var levels: [String] = []
        /// Hard rule: a mentor is at least this many levels above the mentee
        /// (0 allows peers; no negative gaps are ever allowed when levels are set).
        public var minimumGap = 1
        /// The gap that earns `weights.seniorityGap`.
        public var idealGap = 1
        /// Levels of other ladders, each read as one of ``levels`` (an
        /// academic "Lecturer" as a professional "senior"), for schemes whose
        /// forms ask for seniority on several ladders.
        public var equivalents: [String: String] = [:]

        public init(
            levels: [String] = [], minimumGap: Int = 1, idealGap: Int = 1, equivalents: [String: String] = [:]
        ) {
            self.levels = levels
            self.minimumGap = minimumGap
            self.idealGap = idealGap
            self.equivalents = equivalents
        }
    }

    /// The vocabulary of goals and skills, and the scope lists.
    public struct TaxonomySettings: Sendable, Equatable {
        /// In-scope topics. Empty: the vocabulary is whatever the sign-ups use;
        /// otherwise a goal or skill outside it (after synonyms) is an error.
        public var topics: [String] = []
        /// Alternative spelling → topic ("ML" → "machine learning"). Keys and
        /// values compare case- and punctuation-insensitively.
        public var synonyms: [String: String] = [:]
        /// Topics a mentoring relationship must not be used for. Never matched
        /// on; a mentee asking for one is flagged so they can be signposted.
        public var outOfScope = [
            "mental health support", "counselling", "hr advice", "legal advice",
            "recruitment", "job hunting", "performance management",
        ]

        public init() {}
    }

    /// How multi-value cells are written.
    public struct ListFormat: Sendable, Equatable {
        /// Any of these separates entries in goals, skills and languages
        /// cells: Microsoft Forms joins multiple choices with `;`, Google
        /// Forms with `, `.
        public var separators = [";", ","]
        /// Separates a skill from its level, as in `python:3`.
        public var levelSeparator = ":"
        /// The level of a skill written without one.
        public var defaultSkillLevel = 1

        public init() {}
    }

    /// How the answers of the role column of a one-file export read. Each
    /// list holds answers as written on the form (compared ignoring case,
    /// spaces and dashes).
    public struct Roles: Sendable, Equatable {
        /// Answers that make a mentor.
        public var mentor = ["mentor"]
        /// Answers that make a mentee.
        public var mentee = ["mentee"]
        /// Answers that put the person on both sides.
        public var both = ["both"]

        public init() {}

        /// The default answers: then any answer that names only "mentor",
        /// only "mentee", or says "both", is read as such too ("I'd like to
        /// be a mentor").
        public var areDefault: Bool { self == Roles() }
    }

    /// The file's own header for each field, per file; unmapped fields are
    /// looked up by their canonical name (case-insensitively).
    ///
    /// A sign-up field may come from several columns, in order: text fields
    /// (name, organisation, department, region) join the non-empty cells
    /// with a space ("First name", "Last name"); lists (skills, goals,
    /// languages) join the entries; any other field takes the first
    /// non-empty cell (seniority on two ladders, see
    /// ``Seniority/equivalents``).
    public struct ColumnMapping: Sendable, Equatable {
        public var mentors: [SignupField: [String]] = [:]
        public var mentees: [SignupField: [String]] = [:]
        /// In one sign-up file for everybody, the header of the column that
        /// says who is a mentor, a mentee or both (see ``Roles``); `nil`:
        /// a header "role", or the one header that names both mentor and
        /// mentee ("Do you want to be a mentor or a mentee?").
        public var role: String?
        public var conflicts: [ConflictField: String] = [:]

        public init() {}
    }
}
