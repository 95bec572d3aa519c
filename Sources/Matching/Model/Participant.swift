/// One sign-up: a mentor or a mentee, as read from their file's row or built
/// in code.
///
/// Text fields keep what the person wrote (trimmed); comparisons between
/// people use normalised keys (see ``Cohort``).
///
/// ```swift
/// var taxonomy = Taxonomy(policy.taxonomy)
/// let python = taxonomy.topic("python")!
/// let mentor = Participant(mentor: "M1", name: "Ada", skills: [.init(topic: python, level: 3)], capacity: 2)
/// let mentee = Participant(mentee: "E1", name: "Ben", goals: [.init(topic: python, rank: 1)])
/// ```
public struct Participant: Sendable {
    public var role: Role
    /// From the `id` column, or the email when the file has no id column.
    public var id: ParticipantID
    public var name: String
    public var email: String
    public var organisation: String
    public var department: String
    /// Index into the policy's seniority levels, lowest 0; `nil` when the
    /// policy has no levels.
    public var seniority: Int?
    public var region: String
    public var meeting: MeetingMode
    public var languages: [String]
    /// The id or email of their line manager, as written; empty when none.
    public var manager: String
    /// Mentors: the topics offered, each with its self-assessed level (1…).
    public var skills: [Skill]
    /// Mentors: how many mentees they can take, up to ``maximumCapacity``.
    public var capacity: Int

    /// The most mentees one mentor may take, in a sign-up, a policy's
    /// `default_capacity` or a cohort built in code: far above any scheme's,
    /// and what keeps every sum over places in range.
    public static let maximumCapacity = 1_000
    /// Mentees: in-scope goals in the mentee's order of priority, first = most important.
    public var goals: [Goal]
    /// Mentees: goals that are out of scope, as written, to signpost.
    public var outOfScopeGoals: [String]
    /// The spreadsheet row of the sign-up, for messages (0 when built in code).
    public var row: Int
    /// The answer to each of the policy's ``Policy/criteria``, in order
    /// (missing answers count as blank).
    public var answers: [Criterion.Answer] = []

    /// A skill offered: a taxonomy topic and a level.
    public struct Skill: Sendable, Hashable {
        /// The topic's index in the cohort's ``Taxonomy``.
        public var topic: Int
        /// The self-assessed level, 1 up to the policy's highest.
        public var level: Int
        /// As written in the sign-up, for explanations; the topic's name when empty.
        public var written: String
        /// Whether the mentor wrote the level (`python:3`); when not, the
        /// policy's default level is used and letters do not quote one.
        public var levelStated: Bool

        public init(topic: Int, level: Int, written: String = "", levelStated: Bool = true) {
            self.topic = topic
            self.level = level
            self.written = written
            self.levelStated = levelStated
        }
    }

    /// A goal: a taxonomy topic and the mentee's priority rank (1 = first).
    public struct Goal: Sendable, Hashable {
        /// The topic's index in the cohort's ``Taxonomy``.
        public var topic: Int
        /// 1 = the mentee's first in-scope goal.
        public var rank: Int
        /// As written in the sign-up; the topic's name when empty.
        public var written: String

        public init(topic: Int, rank: Int, written: String = "") {
            self.topic = topic
            self.rank = rank
            self.written = written
        }
    }

    /// Every field; the rest of the initialisers fill in defaults.
    public init(
        role: Role, id: ParticipantID, name: String = "", email: String = "", organisation: String = "",
        department: String = "", seniority: Int? = nil, region: String = "", meeting: MeetingMode = .either,
        languages: [String] = [], manager: String = "", skills: [Skill] = [], capacity: Int = 1,
        goals: [Goal] = [], outOfScopeGoals: [String] = [], row: Int = 0, answers: [Criterion.Answer] = []
    ) {
        self.role = role
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.department = department
        self.seniority = seniority
        self.region = region
        self.meeting = meeting
        self.languages = languages
        self.manager = manager
        self.skills = skills
        self.capacity = capacity
        self.goals = goals
        self.outOfScopeGoals = outOfScopeGoals
        self.row = row
        self.answers = answers
    }

    /// A mentor offering `skills` to up to `capacity` mentees.
    public init(
        mentor id: ParticipantID, name: String = "", email: String = "", organisation: String = "",
        seniority: Int? = nil, region: String = "", meeting: MeetingMode = .either, languages: [String] = [],
        skills: [Skill], capacity: Int = 1
    ) {
        self.init(
            role: .mentor, id: id, name: name, email: email, organisation: organisation, seniority: seniority,
            region: region, meeting: meeting, languages: languages, skills: skills, capacity: capacity)
    }

    /// A mentee with `goals` in their order of priority.
    public init(
        mentee id: ParticipantID, name: String = "", email: String = "", organisation: String = "",
        seniority: Int? = nil, region: String = "", meeting: MeetingMode = .either, languages: [String] = [],
        goals: [Goal]
    ) {
        self.init(
            role: .mentee, id: id, name: name, email: email, organisation: organisation, seniority: seniority,
            region: region, meeting: meeting, languages: languages, goals: goals)
    }
}
