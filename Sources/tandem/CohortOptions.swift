import ArgumentParser
import Matching

/// The input files of a round, shared by `validate`, `score` and `match`.
struct CohortOptions: ParsableArguments {
    @OptionGroup var signupFiles: SignupOptions

    @Option(
        help: ArgumentHelp(
            "Declared conflicts of interest: a CSV with person, other and kind columns.",
            discussion:
                "kind is person, organisation, personal-relationship or line-management; other is a person's id or email, or an organisation's name.",
            valueName: "file"))
    var conflicts: String?

    @Option(
        help: ArgumentHelp(
            "The scheme's policy (TOML): weights, hard rules, taxonomy, column names. Defaults apply to everything it leaves out.",
            valueName: "file"))
    var policy: String?

    var sources: Cohort.Sources {
        let (signups, mentors, mentees) = (signupFiles.signups, signupFiles.mentors, signupFiles.mentees)
        if let signups { return Cohort.Sources(signups: signups, conflicts: conflicts, policy: policy) }
        // validate() has checked that both are given.
        return Cohort.Sources(mentors: mentors ?? "", mentees: mentees ?? "", conflicts: conflicts, policy: policy)
    }

    /// Every file the command reads.
    var files: [String] {
        [signupFiles.signups, signupFiles.mentors, signupFiles.mentees, conflicts, policy].compactMap { $0 }
    }
}
