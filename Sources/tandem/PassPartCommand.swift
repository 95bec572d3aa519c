import ArgumentParser
import Diagnostics
import Foundation
import Matching
import _TandemUtilities

extension Tandem {
    /// `tandem pass-part`: one part of a round's pass over every pair, run
    /// by `tandem match --pass-processes` (or a cluster's array task) over a
    /// block of mentees; not for people to type.
    struct PassPart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pass-part",
            abstract: "Run one part of a round's pass over every pair (used by tandem match --pass-processes).",
            discussion: """
                Loads the cohort from the same files as the round (refusing a file whose SHA-256 is \
                not the one given), runs the job's pass over block I of N of the mentees, and writes the part atomically to --out; prints how long \
                loading and the pass took.
                """,
            shouldDisplay: false)

        @OptionGroup var inputs: CohortOptions

        @Option(help: ArgumentHelp("The pass, as the round wrote it.", valueName: "file"))
        var job: String

        @Option(help: ArgumentHelp("Which block of how many: I/N, I from 0.", valueName: "I/N"))
        var part: String

        @Option(help: ArgumentHelp("Where to write the part.", valueName: "file"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "An input file's SHA-256 as the round read it (repeated): a file that changed since is refused.",
                valueName: "path=sha256"))
        var sourceDigest: [String] = []

        func validate() throws {
            guard parsedPart != nil else {
                throw ValidationError("--part must be I/N with 0 ≤ I < N, not \"\(part)\".")
            }
        }

        private var parsedPart: (index: Int, count: Int)? {
            let fields = part.split(separator: "/", omittingEmptySubsequences: false)
            guard fields.count == 2, let index = Int(fields[0]), let count = Int(fields[1]), (0..<count).contains(index)
            else { return nil }
            return (index, count)
        }

        func run() throws {
            let clock = ContinuousClock(), start = clock.now
            let model: ScoringModel
            do {
                let cohort = try CohortLoader.load(inputs.sources).cohort
                for expected in sourceDigest {
                    let path = String(expected.prefix { $0 != "=" }), digest = expected.drop { $0 != "=" }.dropFirst()
                    if cohort.sources.digests[path] != String(digest) {
                        throw ErrorReporter.fail(path, "changed since the round read it; run the round again.")
                    }
                }
                model = try ScoringModel(cohort: cohort)
            } catch let error as ExitCode {
                throw error
            } catch let error as InputDiagnostics {
                throw ErrorReporter.fail(error)
            } catch {
                throw ErrorReporter.fail(inputs.sources.policy ?? "policy", "\(error)")
            }
            let passJob: RowPassJob
            do {
                passJob = try RowPassJob(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: job))))
            } catch let error as RowPassError {
                throw ErrorReporter.fail(job, error.description)
            } catch {
                throw ErrorReporter.fail(job, "cannot be read: \(error.localizedDescription)")
            }
            let loaded = clock.now
            let (index, count) = parsedPart!
            let bytes: [UInt8]
            do { bytes = try passJob.part(index, of: count, scores: model.streamedScores()) } catch {
                throw ErrorReporter.fail(job, error.description)
            }
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw ErrorReporter.fail(out, "cannot be written: \(error.localizedDescription)")
            }
            print(String(format: "load %.3f pass %.3f", (loaded - start).seconds, (clock.now - loaded).seconds))
        }
    }
}
