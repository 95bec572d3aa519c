import Diagnostics

/// The validated inputs of a round: policy, taxonomy, mentors and mentees
/// (each sorted by id, so indices do not depend on row order), and every
/// pair the conflicts, line-management and round rules exclude.
///
/// Built by `CohortLoader` from a coordinator's files, or in code:
///
/// ```swift
/// let policy = Policy()
/// var taxonomy = Taxonomy(policy.taxonomy)
/// let python = taxonomy.topic("python")!
/// let cohort = try Cohort(
///     policy: policy, taxonomy: taxonomy,
///     mentors: [Participant(mentor: "M1", name: "Ada", skills: [.init(topic: python, level: 3)])],
///     mentees: [Participant(mentee: "E1", name: "Ben", goals: [.init(topic: python, rank: 1)])])
/// ```
public struct Cohort: Sendable {
    public let policy: Policy
    public let taxonomy: Taxonomy
    public let mentors: [Participant]
    public let mentees: [Participant]
    /// Pair exclusions, sorted by mentee then mentor (in cohort order), one per reason.
    public let exclusions: [PairExclusion]
    /// Pairs whose two people were paired in an earlier round of the scheme
    /// (in either role), sorted: the policy's `[history] repeat_pairs`
    /// excludes them (as exclusions with the reason `earlierPair`),
    /// penalises them, or allows them.
    public let earlierPairs: [Pairing]
    /// For each mentee, the organisations (normalised) they declared a conflict
    /// with, sorted; a mentor from one of them is excluded.
    public let menteeOrganisationConflicts: [[String]]
    /// The same for mentors and mentees' organisations.
    public let mentorOrganisationConflicts: [[String]]
    /// Where each file came from, for messages.
    public let sources: Sources
    /// ``exclusions`` by index, as scoring applies them.
    let indexedExclusions: [_IndexedExclusion]
    /// ``earlierPairs`` by index (mentee, mentor), when the policy penalises them.
    let penalisedPairs: [(mentee: Int, mentor: Int)]
    /// Each mentee's and mentor's index by id.
    let menteeIndexByID: [ParticipantID: Int]
    let mentorIndexByID: [ParticipantID: Int]

    /// The paths of the files a cohort was read from (names of the parts,
    /// for a cohort built in code), and the SHA-256 of the bytes read.
    public struct Sources: Sendable {
        public var mentors: String
        public var mentees: String
        /// One file for everybody, with a role column; `mentors` and
        /// `mentees` then name the same file.
        public var signups: String?
        public var conflicts: String?
        public var policy: String?
        /// The SHA-256 (lower-case hex) of each file's bytes as loaded, by path.
        public var digests: [String: String] = [:]

        public init(mentors: String, mentees: String, conflicts: String? = nil, policy: String? = nil) {
            self.mentors = mentors
            self.mentees = mentees
            self.conflicts = conflicts
            self.policy = policy
        }

        /// One sign-up file for mentors and mentees alike, read by its role column.
        public init(signups: String, conflicts: String? = nil, policy: String? = nil) {
            self.init(mentors: signups, mentees: signups, conflicts: conflicts, policy: policy)
            self.signups = signups
        }
    }

