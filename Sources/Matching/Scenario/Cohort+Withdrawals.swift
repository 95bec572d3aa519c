import Diagnostics

extension Cohort {
    /// The cohort as if the withdrawn people's sign-up rows were deleted and
    /// the mentors' capacities written as given: their exclusions, earlier
    /// pairs and conflicts go with them; everybody else keeps their id, and
    /// preferences naming someone withdrawn simply cannot be met.
    ///
    /// - Throws: `InputDiagnostics` when a capacity is out of range.
    func withdrawing(
        _ withdrawn: Set<ParticipantID>, capacities: [ParticipantID: Int]
    ) throws(InputDiagnostics)
        -> Cohort
    {
        guard !withdrawn.isEmpty else { return try with(capacities: capacities) }
        let conflicts = organisationConflictsByID
        return try Cohort(
            policy: policy, taxonomy: taxonomy,
            mentors: mentors.compactMap { mentor in
                guard !withdrawn.contains(mentor.id) else { return nil }
                var mentor = mentor
                mentor.capacity = capacities[mentor.id] ?? mentor.capacity
                return mentor
            },
            mentees: mentees.filter { !withdrawn.contains($0.id) },
            exclusions: exclusions.filter { !withdrawn.contains($0.mentee) && !withdrawn.contains($0.mentor) },
            earlierPairs: earlierPairs.filter { !withdrawn.contains($0.mentee) && !withdrawn.contains($0.mentor) },
            menteeOrganisationConflicts: conflicts.mentees.filter { !withdrawn.contains($0.key) },
            mentorOrganisationConflicts: conflicts.mentors.filter { !withdrawn.contains($0.key) }, sources: sources)
    }

    /// The same cohort with the mentors' capacities written as given (an id
    /// not in the cohort changes nothing): the people, their order and every
    /// pair rule stay, so only the capacities are checked again. Building the
    /// whole cohort again instead took about half a second at 68,000 mentees,
    /// twice for each of the round's three priced places.
    private func with(capacities: [ParticipantID: Int]) throws(InputDiagnostics) -> Cohort {
        var mentors = self.mentors
        var diagnostics = InputDiagnostics()
        for index in capacities.keys.compactMap({ mentorIndexByID[$0] }).sorted() {
            mentors[index].capacity = capacities[mentors[index].id]!
            if let problem = Self.capacityProblem(mentors[index].capacity) {
                diagnostics.error(
                    Self.location(of: mentors[index], at: index, in: sources.mentors),
                    "the mentor \"\(mentors[index].id)\" \(problem)")
            }
        }
        guard !diagnostics.hasErrors else { throw diagnostics }
        return Cohort(self, mentors: mentors)
    }

    /// A copy of `cohort` with these mentors: the same people in the same
    /// order, differing only in what no index or rule depends on.
    private init(_ cohort: Cohort, mentors: [Participant]) {
        policy = cohort.policy
        taxonomy = cohort.taxonomy
        self.mentors = mentors
        mentees = cohort.mentees
        exclusions = cohort.exclusions
        earlierPairs = cohort.earlierPairs
        menteeOrganisationConflicts = cohort.menteeOrganisationConflicts
        mentorOrganisationConflicts = cohort.mentorOrganisationConflicts
        sources = cohort.sources
        indexedExclusions = cohort.indexedExclusions
        penalisedPairs = cohort.penalisedPairs
        menteeIndexByID = cohort.menteeIndexByID
        mentorIndexByID = cohort.mentorIndexByID
    }
}
