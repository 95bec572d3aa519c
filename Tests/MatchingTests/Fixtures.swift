import Foundation
import Matching

/// Paths to the committed datasets, wherever the tests run from.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The hand-checked civil-service cohort in `datasets/small/`.
    static var small: Cohort.Sources {
        Cohort.Sources(mentors: path("datasets/small/mentors.csv"), mentees: path("datasets/small/mentees.csv"),
                       conflicts: path("datasets/small/conflicts.csv"), policy: path("datasets/small/policy.toml"))
    }

    /// A cohort from CSV and TOML text held in memory.
    static func cohort(policy: String, mentors: String, mentees: String, conflicts: String? = nil) throws -> CohortLoader.Loaded {
        try CohortLoader.build(
            policy: try PolicyLoader.parse(policy, path: "policy.toml"),
            mentors: try CSVTable.parse(Data(mentors.utf8), path: "mentors.csv"),
            mentees: try CSVTable.parse(Data(mentees.utf8), path: "mentees.csv"),
            conflicts: try conflicts.map { try CSVTable.parse(Data($0.utf8), path: "conflicts.csv") },
            sources: Cohort.Sources(mentors: "mentors.csv", mentees: "mentees.csv", conflicts: conflicts.map { _ in "conflicts.csv" }))
    }
}
