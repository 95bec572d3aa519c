/// The first steps of the help examples of a round's life (`publish`,
/// `respond`, `end`, `rematch`): the sample round recorded in a ledger,
/// published, then answered. Each command's example goes on from there.
enum RoundLifeExample {
    /// The sample round matched into `scheme.sqlite` and published.
    static let published = """
          tandem match --mentors datasets/sample/mentors.csv \\
            --mentees datasets/sample/mentees.csv \\
            --conflicts datasets/sample/conflicts.csv \\
            --policy datasets/sample/policy.toml --out round --ledger scheme.sqlite \\
            && tandem publish --ledger scheme.sqlite --out letters.csv
        """

    /// Then the sample's responses recorded.
    static let answered =
        published + """
             \\
                && tandem respond --ledger scheme.sqlite datasets/sample/responses.csv
            """
}
