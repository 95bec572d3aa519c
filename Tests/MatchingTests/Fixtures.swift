import Foundation
import Matching
import TandemSynthetic
import TestSupport

/// Paths to the committed datasets, wherever the tests run from.
enum Fixtures {
    static func path(_ relative: String) -> String {
        datasetPath(String(relative.dropFirst("datasets/".count)))
    }

    /// The hand-checked civil-service cohort in `datasets/small/`.
    static var small: Cohort.Sources {
        Cohort.Sources(
            mentors: path("datasets/small/mentors.csv"), mentees: path("datasets/small/mentees.csv"),
            conflicts: path("datasets/small/conflicts.csv"), policy: path("datasets/small/policy.toml"))
    }

    /// A cohort from CSV and TOML text held in memory.
    static func cohort(
        policy: String, mentors: String, mentees: String, conflicts: String? = nil
    ) throws -> CohortLoader.Loaded {
        try CohortLoader.build(
            policy: try PolicyLoader.parse(policy, path: "policy.toml"),
            mentors: try CSVTable.parse(Data(mentors.utf8), path: "mentors.csv"),
            mentees: try CSVTable.parse(Data(mentees.utf8), path: "mentees.csv"),
            conflicts: try conflicts.map { try CSVTable.parse(Data($0.utf8), path: "conflicts.csv") },
            sources: Cohort.Sources(
                mentors: "mentors.csv", mentees: "mentees.csv", conflicts: conflicts.map { _ in "conflicts.csv" }))
    }

    /// The `[matching]` of the seed's kind of round, so that consecutive
    /// seeds cover both objectives, with and without a fairness floor, a
    /// slot discount and a minimum score.
    static func varyRound(_ policy: inout Policy, seed: UInt64) {
        policy.matching.objective = seed % 2 == 0 ? .coverage : .quality
        policy.matching.fairness = seed % 4 < 2 ? .none : .floor
        policy.matching.slotDiscount = seed % 3 == 0 ? 1.5 : 0
        policy.matching.minimumScore = seed % 5 == 0 ? 30 : nil
    }

    /// A generated cohort, loaded and scored under its own policy as `adjust` changes it.
    static func generated(
        mentees: Int, mentors: Int, topics: Int, seed: UInt64,
        adjust: (inout Policy) -> Void
    ) throws -> ScoredCohort {
        let files = CohortGenerator(mentees: mentees, mentors: mentors, topics: topics, seed: seed).generate()
        var policy = try PolicyLoader.parse(files.policy, path: "policy.toml")
        adjust(&policy)
        let loaded = try CohortLoader.build(
            policy: policy, mentors: CSVTable.parse(Data(files.mentors.utf8), path: "mentors.csv"),
            mentees: CSVTable.parse(Data(files.mentees.utf8), path: "mentees.csv"),
            conflicts: CSVTable.parse(Data(files.conflicts.utf8), path: "conflicts.csv"),
            sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: "conflicts.csv"))
        return try ScoredCohort.run(loaded)
    }
}
