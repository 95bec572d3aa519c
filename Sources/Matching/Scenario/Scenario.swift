/// One what-if variant of a round: the baseline's inputs with some changes
/// (a policy override, people withdrawn, capacities changed, pairs pinned or
/// forbidden), solved exactly and compared with the baseline.
///
/// Read from a scenarios file by ``ScenarioFile``, or built in code:
///
/// ```swift
/// var scenario = Scenario(name: "without M12")
/// scenario.withdrawn = ["M12"]
/// scenario.capacities = ["M3": 5]
/// ```
public struct Scenario: Sendable, Equatable {
    /// The scenario's name: a column of the comparison, and the folder of
    /// its round under `rounds/`.
    public var name: String
    /// The policy the scenario's round runs under; `nil`: the baseline's.
    public var policy: Policy?
    /// The overridden policy keys as a policy file writes them, for the
    /// reports: `matching.minimum_score = 20`.
    public var policyChanges: [String] = []
    /// People (mentors or mentees) taken out of the round, as if their
    /// sign-up rows were deleted.
    public var withdrawn: [ParticipantID] = []
    /// Mentors' capacities replaced, by mentor id.
    public var capacities: [ParticipantID: Int] = [:]
    /// Pairs that must be made.
    public var pins: [Pairing] = []
    /// Pairs that must not be made.
    public var forbidden: [Pairing] = []
    /// The sweep this scenario is a value of, if any: its name, and the
    /// value's position among the sweep's values.
    public var sweep: Sweep?
    /// The scenario's line in its file, for messages about it.
    public var line: Int?

    /// The sweep a scenario belongs to.
    public struct Sweep: Sendable, Equatable, Codable {
        /// The sweep's name.
        public var name: String
        /// The policy key the sweep varies.
        public var key: String
        /// The value, as the file writes it.
        public var value: String

        public init(name: String, key: String, value: String) {
            self.name = name
            self.key = key
            self.value = value
        }
    }

    /// A scenario with no changes yet.
    public init(name: String) {
        self.name = name
    }

    /// Each change in words, in a fixed order: the policy's keys, then
    /// withdrawals, capacities, pins and forbidden pairs.
    public var changes: [String] {
        var changes = policyChanges
        changes += withdrawn.map { "\($0) withdrawn" }
        changes += capacities.sorted { $0.key < $1.key }.map {
            "\($0.key) takes \($0.value) mentee\($0.value == 1 ? "" : "s")"
        }
        changes += pins.map { "\($0.mentee) pinned to \($0.mentor)" }
        changes += forbidden.map { "\($0.mentee)–\($0.mentor) forbidden" }
        return changes
    }
}