    /// A cohort from participants, checked: ids unique on each side, every
    /// topic, level, rank and seniority within the taxonomy and policy, and
    /// every exclusion naming people of the cohort. People are put in id
    /// order; a skill or goal written as "" takes its topic's name.
    ///
    /// - Parameters:
    ///   - policy: The scheme's rules and weights.
    ///   - taxonomy: The topics skills and goals refer to by index.
    ///   - mentors: Every mentor, in any order.
    ///   - mentees: Every mentee, in any order.
    ///   - exclusions: Pairs that may never be proposed, by id.
    ///   - earlierPairs: Pairs made in an earlier round, by id, which the
    ///     policy's `[history] repeat_pairs` forbids, penalises or allows.
    ///   - menteeOrganisationConflicts: organisations a mentee declared a
    ///     conflict with: no mentor from them is proposed.
    ///   - mentorOrganisationConflicts: the same for mentors.
    ///   - sources: Where the parts came from, for messages.
    /// - Throws: `InputDiagnostics` with every problem, located by side and
    ///   position (`mentors`, row = position + 1) or by the sign-up row.
    /// - Complexity: O(people · log people + exclusions · log exclusions).
    public init(
        policy: Policy, taxonomy: Taxonomy, mentors: [Participant], mentees: [Participant],
        exclusions: [PairExclusion] = [], earlierPairs: [Pairing] = [],
        menteeOrganisationConflicts: [ParticipantID: [String]] = [:],
        mentorOrganisationConflicts: [ParticipantID: [String]] = [:],
        sources: Sources = Sources(mentors: "mentors", mentees: "mentees")
    ) throws(InputDiagnostics) {
        var diagnostics = InputDiagnostics()
        let mentors = Self.checked(
            mentors, role: .mentor, file: sources.mentors, policy: policy, taxonomy: taxonomy,
            &diagnostics)
        let mentees = Self.checked(
            mentees, role: .mentee, file: sources.mentees, policy: policy, taxonomy: taxonomy,
            &diagnostics)
        let mentorIndex = Dictionary(mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let menteeIndex = Dictionary(mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var indexed = Set<_IndexedExclusion>()
        for (position, exclusion) in exclusions.enumerated() {
            guard let mentee = menteeIndex[exclusion.mentee], let mentor = mentorIndex[exclusion.mentor] else {
                diagnostics.error(
                    SourceLocation(file: "exclusions", row: position + 1),
                    "the exclusion \(exclusion.mentee)–\(exclusion.mentor) names a mentee or mentor who is not in the cohort."
                )
                continue
            }
            indexed.insert(_IndexedExclusion(mentee: mentee, mentor: mentor, reason: exclusion.reason))
        }
        var earlier = Set<Pairing>()
        var penalised: [(mentee: Int, mentor: Int)] = []
        for (position, pair) in earlierPairs.enumerated() where earlier.insert(pair).inserted {
            guard let mentee = menteeIndex[pair.mentee], let mentor = mentorIndex[pair.mentor] else {
                diagnostics.error(
                    SourceLocation(file: "earlier pairs", row: position + 1),
                    "the earlier pair \(pair.mentee)–\(pair.mentor) names a mentee or mentor who is not in the cohort.")
                continue
            }
            switch policy.history.repeatPairs {
            case .forbid: indexed.insert(_IndexedExclusion(mentee: mentee, mentor: mentor, reason: .earlierPair))
            case .penalise: penalised.append((mentee, mentor))
            case .allow: break
            }
        }
        func organisations(
            _ conflicts: [ParticipantID: [String]], _ index: [ParticipantID: Int], count: Int,
            file: String
        ) -> [[String]] {
            var result = [Set<String>](repeating: [], count: count)
            for (id, names) in conflicts.sorted(by: { $0.key < $1.key }) {
                guard let person = index[id] else {
                    diagnostics.error(
                        SourceLocation(file: file),
                        "an organisation conflict names \"\(id)\", who is not in the cohort.")
                    continue
                }
                result[person].formUnion(names.map(_Term.normalised).filter { !$0.isEmpty })
            }
            return result.map { $0.sorted() }
        }
        let menteeOrganisations = organisations(
            menteeOrganisationConflicts, menteeIndex, count: mentees.count,
            file: sources.mentees)
        let mentorOrganisations = organisations(
            mentorOrganisationConflicts, mentorIndex, count: mentors.count,
            file: sources.mentors)
        guard !diagnostics.hasErrors else { throw diagnostics }
        let sorted = indexed.sorted()
        self.policy = policy
        self.taxonomy = taxonomy
        self.mentors = mentors
        self.mentees = mentees
        self.indexedExclusions = sorted
        self.earlierPairs = earlier.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        self.penalisedPairs = penalised.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        self.exclusions = sorted.map {
            PairExclusion(mentee: mentees[$0.mentee].id, mentor: mentors[$0.mentor].id, reason: $0.reason)
        }
        self.menteeIndexByID = menteeIndex
        self.mentorIndexByID = mentorIndex
        self.menteeOrganisationConflicts = menteeOrganisations
        self.mentorOrganisationConflicts = mentorOrganisations
        self.sources = sources
    }

    /// What is wrong with a capacity, if anything, said of its person.
    static func capacityProblem(_ capacity: Int) -> String? {
        (0...Participant.maximumCapacity).contains(capacity)
            ? nil : "has capacity \(capacity); capacities are from 0 to \(Participant.maximumCapacity)."
    }

    /// Where a person's problems are reported: their sign-up row, or their
    /// position on their side (from 1) for a person built in code.
    static func location(of person: Participant, at position: Int, in file: String) -> SourceLocation {
        SourceLocation(file: file, row: person.row > 0 ? person.row : position + 1)
    }

    /// The people of one side in id order, with every problem reported.
    private static func checked(
        _ people: [Participant], role: Role, file: String, policy: Policy, taxonomy: Taxonomy,
        _ diagnostics: inout InputDiagnostics
    ) -> [Participant] {
        var people = people
        for (position, person) in people.enumerated() {
            let location = location(of: person, at: position, in: file)
            func fail(_ message: String) { diagnostics.error(location, "the \(role) \"\(person.id)\" \(message)") }
            if person.id.rawValue.isEmpty { diagnostics.error(location, "a \(role) has an empty id.") }
            if person.role != role { fail("is listed among the \(role.plural) but has the role \(person.role).") }
            if let problem = capacityProblem(person.capacity) { fail(problem) }
            if let level = person.seniority, !policy.seniority.levels.indices.contains(level) {
                fail("has seniority \(level), outside the policy's \(policy.seniority.levels.count) levels.")
            } else if person.seniority == nil, !policy.seniority.levels.isEmpty {
                fail("has no seniority level, and the policy sets seniority levels.")
            }
            for skill in person.skills
            where !taxonomy.topics.indices.contains(skill.topic)
                || !(1...max(1, policy.weights.skillLevel.count)).contains(skill.level)
            {
                fail(
                    "offers topic \(skill.topic) at level \(skill.level), outside the taxonomy's \(taxonomy.topics.count) topics or the policy's \(policy.weights.skillLevel.count) levels."
                )
            }
            for goal in person.goals where !taxonomy.topics.indices.contains(goal.topic) || goal.rank < 1 {
                fail(
                    "has goal topic \(goal.topic) at rank \(goal.rank), outside the taxonomy's \(taxonomy.topics.count) topics (ranks start at 1)."
                )
            }
            if person.answers.count > policy.criteria.count {
                fail("has \(person.answers.count) criterion answers; the policy has \(policy.criteria.count) criteria.")
            }
            people[position].answers += Array(
                repeating: Criterion.Answer(), count: max(0, policy.criteria.count - person.answers.count))
            // A value given twice counts once, as the loader reads it (explanations count values).
            for index in people[position].answers.indices {
                people[position].answers[index].removeRepeatedValues()
            }
            for (answer, criterion) in zip(person.answers, policy.criteria)
            where criterion.kind == .levels
                && answer.number.map({ !($0 >= 0 && $0 < Double(criterion.scale.count) && $0 == $0.rounded()) }) == true
            {
                fail(
                    "has level \(answer.number!) for \"\(criterion.label)\", outside its scale of \(criterion.scale.count) levels."
                )
            }
            for index in people[position].skills.indices
            where people[position].skills[index].written.isEmpty
                && taxonomy.topics.indices.contains(people[position].skills[index].topic)
            {
                people[position].skills[index].written = taxonomy.topics[people[position].skills[index].topic]
            }
            for index in people[position].goals.indices
            where people[position].goals[index].written.isEmpty
                && taxonomy.topics.indices.contains(people[position].goals[index].topic)
            {
                people[position].goals[index].written = taxonomy.topics[people[position].goals[index].topic]
            }
        }
        // Indices follow sorted ids (digits by value: E3 before E20), so
        // shuffled rows give the same cohort. The loader sorts already; one
        // pass tells (comparing ids in natural order is slow: sorting 30,000
        // sorted people again took about 0.1 s).
        if !zip(people, people.dropFirst()).allSatisfy({ $0.id < $1.id }) { people.sort { $0.id < $1.id } }
        for (earlier, later) in zip(people, people.dropFirst()) where earlier.id == later.id {
            diagnostics.error(
                SourceLocation(file: file, row: later.row > 0 ? later.row : nil),
                "the id \"\(later.id)\" is used by two \(role.plural); ids must be unique within \(role.plural).")
        }
        return people
    }

    /// The same cohort under another policy, with more exclusions and the
    /// pairs of earlier rounds: what a round specification changes.
    ///
    /// - Throws: `InputDiagnostics` when the policy reads the sign-ups
    ///   differently (taxonomy, seniority levels, skill levels, lists, columns:
    ///   reload the files then) or an exclusion names someone not in the cohort.
    public func with(
        policy newPolicy: Policy, addingExclusions extra: [PairExclusion], earlierPairs extraPairs: [Pairing] = []
    ) throws(InputDiagnostics) -> Cohort {
        let location = SourceLocation(file: sources.policy ?? "policy")
        guard readsSignups(like: newPolicy) else {
            throw InputDiagnostics([
                .error(
                    location,
                    "the round's policy reads the sign-ups differently (taxonomy, seniority levels, skill levels, lists, columns, default capacity, or what a criterion reads); load the files again with it."
                )
            ])
        }
        let earlier = Set(earlierPairs)
        let conflicts = organisationConflictsByID
        return try Cohort(
            policy: newPolicy, taxonomy: taxonomy, mentors: mentors, mentees: mentees,
            // Exclusions this cohort's policy made of earlier pairs are the new policy's to make.
            exclusions: exclusions.filter {
                $0.reason != .earlierPair || !earlier.contains(Pairing(mentee: $0.mentee, mentor: $0.mentor))
            } + extra,
            earlierPairs: earlierPairs + extraPairs,
            menteeOrganisationConflicts: conflicts.mentees, mentorOrganisationConflicts: conflicts.mentors,
            sources: sources)
    }

    /// Whether `newPolicy` reads the sign-ups as this cohort's policy did
    /// (taxonomy, seniority levels, skill levels, lists, columns, default
    /// capacity, what each criterion reads), so the cohort can take it
    /// without loading the files again.
    func readsSignups(like newPolicy: Policy) -> Bool {
        newPolicy.taxonomy == policy.taxonomy && newPolicy.seniority.levels == policy.seniority.levels
            && newPolicy.weights.skillLevel.count == policy.weights.skillLevel.count
            && newPolicy.lists == policy.lists && newPolicy.columns == policy.columns
            && newPolicy.defaultCapacity == policy.defaultCapacity && newPolicy.roles == policy.roles
            && newPolicy.criteria.count == policy.criteria.count
            && zip(newPolicy.criteria, policy.criteria).allSatisfy({ $0.readsAnswers(like: $1) })
    }

    /// The organisation conflicts by id, as the initialiser takes them.
    var organisationConflictsByID: (mentees: [ParticipantID: [String]], mentors: [ParticipantID: [String]]) {
        func byID(_ conflicts: [[String]], _ people: [Participant]) -> [ParticipantID: [String]] {
            Dictionary(uniqueKeysWithValues: zip(people.map(\.id), conflicts).filter { !$0.1.isEmpty })
        }
        return (byID(menteeOrganisationConflicts, mentees), byID(mentorOrganisationConflicts, mentors))
    }

    /// Whether the pair (by index) was made in an earlier round and the
    /// policy penalises it.
    func isPenalisedRepeat(mentee: Int, mentor: Int) -> Bool {
        var low = 0, high = penalisedPairs.count
        while low < high {
            let middle = (low + high) / 2
            let pair = penalisedPairs[middle]
            if (pair.mentee, pair.mentor) < (mentee, mentor) { low = middle + 1 } else { high = middle }
        }
        return low < penalisedPairs.count && penalisedPairs[low] == (mentee, mentor)
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
        if let index = people.firstIndex(where: { $0.id.rawValue == trimmed }) { return index }
        return people.firstIndex { $0.email.lowercased() == trimmed.lowercased() }
    }

    /// The exclusion reasons of one pair, fewest first.
    public func exclusionReasons(mentee: Int, mentor: Int) -> [ExclusionReason] {
        var low = 0, high = indexedExclusions.count
        while low < high {
            let middle = (low + high) / 2
            if (indexedExclusions[middle].mentee, indexedExclusions[middle].mentor) < (mentee, mentor) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var reasons: [ExclusionReason] = []
        while low < indexedExclusions.count, indexedExclusions[low].mentee == mentee,
            indexedExclusions[low].mentor == mentor
        {
            reasons.append(indexedExclusions[low].reason)
            low += 1
        }
        return reasons
    }
}
