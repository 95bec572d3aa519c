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
}
