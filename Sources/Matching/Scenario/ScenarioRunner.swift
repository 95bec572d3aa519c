import Diagnostics
import _TandemUtilities

/// Runs what-if scenarios against a baseline round: the cohort is loaded and
/// validated once, and each scenario's round starts from the baseline's
/// answer and potentials, so only what a change moves is solved again.
/// Every scenario's round is solved exactly and certified on its own: the
/// start changes the work, never the answer's value.
///
/// ```swift
/// let runner = try await ScenarioRunner(RoundSpec(loaded: CohortLoader.load(sources)))
/// var scenario = Scenario(name: "without M12")
/// scenario.withdrawn = ["M12"]
/// let round = try await runner.run(scenario)
/// print(round.pairs.count - runner.baseline.pairs.count)
/// ```
public struct ScenarioRunner: Sendable {
    /// The round of the inputs as given, as specified.
    public let base: RoundSpec
    /// Its certified answer.
    public let baseline: MatchingRound
    /// The scenarios file: where problems found while running a scenario
    /// (a pinned pair a rule forbids) are located, at the scenario's line.
    public var scenarioFile: String?

    /// Runs the baseline round of `base`.
    ///
    /// - Throws: `InputDiagnostics` when the round cannot be run.
    public init(_ base: RoundSpec, scenarioFile: String? = nil) async throws(InputDiagnostics) {
        self.init(base, baseline: try await base.run(), scenarioFile: scenarioFile)
    }

    /// A runner whose baseline round has been run already.
    public init(_ base: RoundSpec, baseline: MatchingRound, scenarioFile: String? = nil) {
        self.base = base
        self.baseline = baseline
        self.scenarioFile = scenarioFile
    }

    /// The scenario's round, solved and certified.
    ///
    /// - Throws: `InputDiagnostics` with every problem of the scenario (a
    ///   policy under which the files no longer load, a pin a rule forbids
    ///   or beyond a mentor's places), each message naming the scenario.
    public func run(_ scenario: Scenario) async throws(InputDiagnostics) -> MatchingRound {
        try await run(scenario, detailed: true)
    }

    /// The scenario's round; without `detailed`, only its pairs and their
    /// scores (see ``RoundSpec/scoresOnly``).
    func run(_ scenario: Scenario, detailed: Bool) async throws(InputDiagnostics) -> MatchingRound {
        do {
            var spec = try spec(for: scenario)
            spec.scoresOnly = !detailed
            return try await spec.solve(scored(spec, scenario))
        } catch {
            throw located(error, scenario)
        }
    }

    /// Runs every scenario, `width` at a time, handing each round to `body`
    /// (which keeps what it needs of it), and returns `body`'s results in
    /// the scenarios' order.
    ///
    /// - Throws: `InputDiagnostics` with the problems of every scenario that
    ///   could not be run.
    public func runAll<Kept: Sendable>(
        _ scenarios: [Scenario], width: Int, step: String = "solving the variants",
        _ body: @escaping @Sendable (Scenario, MatchingRound) async -> Kept
    ) async throws(InputDiagnostics) -> [Kept] {
        try await runAll(scenarios, width: width, step: step, detailed: true, body)
    }

    /// ``runAll(_:width:step:_:)``; without `detailed`, each round has only
    /// its pairs and their scores (see ``RoundSpec/scoresOnly``).
    func runAll<Kept: Sendable>(
        _ scenarios: [Scenario], width: Int, step: String, detailed: Bool,
        _ body: @escaping @Sendable (Scenario, MatchingRound) async -> Kept
    ) async throws(InputDiagnostics) -> [Kept] {
        // The variants run side by side: each reports nothing of its own
        // steps, and the whole reports one unit per variant done.
        ProgressReporter.begin(step, total: scenarios.count, unit: "variants")
        let results = await withTaskGroup(of: (Int, Result<Kept, InputDiagnostics>).self) { group in
            var results = [Result<Kept, InputDiagnostics>?](repeating: nil, count: scenarios.count)
            var next = 0
            func start() {
                guard next < scenarios.count else { return }
                let (position, scenario) = (next, scenarios[next])
                next += 1
                group.addTask {
                    await ProgressReporter.$current.withValue(nil) {
                        do throws(InputDiagnostics) {
                            return (
                                position, .success(await body(scenario, try await run(scenario, detailed: detailed)))
                            )
                        } catch {
                            return (position, .failure(error))
                        }
                    }
                }
            }
            for _ in 0..<max(1, width) { start() }
            for await (position, result) in group {
                results[position] = result
                ProgressReporter.advance(by: 1)
                start()
            }
            return results.map { $0! }
        }
        var diagnostics = InputDiagnostics()
        var kept: [Kept] = []
        for result in results {
            switch result {
            case .success(let value): kept.append(value)
            case .failure(let problems): diagnostics.append(contentsOf: problems)
            }
        }
        guard !diagnostics.hasErrors else { throw diagnostics }
        return kept
    }

