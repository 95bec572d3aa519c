import ArgumentParser
import Matching
import MatchingReports

extension Tandem {
    /// `tandem score`: a mentee's best eligible mentors, with every score explained.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a mentee's best eligible mentors and the reasons for each score.",
            discussion: """
                Scores are the policy's points: goal–skill matches (by the mentee's priority and \
                the mentor's level), seniority gap, region, language and organisation, each \
                listed with its evidence, adding up exactly to the score. With --mentor, explains \
                that one pair, including the rules that forbid it.

                Example:
                  tandem score --mentors datasets/small/mentors.csv \\
                    --mentees datasets/small/mentees.csv \\
                    --conflicts datasets/small/conflicts.csv \\
                    --policy datasets/small/policy.toml --mentee E201
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Option(help: ArgumentHelp("The mentee, by id or email.", valueName: "id"))
        var mentee: String

        @Option(
            help: ArgumentHelp(
                "Explain the pair with this mentor (id or email) instead of listing the best.", valueName: "id"))
        var mentor: String?

        @Option(help: "How many mentors to list.")
        var top = 5

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func validate() throws {
            guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        }

        func run() throws {
            let check: ScoredCohort
            do { check = try ScoredCohort.run(inputs.sources) } catch { throw ErrorReporter.fail(error) }
            guard let menteeIndex = check.cohort.menteeIndex(named: mentee) else {
                throw ValidationError("No mentee has the id or email \"\(mentee)\" in \(inputs.sources.mentees).")
            }
            let ranking: MenteeRanking
            if let mentor {
                guard let mentorIndex = check.cohort.mentorIndex(named: mentor) else {
                    throw ValidationError("No mentor has the id or email \"\(mentor)\" in \(inputs.sources.mentors).")
                }
                ranking = MenteeRanking(check, mentee: menteeIndex, onlyMentor: mentorIndex)
            } else {
                ranking = MenteeRanking(check, mentee: menteeIndex, top: top)
            }
            print(json ? ranking.json() : ranking.text())
        }
    }
}
