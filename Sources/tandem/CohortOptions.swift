import ArgumentParser
import Matching

/// The input files of a round, shared by `validate`, `score` and `match`.
struct CohortOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The mentors' sign-up CSV.", valueName: "file"))
    var mentors: String

    @Option(help: ArgumentHelp("The mentees' sign-up CSV.", valueName: "file"))
    var mentees: String

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
        Cohort.Sources(mentors: mentors, mentees: mentees, conflicts: conflicts, policy: policy)
    }
}
