import ArgumentParser

/// The sign-up files of a round: two files, or one with a role column.
/// Shared by `init` and, through ``CohortOptions``, by `validate`, `score`
/// and `match`.
struct SignupOptions: ParsableArguments {
    static let mentorsHelp = ArgumentHelp("The mentors' sign-up CSV.", valueName: "file")
    static let menteesHelp = ArgumentHelp("The mentees' sign-up CSV.", valueName: "file")
    static let signupsHelp = ArgumentHelp(
        "One sign-up CSV for everybody, instead of --mentors and --mentees.",
        discussion:
            "Its role column (a header \"role\", or the one that names both mentor and mentee, or [columns] role in the policy) says who is a mentor, a mentee or both; [roles] in the policy lists the answers.",
        valueName: "file")

    @Option(help: mentorsHelp)
    var mentors: String?

    @Option(help: menteesHelp)
    var mentees: String?

    @Option(help: signupsHelp)
    var signups: String?

    func validate() throws { try Self.validate(signups: signups, mentors: mentors, mentees: mentees) }

    /// One sign-up file, or both: what every command reading a cohort needs.
    static func validate(signups: String?, mentors: String?, mentees: String?) throws {
        switch (signups, mentors, mentees) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("Give --signups, or --mentors and --mentees, not both.")
        default:
            throw ValidationError(
                "Give --mentors and --mentees (two sign-up files), or --signups (one file with a role column).")
        }
    }

    /// The options as typed: `--signups FILE` or `--mentors M --mentees E`.
    var arguments: String { argumentList.joined(separator: " ") }

    /// The same, one argument each, as another `tandem` process is given them.
    var argumentList: [String] {
        signups.map { ["--signups", $0] } ?? ["--mentors", mentors ?? "", "--mentees", mentees ?? ""]
    }
}
