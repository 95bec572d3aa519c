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

        @OptionGroup var inputs: ComparedInputs

        @Option(help: ArgumentHelp("The scenarios to compare (TOML).", valueName: "file"))
        var scenarios: String?

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

        @Option(
            help: ArgumentHelp(
                "Run only shard I of N (from 0) of the scenarios and write a part for --merge; auto reads a Slurm job array's or a Kubernetes Indexed Job's index.",
                valueName: "I/N|auto"))
        var shard: String?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp(
                "Merge the parts the shards wrote (their folders) into the folder an unsharded run writes; no other inputs.",
                valueName: "part"))
        var merge: [String] = []

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if pricePlaces < 0 { throw ValidationError("--price-places must be 0 or more.") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
            if !merge.isEmpty {
                guard inputs.files.isEmpty, scenarios == nil, shard == nil else {
                    throw ValidationError(
                        "--merge reads only the parts and --out; the inputs, --scenarios and --shard were given to the shards."
                    )
                }
                return
            }
            try SignupOptions.validate(signups: inputs.signups, mentors: inputs.mentors, mentees: inputs.mentees)
            if scenarios == nil { throw ValidationError("Give --scenarios FILE (or --merge PARTS…).") }
        }

        func run() async throws {
            if !merge.isEmpty { return try mergeParts() }
            let scenarios = self.scenarios ?? ""
            do {
                try OutputFolder.check(out, outputs: .comparison, inputs: inputs.files + [scenarios])
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let plan: ShardPlan?
            do {
                plan = try shard.map { text throws(ShardError) in
                    text == "auto"
                        ? try ShardPlan(environment: ProcessInfo.processInfo.environment)
                        : try ShardPlan(parsing: text)
                }
            } catch {
                throw ErrorReporter.fail("--shard", error.description)
            }
            let width = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            let clock = ContinuousClock()
            let start = clock.now
            let writeRounds = rounds
            let (runner, file, results, prices) = try await TerminalProgress.watch(
                enabled: !quiet && isatty(STDERR_FILENO) == 1
            ) {
                ProgressReporter.begin("reading the sign-ups and solving the baseline")
                let runner: ScenarioRunner, file: ScenarioFile.Loaded
                do {
                    let loaded = try CohortLoader.load(inputs.sources)
                    file = try ScenarioFile.load(path: scenarios, baseline: loaded.cohort)
                    runner = try await ScenarioRunner(RoundSpec(loaded: loaded), scenarioFile: scenarios)
                } catch {
                    throw ErrorReporter.fail(error)
                }
                let baseline = runner.baseline
                let owned = file.scenarios.filter { plan?.owns($0.name) ?? true }
                let results: [(outcome: ScenarioOutcome, files: [(path: String, data: Data)])]
                var prices: Prices?
                do {
                    results = try await runner.runAll(owned, width: width) { scenario, round in
                        let outcome = ScenarioOutcome(scenario, round: round, baseline: baseline)
                        guard writeRounds else { return (outcome, []) }
                        return (
                            outcome,
                            await RoundOutputs.files(round).map { ("rounds/\(scenario.name)/" + $0.path, $0.data) }
                        )
                    }
                    if plan?.ownsPrices ?? true {
                        prices = try await Prices.compute(
                            runner, mentors: pricePlaces, rules: !noRulePrices, width: width)
                    }
                } catch {
                    throw ErrorReporter.fail(error)
                }
                return (runner, file, results, prices)
            }
            if !quiet {
                // A comparison's folder is the same whether sharded or not, so
                // the cohort's warnings are tandem validate's to list.
                ErrorReporter.summarise(runner.baseline.check.warnings, fullList: "the output of tandem validate --all")
            }
            let baseline = runner.baseline
            let comparison = Comparison(
                inputs: Comparison.inputs(of: baseline.cohort, scenarioFile: file),
                baseline: ScenarioOutcome(baseline: baseline), scenarios: results.map(\.outcome), prices: prices)
            var files: [(path: String, data: Data)]
            if let plan {
                let part = ComparisonPart(
                    shard: plan, scenarioNames: file.scenarios.map(\.name), rounds: writeRounds,
                    policy: baseline.cohort.policy, comparison: comparison)
                files = [(Self.partFile, ComparisonOutputs.json(part))]
            } else {
                files = ComparisonOutputs.files(comparison, policy: baseline.cohort.policy)
            }
            if writeRounds {
                if plan?.ownsBaselineRound ?? true {
                    files += await RoundOutputs.files(baseline).map { ("rounds/baseline/" + $0.path, $0.data) }
                }
                files += results.flatMap(\.files)
            }
            do {
                _ = try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
            }
            if !quiet {
                if let plan {
                    print(
                        "shard \(plan): \(results.count) of \(file.scenarios.count) scenarios\(plan.ownsPrices ? " and the prices" : ""); part written to \(out)/\(Self.partFile) for tandem compare --merge"
                    )
                } else {
                    print(Self.summary(comparison, folder: out))
                }
                print(String(format: "timings:     %.3f s in all", (clock.now - start).seconds))
            }
            let certified = comparison.baseline.optimal && comparison.scenarios.allSatisfy(\.optimal)
            if !certified { throw ExitCode(2) }
        }

        /// What a shard writes for the merge.
        static let partFile = "comparison-part.json"

        /// `--merge`: the shards' parts checked and joined into the folder an
        /// unsharded run writes, byte for byte.
        private func mergeParts() throws {
            do {
                try OutputFolder.check(out, outputs: .comparison, inputs: merge)
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            var parts: [(name: String, part: ComparisonPart)] = []
            var diagnostics = InputDiagnostics()
            for folder in merge {
                let path = folder.hasSuffix(".json") ? folder : folder + "/" + Self.partFile
                do {
                    parts.append(
                        (folder, try ComparisonOutputs.part(from: Data(contentsOf: URL(fileURLWithPath: path)))))
                } catch {
                    diagnostics.error(
                        SourceLocation(file: path),
                        "is not a part of tandem compare --shard (\(error.localizedDescription)); give the folders the shards wrote."
                    )
                }
            }
            guard !diagnostics.hasErrors else { throw ErrorReporter.fail(diagnostics) }
            let merged: ComparisonPart
            do {
                merged = try ComparisonPart.merge(parts)
            } catch {
                throw ErrorReporter.fail("--merge", error.description)
            }
            var files = ComparisonOutputs.files(merged.comparison, policy: merged.reportPolicy)
            if merged.rounds {
                var seen: [String: String] = [:]
                for (folder, _) in parts where !folder.hasSuffix(".json") {
                    for (path, data) in try Self.files(under: folder + "/rounds") {
                        if let other = seen[path] {
                            throw ErrorReporter.fail(
                                "--merge",
                                "rounds/\(path) is in two parts (\(other) and \(folder)); merge one run's parts.")
                        }
                        seen[path] = folder
                        files.append(("rounds/" + path, data))
                    }
                }
                files.sort { $0.path < $1.path }
            }
            do {
                _ = try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
            }
            if !quiet {
                print("merged:      \(parts.count) parts, \(merged.comparison.scenarios.count) scenarios")
                print(Self.summary(merged.comparison, folder: out))
            }
        }

        /// Every file under `folder`, by path relative to it.
        private static func files(under folder: String) throws -> [(String, Data)] {
            let root = URL(fileURLWithPath: folder)
            guard
                let enumerator = FileManager.default.enumerator(
                    at: root, includingPropertiesForKeys: [.isRegularFileKey])
            else { return [] }
            var files: [(String, Data)] = []
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                files.append((relative, try Data(contentsOf: url)))
            }
            return files
        }

        /// A few lines for the terminal: each scenario's headline against the baseline.
        static func summary(_ comparison: Comparison, folder: String) -> String {
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
            return lines.joined(separator: "\n")
        }
    }
}
