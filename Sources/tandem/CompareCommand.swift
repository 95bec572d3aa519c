import ArgumentParser
import Diagnostics
import Foundation
import Matching
import MatchingReports
import _TandemUtilities

extension Tandem {
    /// `tandem compare`: what-if scenarios side by side, and the prices of a round's constraints.
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare what-if scenarios with the round as given, each solved exactly and certified.",
            discussion: """
                Runs the baseline (the inputs as given) and every scenario of the scenarios file \
                (TOML): [[scenario]] tables with a name and any of [scenario.policy] (policy keys, \
                written as in a policy file), drop = ["M12"] (people withdrawn), capacity = \
                { M3 = 5 }, pin = [["E4", "M7"]] (pairs that must be made) and forbid = [["E9", \
                "M2"]]; and [[sweep]] tables with a name, a policy key and values, each value a \
                scenario of its own (NAME=VALUE). Each scenario starts from the baseline's answer \
                and re-uses its scores where the change leaves them alone. Writes DIR \
                atomically: comparison.html and comparison.md (one column per scenario, \
                regressions marked, coverage against total score; the value of one more place \
                for the mentors where it helps most, the price of each hard rule and of the \
                fairness floor, and what would place each unmatched mentee), comparison.csv and \
                comparison.json. --rounds also writes each scenario's round folder under \
                DIR/rounds/NAME/. Exit code 2 means a certificate failed (never expected).

                Example:
                  tandem compare --mentors datasets/sample/mentors.csv \\
                    --mentees datasets/sample/mentees.csv \\
                    --conflicts datasets/sample/conflicts.csv \\
                    --policy datasets/sample/policy.toml \\
                    --scenarios datasets/sample/scenarios.toml --out what-if
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Option(help: ArgumentHelp("The scenarios to compare (TOML).", valueName: "file"))
        var scenarios: String

        @Option(
            help: ArgumentHelp(
                "The folder to write; an earlier comparison there is replaced as a whole, a folder holding anything else is refused.",
                valueName: "dir"))
        var out: String

        @Flag(help: "Also write each scenario's full round folder under DIR/rounds/NAME/.")
        var rounds = false

        @Option(
            name: .customLong("price-places"),
            help: ArgumentHelp(
                "How many fully booked mentors to price one more place for (0: none).", valueName: "count"))
        var pricePlaces = 5

        @Flag(name: .customLong("no-rule-prices"), help: "Do not price the policy's hard rules and fairness floor.")
        var noRulePrices = false

        @Option(help: ArgumentHelp("How many rounds to solve at once (default: the cores).", valueName: "count"))
        var jobs: Int?

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if pricePlaces < 0 { throw ValidationError("--price-places must be 0 or more.") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        }

        func run() async throws {
            do {
                try OutputFolder.check(out, outputs: .comparison, inputs: inputs.files + [scenarios])
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let width = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            let clock = ContinuousClock()
            let start = clock.now
            let runner: ScenarioRunner, file: ScenarioFile.Loaded
            do {
                let loaded = try CohortLoader.load(inputs.sources)
                file = try ScenarioFile.load(path: scenarios, baseline: loaded.cohort)
                runner = try await ScenarioRunner(RoundSpec(loaded: loaded), scenarioFile: scenarios)
            } catch {
                throw ErrorReporter.fail(error)
            }
            if !quiet { ErrorReporter.print(runner.baseline.check.warnings) }
            let baseline = runner.baseline
            let writeRounds = rounds
            let results: [(outcome: ScenarioOutcome, files: [(path: String, data: Data)])]
            let prices: Prices
            do {
                results = try await runner.runAll(file.scenarios, width: width) { scenario, round in
                    let outcome = ScenarioOutcome(scenario, round: round, baseline: baseline)
                    guard writeRounds else { return (outcome, []) }
                    return (
                        outcome, await RoundOutputs.files(round).map { ("rounds/\(scenario.name)/" + $0.path, $0.data) }
                    )
                }
                prices = try await Prices.compute(runner, mentors: pricePlaces, rules: !noRulePrices, width: width)
            } catch {
                throw ErrorReporter.fail(error)
            }
            let comparison = Comparison(
                inputs: Comparison.inputs(of: baseline.cohort, scenarioFile: file),
                baseline: ScenarioOutcome(baseline: baseline), scenarios: results.map(\.outcome), prices: prices)
            var files = ComparisonOutputs.files(comparison, policy: baseline.cohort.policy)
            if writeRounds {
                files += await RoundOutputs.files(baseline).map { ("rounds/baseline/" + $0.path, $0.data) }
                files += results.flatMap(\.files)
            }
            do {
                _ = try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
            }
            if !quiet { print(Self.summary(comparison, folder: out, seconds: (clock.now - start).seconds)) }
            let certified = comparison.baseline.optimal && comparison.scenarios.allSatisfy(\.optimal)
            if !certified { throw ExitCode(2) }
        }

        /// A few lines for the terminal: each scenario's headline against the baseline.
        static func summary(_ comparison: Comparison, folder: String, seconds: Double) -> String {
            let baseline = comparison.baseline
            var lines = [
                "baseline:    \(baseline.matched) of \(baseline.mentees) mentees matched, total \(baseline.totalScore)"
            ]
            let width = min(32, comparison.scenarios.map(\.name.count).max() ?? 0)
            for outcome in comparison.scenarios {
                let matched = outcome.matched - baseline.matched
                let points = PointsFormat.difference(outcome.totalScore, baseline.totalScore) ?? "?"
                let mark = outcome.isRegression(against: baseline) ? " ▼" : ""
                let name = outcome.name.padding(toLength: max(width, outcome.name.count), withPad: " ", startingAt: 0)
                lines.append(
                    "  \(name)  matched \(matched >= 0 ? "+" : "")\(matched), total \(points.hasPrefix("-") ? "" : "+")\(points), \(outcome.pairsChanged) pairs changed\(mark)"
                )
            }
            let certified = comparison.baseline.optimal && comparison.scenarios.allSatisfy(\.optimal)
            lines.append(
                "certificate: \(certified ? "every round optimal (verified)" : "FAILED for at least one round")")
            lines.append(
                "report:      \(folder)/comparison.html (also comparison.md, comparison.csv, comparison.json)")
            lines.append(String(format: "timings:     %.3f s in all", seconds))
            return lines.joined(separator: "\n")
        }
    }
}
