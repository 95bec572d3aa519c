import AssignmentFiles
import Diagnostics
import Foundation
import Matching
import MatchingHistory
import MatchingReports

/// One of Tandem's input readers, driven with arbitrary bytes the way the
/// command line drives it: the fuzzer in `Fuzz/` calls ``run(_:in:fixtures:)``
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
    /// A sparse problem for `tandem solve`: a DIMACS assignment file, or a
    /// `row,column,cost` CSV file.
    case sparse
    /// The mentors' sign-up CSV under a policy with a criterion of every
    /// kind (`datasets/forms/every-criterion`).
    case criteriaMentors = "criteria-mentors"
    /// The mentees' sign-up CSV under that policy.
    case criteriaMentees = "criteria-mentees"
    /// The responses CSV of `tandem respond`, answering the published round
    /// of `datasets/sample` in a ledger.
    case responses
    /// The review outcomes CSV of `tandem checkpoint`, about the pairs of
    /// that round accepted in `datasets/sample/responses.csv`.
    case checkpoints
    /// The scenarios file of `tandem compare`, against the round of
    /// `datasets/small`; the first scenarios it holds are run.
    case scenarios

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
        case .mentors, .criteriaMentors: "mentors.csv"
        case .mentees, .criteriaMentees: "mentees.csv"
        case .conflicts: "conflicts.csv"
        case .npy: "matrix.npy"
        case .csvMatrix: "matrix.csv"
        case .sparse: "problem.txt"
        case .responses: "responses.csv"
        case .checkpoints: "checkpoints.csv"
        case .scenarios: "scenarios.toml"
        }
    }

    /// The folder under `datasets/` of the round the target's input joins.
    public var fixturesFolder: String {
        switch self {
        case .criteriaMentors, .criteriaMentees: "forms/every-criterion"
        case .responses, .checkpoints: "sample"
        default: "small"
        }
    }

    /// The valid inputs a target does not replace: `mentors.csv`,
    /// `mentees.csv`, `conflicts.csv` and `policy.toml` in one folder
    /// (`datasets/small`), the policy parsed once.
    ///
    /// Parsing the policy for every input would measure TOMLKit, not Tandem:
    /// each parse leaks about 14 KB (LebJe/TOMLKit#26), which over 50,000
    /// inputs took a fuzzing run past a gigabyte.
    public struct Fixtures: Sendable {
        /// The folder holding the four files.
        public let folder: String
        let policy: Policy

        /// Loads the policy of the folder's round.
        ///
        /// - Throws: `InputDiagnostics` when it is not valid.
        public init(folder: String) throws(InputDiagnostics) {
            self.folder = folder
            self.policy = try PolicyLoader.load(path: folder + "/policy.toml")
        }
    }

    /// Runs one input.
    ///
    /// - Parameters:
    ///   - bytes: The input, written to `folder/` ``fileName`` first (the
    ///     readers take paths, as the command line gives them).
    ///   - folder: A folder of the caller's for that file and the round's outputs.
    ///   - fixtures: The round's other inputs.
    /// - Returns: Whether the input was accepted or refused.
    public func run(_ bytes: [UInt8], in folder: String, fixtures: Fixtures) async -> Outcome {
        let input = folder + "/" + fileName
        // A folder that cannot be written is the caller's mistake, not a finding.
        precondition(FileManager.default.createFile(atPath: input, contents: Data(bytes)), "cannot write \(input)")
        do {
            switch self {
            case .npy, .csvMatrix:
                let matrix = try MatrixFile.load(path: input)
                let outcome = try MatrixSolve.run(consume matrix, options: MatrixSolve.Options(), path: input)
                _ = SolveReport.text(outcome, loadSeconds: 0)
            case .sparse:
                let problem = try SparseMatrixFile.load(path: input)
                var options = MatrixSolve.Options()
                // Half the inputs let rows stay unassigned, so infeasible
                // ones are solved too.
                options.unassignedValue = bytes.count % 2 == 0 ? nil : 0
                let outcome = try MatrixSolve.run(problem, options: options, path: input)
                _ = SolveReport.json(outcome, loadSeconds: 0)
            case .policy:
                let fixed = fixtures.folder
                let sources = Cohort.Sources(
                    mentors: fixed + "/mentors.csv", mentees: fixed + "/mentees.csv",
                    conflicts: fixed + "/conflicts.csv", policy: input)
                try await round(CohortLoader.load(sources), in: folder)
            case .mentors, .mentees, .conflicts, .criteriaMentors, .criteriaMentees:
                func table(_ target: FuzzTarget) throws(InputDiagnostics) -> CSVTable {
                    try CSVTable.load(
                        path: fileName == target.fileName ? input : fixtures.folder + "/" + target.fileName)
                }
                let mentors = try table(.mentors), mentees = try table(.mentees), conflicts = try table(.conflicts)
                let sources = Cohort.Sources(
                    mentors: mentors.path, mentees: mentees.path, conflicts: conflicts.path,
                    policy: fixtures.folder + "/policy.toml")
                try await round(
                    CohortLoader.build(
                        policy: fixtures.policy, mentors: mentors, mentees: mentees, conflicts: conflicts,
                        sources: sources),
                    in: folder)
            case .responses:
                try await inLedger(in: folder, fixtures: fixtures, answered: false) { ledger, day in
                    _ = try ledger.recordResponses(file: input, round: nil, today: day)
                }
            case .checkpoints:
                try await inLedger(in: folder, fixtures: fixtures, answered: true) { ledger, day in
                    _ = try ledger.recordCheckpoints(file: input, round: nil, today: day)
                }
            case .scenarios:
                try await compare(input, fixtures: fixtures)
            }
            return .accepted
        } catch {
            return .refused(error)
        }
    }

    /// What `tandem compare` does with a scenarios file: read it against
    /// the fixtures' cohort and run its first three scenarios and their
    /// comparison. The cohort is built from the parsed policy, without its
    /// file (overrides are laid over the defaults then), so no input parses
    /// the fixtures' policy again.
    private func compare(_ input: String, fixtures: Fixtures) async throws(InputDiagnostics) {
        let fixed = fixtures.folder
        let tables = try [FuzzTarget.mentors, .mentees, .conflicts].map { target throws(InputDiagnostics) in
            try CSVTable.load(path: fixed + "/" + target.fileName)
        }
        let loaded = try CohortLoader.build(
            policy: fixtures.policy, mentors: tables[0], mentees: tables[1], conflicts: tables[2],
            sources: Cohort.Sources(mentors: tables[0].path, mentees: tables[1].path, conflicts: tables[2].path))
        let file = try ScenarioFile.load(path: input, baseline: loaded.cohort)
        let runner = try await ScenarioRunner(RoundSpec(loaded: loaded), scenarioFile: input)
        let baseline = runner.baseline
        let outcomes = try await runner.runAll(Array(file.scenarios.prefix(3)), width: 1) { scenario, round in
            ScenarioOutcome(scenario, round: round, baseline: baseline)
        }
        let comparison = Comparison(
            inputs: Comparison.inputs(of: loaded.cohort, scenarioFile: file),
            baseline: ScenarioOutcome(baseline: baseline), scenarios: outcomes, prices: nil)
        _ = ComparisonOutputs.files(comparison, policy: loaded.cohort.policy)
    }

    /// Runs `body` (what `tandem respond` or `tandem checkpoint` does with
    /// the input) against a ledger holding the fixtures' round, published
    /// and, if `answered`, answered by its `responses.csv`: a copy made
    /// afresh for each input of one made once per folder, so every input
    /// meets the same state.
    private func inLedger(
        in folder: String, fixtures: Fixtures, answered: Bool,
        _ body: (Ledger, CalendarDate) throws -> Void
    ) async throws(InputDiagnostics) {
        let base = folder + (answered ? "/answered.sqlite" : "/published.sqlite")
        let ledgerPath = folder + "/ledger.sqlite"
        let day = CalendarDate(year: 2027, month: 3, day: 1)!
        do {
            if !FileManager.default.fileExists(atPath: base) {
                try? FileManager.default.removeItem(atPath: base + ".new")
                try await publishedLedger(at: base + ".new", fixtures: fixtures, on: day)
                if answered {
                    _ = try Ledger(path: base + ".new", creating: false).recordResponses(
                        file: fixtures.folder + "/responses.csv", round: nil, today: day)
                }
                try FileManager.default.moveItem(atPath: base + ".new", toPath: base)
            }
            try? FileManager.default.removeItem(atPath: ledgerPath)
            try FileManager.default.copyItem(atPath: base, toPath: ledgerPath)
            try body(try Ledger(path: ledgerPath, creating: false), day)
        } catch let problems as InputDiagnostics {
            throw problems
        } catch {
            // The ledger and the fixtures are the target's own: a failure there is a finding.
            preconditionFailure("the ledger failed: \(error)")
        }
    }

    /// The fixtures' round recorded in a new ledger and published.
    private func publishedLedger(at path: String, fixtures: Fixtures, on day: CalendarDate) async throws {
        let fixed = fixtures.folder
        let sources = Cohort.Sources(
            mentors: fixed + "/mentors.csv", mentees: fixed + "/mentees.csv", conflicts: fixed + "/conflicts.csv",
            policy: fixed + "/policy.toml")
        let round = await MatchingRound.run(try ScoredCohort.run(sources))
        let ledger = try Ledger(path: path, creating: true)
        _ = try ledger.recordDraft(RoundRecord(name: "fuzz", date: day, round: round, letters: []))
        _ = try ledger.publish(roundNamed: nil, on: day, mailMergeTo: path + ".letters.csv")
    }

    /// What `tandem match` does with a loaded cohort, the output folder
    /// included (its file names come from ids).
    private func round(_ loaded: CohortLoader.Loaded, in folder: String) async throws(InputDiagnostics) {
        let round = await MatchingRound.run(try ScoredCohort.run(loaded))
        let files = await RoundOutputs.files(round)
        do {
            try AtomicDirectory.write(files, to: folder + "/round")
        } catch {
            throw InputDiagnostics([.error(SourceLocation(file: folder + "/round"), "\(error)")])
        }
    }
}
