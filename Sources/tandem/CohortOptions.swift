import ArgumentParser
import Matching

/// The input files of a round, shared by `validate`, `score` and `match`.
struct CohortOptions: ParsableArguments {
    static let conflictsHelp = ArgumentHelp(
        "Declared conflicts of interest: a CSV with person, other and kind columns.",
        discussion:
            "kind is person, organisation, personal-relationship or line-management; other is a person's id or email, or an organisation's name.",
        valueName: "file")
    static let policyHelp = ArgumentHelp(
        "The scheme's policy (TOML): weights, hard rules, taxonomy, column names. Defaults apply to everything it leaves out.",
        valueName: "file")

    @OptionGroup var signupFiles: SignupOptions

    @Option(help: conflictsHelp)
    var conflicts: String?

    @Option(help: policyHelp)
    var policy: String?

    var sources: Cohort.Sources {
        Self.sources(
            signups: signupFiles.signups, mentors: signupFiles.mentors, mentees: signupFiles.mentees,
            conflicts: conflicts, policy: policy)
    }

    /// The options as another `tandem` process is given them.
    var arguments: [String] {
        signupFiles.argumentList + (conflicts.map { ["--conflicts", $0] } ?? [])
            + (policy.map { ["--policy", $0] } ?? [])
    }

    /// Every file the command reads.
    var files: [String] {
        [signupFiles.signups, signupFiles.mentors, signupFiles.mentees, conflicts, policy].compactMap { $0 }
    }

    /// The files as a cohort's sources (after `SignupOptions.validate`).
    static func sources(
        signups: String?, mentors: String?, mentees: String?, conflicts: String?, policy: String?
    ) -> Cohort.Sources {
        if let signups { return Cohort.Sources(signups: signups, conflicts: conflicts, policy: policy) }
        return Cohort.Sources(mentors: mentors ?? "", mentees: mentees ?? "", conflicts: conflicts, policy: policy)
    }
}

/// The input files of `tandem compare`: a round's, except that merging
/// shards' parts reads none of them.
struct ComparedInputs: ParsableArguments {
    @Option(help: SignupOptions.mentorsHelp) var mentors: String?
    @Option(help: SignupOptions.menteesHelp) var mentees: String?
    @Option(help: SignupOptions.signupsHelp) var signups: String?
    @Option(help: CohortOptions.conflictsHelp) var conflicts: String?
    @Option(help: CohortOptions.policyHelp) var policy: String?

    var sources: Cohort.Sources {
        CohortOptions.sources(
            signups: signups, mentors: mentors, mentees: mentees, conflicts: conflicts, policy: policy)
    }

    /// Every file given.
    var files: [String] { [signups, mentors, mentees, conflicts, policy].compactMap { $0 } }
}
