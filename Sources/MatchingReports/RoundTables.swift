import Matching

/// `pairs.csv` and `unmatched.csv`.
enum _RoundTables {
    /// Checkpoint dates of the policy's months after its start date, or empty cells.
    static func checkpoints(_ policy: Policy) -> [String] {
        policy.checkpointDates?.map(\.description) ?? policy.matching.checkpointMonths.map { _ in "" }
    }

    static func pairs(_ round: MatchingRound, explanations: _PairExplanations) -> String {
        let cohort = round.cohort, policy = cohort.policy
        let dates = checkpoints(policy)
        var csv = CSVWriter(
            header: [
                "mentee_id", "mentee_name", "mentee_email", "mentor_id", "mentor_name", "mentor_email",
                "score", "rank_for_mentee",
            ] + policy.matching.checkpointMonths.map { "checkpoint_\($0)_months" } + ["reasons"],
            format: policy.output)
        for (pair, explanation) in zip(round.pairs, explanations.all) {
            let mentee = cohort.mentees[pair.mentee], mentor = cohort.mentors[pair.mentor]
            csv.append(
                [
                    mentee.id.rawValue, mentee.name, mentee.email, mentor.id.rawValue, mentor.name, mentor.email,
                    PointsFormat.string(units: Int64(pair.units), resolution: policy.resolution), String(pair.rank),
                ] + dates + [reasons(explanation, policy: policy)])
        }
        return csv.text
    }

    /// The goals met by name and the mentee's order, then each other
    /// factor's evidence as the explanation words it; a criterion by its
    /// label and the values behind it.
    static func reasons(_ explanation: PairExplanation, policy: Policy) -> String {
        var reasons: [String] = []
        if !explanation.goalMatches.isEmpty {
            reasons.append(
                "goals met: " + explanation.goalMatches.map { "\($0.goal) (#\($0.rank))" }.joined(separator: ", "))
        }
        for part in explanation.parts where part.factor != .goals {
            guard let index = part.criterion else {
                reasons.append(part.detail)
                continue
            }
            guard !policy.criteria[index].isPrivate else { continue }
            reasons.append(
                part.evidence.isEmpty ? part.name : "\(part.name) (\(part.evidence.joined(separator: ", ")))")
        }
        return reasons.joined(separator: "; ")
    }

    static func unmatched(_ round: MatchingRound) -> String {
        let cohort = round.cohort
        var csv = CSVWriter(header: ["role", "id", "name", "email", "reason", "detail"], format: cohort.policy.output)
        for entry in round.unmatched {
            let mentee = cohort.mentees[entry.mentee]
            csv.append([
                "mentee", mentee.id.rawValue, mentee.name, mentee.email, entry.reason.code, entry.reason.sentence,
            ])
        }
        for (mentor, free) in round.freePlaces {
            let person = cohort.mentors[mentor]
            csv.append([
                "mentor", person.id.rawValue, person.name, person.email, "free-places",
                "\(free) of \(round.places[mentor]) places free",
            ])
        }
        return csv.text
    }
}
