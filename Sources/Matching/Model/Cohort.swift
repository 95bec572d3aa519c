/// The validated inputs of a round: policy, taxonomy, mentors and mentees
/// (each sorted by id, so indices do not depend on row order), and every
/// pair the conflicts and line-management rules exclude.
public struct Cohort: Sendable {
    public let policy: Policy
    public let taxonomy: Taxonomy
    public let mentors: [Participant]
    public let mentees: [Participant]
    /// Pair exclusions, sorted by mentee then mentor, one per reason.
    public let exclusions: [PairExclusion]
    /// For each mentee, the organisations (normalised) they declared a conflict
    /// with, sorted; a mentor from one of them is excluded.
    public let menteeOrganisationConflicts: [[String]]
    /// The same for mentors and mentees' organisations.
    public let mentorOrganisationConflicts: [[String]]
    /// Where each file came from, for messages.
    public let sources: Sources

    /// The paths of the files a cohort was read from.
    public struct Sources: Sendable {
        public var mentors: String
        public var mentees: String
        public var conflicts: String?
        public var policy: String?

        public init(mentors: String, mentees: String, conflicts: String? = nil, policy: String? = nil) {
            self.mentors = mentors
            self.mentees = mentees
            self.conflicts = conflicts
            self.policy = policy
        }
    }

    public init(policy: Policy, taxonomy: Taxonomy, mentors: [Participant], mentees: [Participant],
                exclusions: [PairExclusion], menteeOrganisationConflicts: [[String]],
                mentorOrganisationConflicts: [[String]], sources: Sources) {
        self.policy = policy
        self.taxonomy = taxonomy
        self.mentors = mentors
        self.mentees = mentees
        self.exclusions = exclusions
        self.menteeOrganisationConflicts = menteeOrganisationConflicts
        self.mentorOrganisationConflicts = mentorOrganisationConflicts
        self.sources = sources
    }

    /// The mentee with this id or email (case-insensitive), if any.
    public func menteeIndex(named reference: String) -> Int? {
        Self.index(of: reference, in: mentees)
    }

    /// The mentor with this id or email (case-insensitive), if any.
    public func mentorIndex(named reference: String) -> Int? {
        Self.index(of: reference, in: mentors)
    }

    private static func index(of reference: String, in people: [Participant]) -> Int? {
        let trimmed = reference.trimmingWhitespace()
        if let index = people.firstIndex(where: { $0.id == trimmed }) { return index }
        return people.firstIndex { $0.email.lowercased() == trimmed.lowercased() }
    }

    /// The exclusion reasons of one pair, fewest first.
    public func exclusionReasons(mentee: Int, mentor: Int) -> [ExclusionReason] {
        var low = 0, high = exclusions.count
        while low < high {
            let middle = (low + high) / 2
            if (exclusions[middle].mentee, exclusions[middle].mentor) < (mentee, mentor) { low = middle + 1 } else { high = middle }
        }
        var reasons: [ExclusionReason] = []
        while low < exclusions.count, exclusions[low].mentee == mentee, exclusions[low].mentor == mentor {
            reasons.append(exclusions[low].reason)
            low += 1
        }
        return reasons
    }
}
