import Matching

/// What `tandem validate` prints when the inputs are usable.
public enum CohortSummary {
    /// A few lines: who was read, how many places, how many pairs are allowed,
    /// and how many warnings were printed.
    public static func text(_ check: ScoredCohort) -> String {
        let cohort = check.cohort, sources = cohort.sources
        let places = cohort.mentors.reduce(0) { $0 + $1.capacity }
        let pairs = cohort.mentees.count * cohort.mentors.count
        let forbidden = pairs - check.allowedPairs
        let stranded = check.strandedMentees.count
        var lines = [
            "mentors:   \(cohort.mentors.count) in \(sources.mentors), \(places) places",
            "mentees:   \(cohort.mentees.count) in \(sources.mentees)",
        ]
        if let conflicts = sources.conflicts { lines.append("conflicts: \(conflicts)") }
        lines.append("policy:    \(sources.policy ?? "defaults") (\"\(cohort.policy.name)\")")
        lines.append(
            "topics:    \(cohort.taxonomy.topics.count)\(cohort.taxonomy.isClosed ? " (the policy's taxonomy)" : " (as written in the sign-ups)")"
        )
        let share = pairs == 0 ? 0 : Double(pairs - forbidden) / Double(pairs) * 100
        lines.append(
            "pairs:     \(pairs - forbidden) of \(pairs) allowed (\(percent(share)) %); \(stranded) mentee\(stranded == 1 ? "" : "s") with no eligible mentor"
        )
        for file in check.columns {
            lines.append("")
            lines.append("\(file.role.plural) read from \(file.file):")
            let width = file.used.map(\.field.count).max() ?? 0
            for use in file.used {
                let headers = use.headers.map { "\"\($0)\"" }.joined(separator: " + ")
                lines.append(
                    "  \(use.field)\(String(repeating: " ", count: width - use.field.count))  \(headers) (\(use.source.rawValue))"
                )
            }
            if !file.unread.isEmpty {
                lines.append("  not read: \(file.unread.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        }
        if !check.columns.isEmpty { lines.append("") }
        let warnings = check.warnings.count
        lines.append(
            "result:    no errors, \(warnings) warning\(warnings == 1 ? "" : "s")\(warnings > 0 ? " (on standard error)" : "")"
        )
        return lines.joined(separator: "\n")
    }

    private static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
