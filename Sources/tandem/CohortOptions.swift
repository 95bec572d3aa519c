import ArgumentParser
import Matching

/// The input files of a round, shared by `validate`, `score` and `match`.
struct CohortOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The mentors' sign-up CSV.", valueName: "file"))
    var mentors: String?

    @Option(help: ArgumentHelp("The mentees' sign-up CSV.", valueName: "file"))
    var mentees: String?

    @Option(
        help: ArgumentHelp(
            "One sign-up CSV for everybody, instead of --mentors and --mentees.",
            discussion:
                "Its role column (a header \"role\", or the one that names both mentor and mentee, or [columns] role in the policy) says who is a mentor, a mentee or both; [roles] in the policy lists the answers.",
            valueName: "file"))
    var signups: String?

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

    func validate() throws {
        switch (signups, mentors, mentees) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("Give --signups, or --mentors and --mentees, not both.")
        default:
            throw ValidationError(
                "Give --mentors and --mentees (two sign-up files), or --signups (one file with a role column).")
        }
    }

    var sources: Cohort.Sources {
        if let signups { return Cohort.Sources(signups: signups, conflicts: conflicts, policy: policy) }
        // validate() has checked that both are given.
        return Cohort.Sources(mentors: mentors ?? "", mentees: mentees ?? "", conflicts: conflicts, policy: policy)
    }

    /// Every file the command reads.
    var files: [String] { [signups, mentors, mentees, conflicts, policy].compactMap { $0 } }
}
