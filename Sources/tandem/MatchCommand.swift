import ArgumentParser
import Diagnostics
import Foundation
import Matching
import MatchingHistory
import MatchingReports
import _TandemUtilities

extension ScoreStorage: ExpressibleByArgument {}
extension LetterLayout: ExpressibleByArgument {}

extension Tandem {
    /// `tandem match`: the whole round, from sign-ups to proposals and reports.
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a matching round: validate, score, solve, certify, and write the proposals and reports.",
            discussion: """
                Stops with the validation report (exit 1) and writes nothing when an input has \
                errors. Otherwise writes DIR atomically — pairs.csv, unmatched.csv, report.md, \
                report.html, round.json and letters/ — and prints the headline figures. The \
                policy's [matching] section chooses the objective (coverage or quality), a \
                minimum score, a fairness floor, load spreading and a cap on mentees per mentor. \
                Exit code 2 means the optimality certificate failed (never expected).

                Example:
                  tandem match --mentors datasets/small/mentors.csv \\
                    --mentees datasets/small/mentees.csv \\
                    --conflicts datasets/small/conflicts.csv \\
                    --policy datasets/small/policy.toml --out round
                """
        )

        @OptionGroup var inputs: CohortOptions

        @Option(
            help: ArgumentHelp(
                "The folder to write; an earlier round there is replaced as a whole, a folder holding anything else is refused.",
                valueName: "dir"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "Record the round as a draft in this ledger (started if missing); tandem publish then sends it. The policy's [history] says whether earlier pairs may be proposed again.",
                valueName: "file"))
        var ledger: String?

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The round's name in the ledger (default: the policy's name).", valueName: "name"))
        var roundName: String?

        @Option(
            help: ArgumentHelp(
                "Keep every pair's score in memory (stored), or compute them again for each pass over them (streamed): auto stores up to 1 GiB of scores.",
                valueName: "auto|stored|streamed"))
        var scores = ScoreStorage.automatic

        @Option(
            help: ArgumentHelp(
                "A file per letter (files), or one letters/mail-merge.csv for the whole round: auto writes files up to 2,000 recipients.",
                valueName: "auto|files|mail-merge"))
        var letters = LetterLayout.automatic

        @Option(
            help: ArgumentHelp(
                "Also write the round's final candidate graph to this file in the DIMACS assignment format (p asn), for other solvers or tandem solve.",
                valueName: "file"))
        var exportCandidates: String?

        @Option(
            help: ArgumentHelp(
                "Run scoring's and pricing's passes over every pair as N separate processes, each over a block of mentees, merged in order: a simulation of a cluster's array jobs, with the same answer.",
                discussion:
                    "Each process loads the cohort from the same files; the summary's passes: lines give each pass's time and its slowest part's. Not with --ledger or --scores stored.",
                valueName: "N"))
        var passProcesses: Int?

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if roundName != nil && ledger == nil {
                throw ValidationError("--round names a round in a ledger; add --ledger FILE.")
            }
            if let passProcesses {
                guard (1...256).contains(passProcesses) else {
                    throw ValidationError("--pass-processes must be from 1 to 256, not \(passProcesses).")
                }
                guard ledger == nil else {
                    throw ValidationError(
                        "--pass-processes runs the passes from the files alone; a ledger's earlier pairs change the scores. Run without --ledger."
                    )
                }
                guard scores != .stored else {
                    throw ValidationError("--pass-processes streams the scores; leave out --scores stored.")
                }
            }
        }

        @Flag(help: "Print a machine-readable summary (round.json) on standard output.")
        var json = false

        func run() async throws {
            let inputFiles = inputs.files
            do {
                try OutputFolder.check(out, outputs: .round, inputs: inputFiles)
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            if let exportCandidates, let refusal = CandidateExport.refusal(exportCandidates) {
                throw ErrorReporter.fail(exportCandidates, refusal)
            }
            let showProgress = !quiet && isatty(STDERR_FILENO) == 1
            let ledgerFile = try ledger.map { try Ledger.opened($0, creating: true) }
            let passes = try passProcesses.map { try PassProcesses(processes: $0, inputArguments: inputs.arguments) }
            defer { passes?.finish() }
            let clock = ContinuousClock()
            let start = clock.now
            let (round, prices, files, scored, solved, recorded, leftovers) = try await TerminalProgress.watch(
                enabled: showProgress
            ) {
                ProgressReporter.begin("reading the sign-ups")
                let spec: RoundSpec, check: ScoredCohort
                do {
                    spec = try roundSpec(ledgerFile, passes: passes)
                    passes?.expect(spec.cohort.sources.digests)
                    check = try spec.score()
                } catch { throw ErrorReporter.fail(error) }
                let scored = clock.now
                let round: MatchingRound
                do { round = try await spec.solve(check) } catch { throw ErrorReporter.fail(error) }
                let solved = clock.now
                let prices: Prices
                do {
                    prices = try await Prices.compute(
                        ScenarioRunner(spec, baseline: round), mentors: Self.pricedMentors, rules: false,
                        width: ProcessInfo.processInfo.activeProcessorCount)
                } catch { throw ErrorReporter.fail(error) }
                ProgressReporter.begin("writing the reports and letters")
                let files = await RoundOutputs.files(round, prices: prices, letters: letters)
                // The ledger first: a draft nobody was told of is harmless if the
                // folder then cannot be written, and the next run replaces it.
                var recorded: Ledger.Recorded?
                if let ledgerFile { recorded = try await record(round, in: ledgerFile) }
                let leftovers: Int
                do {
                    leftovers = try AtomicDirectory.write(files, to: out)
                } catch {
                    throw ErrorReporter.fail(out, "cannot write the outputs: \(error.localizedDescription)")
                }
                if let exportCandidates {
                    ProgressReporter.begin("writing the candidate graph")
                    do {
                        try CandidateExport.write(round, to: exportCandidates)
                    } catch {
                        throw ErrorReporter.fail(exportCandidates, "cannot be written: \(error.localizedDescription)")
                    }
                }
                return (round, prices, files, scored, solved, recorded, leftovers)
            }
            if !quiet && !json {
                ErrorReporter.summarise(round.check.warnings, fullList: out + "/" + RoundOutputs.warningsPath)
            }
            if leftovers > 0 && !quiet {
                let folders = leftovers == 1 ? "folder" : "folders"
                FileHandle.standardError.write(
                    Data(
                        "\(out): removed \(leftovers) hidden \(folders) an interrupted earlier run left beside it.\n"
                            .utf8))
            }
            if json {
                FileHandle.standardOutput.write(files.first { $0.path == "round.json" }!.data)
            } else if !quiet {
                print(RoundOutputs.summary(round, folder: out))
                if let recorded, let ledger {
                    let replaced = recorded.replacedDraft ? " (replacing the earlier draft)" : ""
                    print(
                        "ledger:      round \"\(recorded.round.name)\" recorded as a draft in \(ledger)\(replaced); tandem publish --ledger \(ledger) sends it"
                    )
                }
                if let chase = Self.chase(prices) { print(chase) }
                print(Self.effort(round, scoring: scored - start, solving: solved - scored))
                if let passes { print(passes.summary()) }
            }
            if !round.certificate.isOptimal { throw ExitCode(2) }
        }

        /// How many fully booked mentors the report prices one more place for.
        static let pricedMentors = 3

        /// The `chase:` line: the mentor whose one more place would help
        /// most, and how many mentees are unmatched; `nil` with neither.
        static func chase(_ prices: Prices) -> String? {
            let best = prices.places.first(where: \.isWorthAsking)
            var parts: [String] = []
            if let best {
                let matched = best.matched > 0 ? "\(best.matched) more matched, " : ""
                let points = best.points.hasPrefix("-") ? "−" + best.points.dropFirst() : "+" + best.points
                parts.append("ask \(best.mentor) for one more place (\(matched)\(points) points)")
            }
            if !prices.unplaced.isEmpty {
                parts.append("\(prices.unplaced.count) unmatched mentee\(prices.unplaced.count == 1 ? "" : "s")")
            }
            guard !parts.isEmpty else { return nil }
            return "chase:       " + parts.joined(separator: "; ") + " (report.html: Who to chase)"
        }

        /// The `timings:` and `solver:` lines of a round's summary.
        static func effort(_ round: MatchingRound, scoring: Duration, solving: Duration) -> String {
            String(
                format: "timings:     load+score %.3f s, solve %.3f s, certify+explain %.3f s\n", scoring.seconds,
                round.solveDuration.seconds, (solving - round.solveDuration).seconds)
                + "solver:      \(round.effort.sparseSolves) sparse solves, the last over \(round.effort.candidatePairs) candidate pairs"
        }

        /// The round as the files and, with a ledger, the scheme's history
        /// give it: earlier pairs forbidden, penalised or allowed as the
        /// policy says.
        private func roundSpec(_ ledger: Ledger?, passes: PassProcesses?) throws(InputDiagnostics) -> RoundSpec {
            var spec = try RoundSpec(loaded: CohortLoader.load(inputs.sources))
            spec.scoreStorage = scores
            spec.passes = passes
            if let ledger {
                do {
                    spec.earlierPairs = try ledger.earlierPairs(in: spec.cohort)
                } catch {
                    throw InputDiagnostics([.error(SourceLocation(file: error.path), error.message)])
                }
            }
            return spec
        }

        /// Records the round as a draft: its proposals and letters.
        private func record(_ round: MatchingRound, in ledger: Ledger) async throws -> Ledger.Recorded {
            let record = RoundRecord(
                name: roundName ?? round.cohort.policy.name, date: .today, round: round,
                letters: await RoundLetters.letters(round))
            do {
                return try ledger.recordDraft(record)
            } catch {
                throw ErrorReporter.fail(error)
            }
        }
    }
}
