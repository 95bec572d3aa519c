import Matching

/// `pairs.csv` and `unmatched.csv`.
enum _RoundTables {
    /// Checkpoint dates of the policy's months after its start date, or empty cells.
    static func checkpoints(_ policy: Policy) -> [String] {
        policy.checkpointDates?.map(\.description) ?? policy.matching.checkpointMonths.map { _ in "" }
    }

    static func pairs(_ round: MatchingRound) -> String {
        let cohort = round.cohort, policy = cohort.policy
        let dates = checkpoints(policy)
        var csv = CSVWriter(
            header: [
                "mentee_id", "mentee_name", "mentee_email", "mentor_id", "mentor_name", "mentor_email",
                "score", "rank_for_mentee",
            ] + policy.matching.checkpointMonths.map { "checkpoint_\($0)_months" })
        for pair in round.pairs {
            let mentee = cohort.mentees[pair.mentee], mentor = cohort.mentors[pair.mentor]
            csv.append(
                [
                    mentee.id.rawValue, mentee.name, mentee.email, mentor.id.rawValue, mentor.name, mentor.email,
                    PointsFormat.string(units: Int64(pair.units), resolution: policy.resolution), String(pair.rank),
                ] + dates)
        }
        return csv.text
    }

    static func unmatched(_ round: MatchingRound) -> String {
        let cohort = round.cohort
        var csv = CSVWriter(header: ["role", "id", "name", "email", "reason", "detail"])
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
