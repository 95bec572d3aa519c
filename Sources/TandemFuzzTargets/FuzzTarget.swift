import AssignmentFiles
import Diagnostics
import Foundation
import Matching
import MatchingReports

/// One of Tandem's input readers, driven with arbitrary bytes the way the
/// command line drives it: the fuzzer in `Fuzz/` calls ``run(_:in:cohort:)``
/// for every input it makes, and the tests call it for every input that once
/// broke Tandem (`Tests/FuzzRegressions/`), so both exercise the same code.
///
/// An input may be accepted or refused with errors; what must never happen is
/// a crash, a hang or memory out of proportion to the input, and a refusal
/// must point at the input file.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The policy file of `tandem validate` and `tandem match`.
    case policy
    /// The mentors' sign-up CSV.
    case mentors
    /// The mentees' sign-up CSV.
    case mentees
    /// The conflicts CSV.
    case conflicts
    /// A `.npy` matrix for `tandem solve`.
    case npy
    /// A numeric CSV matrix for `tandem solve`.
    case csvMatrix = "csv-matrix"

    /// What became of one input.
    public enum Outcome: Sendable {
        /// Read and run to the end: every output was produced.
        case accepted
        /// Refused, with the problems Tandem would print.
        case refused(InputDiagnostics)
    }

    /// The name of the file an input is written to: readers choose their
    /// format by extension.
    public var fileName: String {
        switch self {
        case .policy: "policy.toml"
        case .mentors: "mentors.csv"
        case .mentees: "mentees.csv"
        case .conflicts: "conflicts.csv"
        case .npy: "matrix.npy"
        case .csvMatrix: "matrix.csv"
        }
    }

    /// Runs one input.
    ///
    /// - Parameters:
    ///   - bytes: The input, written to `folder/` ``fileName`` first (the
    ///     readers take paths, as the command line gives them).
    ///   - folder: A folder of the caller's for that file.
    ///   - cohort: A folder with a valid `mentors.csv`, `mentees.csv`,
    ///     `conflicts.csv` and `policy.toml`: the inputs this target does not
    ///     replace (`datasets/small`).
    /// - Returns: Whether the input was accepted or refused.
    public func run(_ bytes: [UInt8], in folder: String, cohort: String) async -> Outcome {
        let input = folder + "/" + fileName
        // A folder that cannot be written is the caller's mistake, not a finding.
        precondition(FileManager.default.createFile(atPath: input, contents: Data(bytes)), "cannot write \(input)")
        do {
            switch self {
            case .npy, .csvMatrix:
                let matrix = try MatrixFile.load(path: input)
                let outcome = try MatrixSolve.run(consume matrix, options: MatrixSolve.Options(), path: input)
                _ = SolveReport.text(outcome, loadSeconds: 0)
            case .policy, .mentors, .mentees, .conflicts:
                var sources = Cohort.Sources(
                    mentors: cohort + "/mentors.csv", mentees: cohort + "/mentees.csv",
                    conflicts: cohort + "/conflicts.csv", policy: cohort + "/policy.toml")
                switch self {
                case .policy: sources.policy = input
                case .mentors: sources.mentors = input
                case .mentees: sources.mentees = input
                default: sources.conflicts = input
                }
                // What `tandem match` does, the output folder included (file
                // names come from ids).
                let round = await MatchingRound.run(try ScoredCohort.run(sources))
                let files = await RoundOutputs.files(round)
                do {
                    try AtomicDirectory.write(files, to: folder + "/round")
                } catch {
                    return .refused(
                        InputDiagnostics([.error(SourceLocation(file: folder + "/round"), "\(error)")]))
                }
            }
            return .accepted
        } catch {
            return .refused(error)
        }
    }
}
