/// One sign-up: a mentor or a mentee, as read from their file's row.
///
/// Text fields keep what the person wrote (trimmed); comparisons between
/// people use normalised keys (see ``Cohort``).
public struct Participant: Sendable {
    public var role: Role
    /// From the `id` column, or the email when the file has no id column.
    public var id: String
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
    /// Mentors: how many mentees they can take.
    public var capacity: Int
    /// Mentees: in-scope goals in the mentee's order of priority, first = most important.
    public var goals: [Goal]
    /// Mentees: goals that are out of scope, as written, to signpost.
    public var outOfScopeGoals: [String]
    /// The spreadsheet row of the sign-up, for messages.
    public var row: Int

    /// A skill offered: a taxonomy topic and a level.
    public struct Skill: Sendable, Hashable {
        public var topic: Int
        public var level: Int
        /// As written in the sign-up, for explanations.
        public var written: String
    }

    /// A goal: a taxonomy topic and the mentee's priority rank (1 = first).
    public struct Goal: Sendable, Hashable {
        public var topic: Int
        public var rank: Int
        public var written: String
    }
}