    /// The scenario as a round specification: the baseline's with the
    /// scenario's policy (the files loaded again when it reads them
    /// differently), withdrawals and capacities, its pins as locks and its
    /// forbidden pairs as the coordinator's exclusions, started from the
    /// baseline's answer and potentials.
    public func spec(for scenario: Scenario) throws(InputDiagnostics) -> RoundSpec {
        var spec = base
        // A runner's parts score the files' cohort; a scenario scoring its own runs its passes here (one
        // changing only capacities shares the baseline's scores, and their runner, through `scored`).
        spec.passes = nil
        if let policy = scenario.policy, !spec.cohort.readsSignups(like: policy) {
            let reloaded = try CohortLoader.load(spec.cohort.sources, policy: policy)
            spec.cohort = reloaded.cohort
            spec.loaded = (reloaded.warnings, reloaded.columns)
        }
        let withdrawn = Set(scenario.withdrawn)
        if !withdrawn.isEmpty || !scenario.capacities.isEmpty {
            spec.cohort = try spec.cohort.withdrawing(withdrawn, capacities: scenario.capacities)
            let stays = { (pair: Pairing) in !withdrawn.contains(pair.mentee) && !withdrawn.contains(pair.mentor) }
            spec.locks = spec.locks.filter(stays)
            spec.pending = spec.pending.filter(stays)
            spec.earlierPairs = spec.earlierPairs.filter(stays)
            spec.exclusions = spec.exclusions.filter { stays(Pairing(mentee: $0.mentee, mentor: $0.mentor)) }
        }
        spec.policy = scenario.policy ?? base.policy
        spec.locks += scenario.pins
        spec.exclusions += scenario.forbidden.map {
            PairExclusion(mentee: $0.mentee, mentor: $0.mentor, reason: .coordinator)
        }
        spec.warmStart = baseline.result
        spec.startingPotentials = baseline.potentials
        spec.earlierSolve = baseline.solved
        return spec
    }

    /// The scenario's cohort scored. Scores depend on the people, the pairs
    /// excluded and the policy's weights and rules, not on capacities or
    /// `[matching]`: a scenario changing only those keeps the baseline's
    /// scores (3,400 mentees and 1,600 mentors: scoring takes about half of
    /// a warm-started scenario's time).
    private func scored(_ spec: RoundSpec, _ scenario: Scenario) throws(InputDiagnostics) -> ScoredCohort {
        var unscored = spec.policy, scoredPolicy = baseline.cohort.policy
        unscored.matching = scoredPolicy.matching
        (unscored.name, unscored.letters, unscored.output) = (
            scoredPolicy.name, scoredPolicy.letters, scoredPolicy.output
        )
        guard scenario.withdrawn.isEmpty, scenario.forbidden.isEmpty, unscored == scoredPolicy else {
            return try spec.score()
        }
        // The baseline's cohort holds the round's exclusions and earlier
        // pairs, as its scores do.
        var cohort = baseline.cohort
        if !scenario.capacities.isEmpty { cohort = try cohort.withdrawing([], capacities: scenario.capacities) }
        if spec.policy != cohort.policy { cohort = try cohort.with(policy: spec.policy, addingExclusions: []) }
        return try baseline.check.rescoped(to: cohort)
    }

    /// The problems of a scenario, each naming it; those about the
    /// scenario's own changes (no file of their own) at its line.
    private func located(_ diagnostics: InputDiagnostics, _ scenario: Scenario) -> InputDiagnostics {
        let sources = base.cohort.sources
        let files = Set([sources.mentors, sources.mentees, sources.conflicts].compactMap { $0 })
        return InputDiagnostics(
            diagnostics.problems.map { problem in
                var problem = problem
                problem.message = "in the scenario \"\(scenario.name)\": \(problem.message)"
                if let scenarioFile, !files.contains(problem.location.file) {
                    problem.location = SourceLocation(file: scenarioFile, row: scenario.line)
                }
                return problem
            })
    }
}
