import Assignment
import Diagnostics
import _TandemUtilities

/// A cohort loaded and scored, with every warning: what `tandem validate`
/// and `tandem score` show and every round starts from. Scoring adds the
/// warnings only scores can tell (mentees whom every mentor is forbidden to).
public struct ScoredCohort: Sendable {
    public internal(set) var model: ScoringModel
    /// Every pair's score, read through the one score interface: stored, or
    /// computed again for each pass (see ``ScoreStorage``).
    public let scores: any ScoreSource
    /// Every warning, sorted by file, row and column.
    public let warnings: [InputProblem]
    /// How many pairs the hard rules allow.
    public let allowedPairs: Int
    /// Mentees every mentor is forbidden to.
    public let strandedMentees: [Int]
    /// The largest magnitude of any score, allowed or not, found in the same
    /// pass (a coverage round's bonus is built on it; reading it here saves
    /// the solve a pass over every pair, 7 ms of 3,400 mentees' 0.08 s
    /// follow-up solve).
    public let largestScore: Int64
    /// Each person's best eligible pairs and each mentee's bound on the
    /// rest, kept by the same pass: where a round starts, and what spares
    /// its later passes most rows.
    let digest: _ScoreDigest
    /// Where the passes over every pair run when not here (see
    /// ``run(_:warnings:storage:passes:)``): shared by ``rescoped(to:)``'s
    /// cohorts, whose scores are the same.
    let passes: (any RowPassRunner)?
    /// Who scored these pairs: shared by the cohorts ``rescoped(to:)`` gives,
    /// so that a round may reuse another's work on the same scores.
    let origin = _ScoresOrigin()
    /// Which header of each sign-up file fed which field (empty for a
    /// cohort built in code).
    public var columns: [FileColumns] = []

    public var cohort: Cohort { model.cohort }
    /// Whether every pair's score is kept in memory (``ScoreMatrix``) rather
    /// than computed again for each pass (``StreamedScores``).
    public var scoresAreStored: Bool { scores is ScoreMatrix }

    /// Loads, validates and scores.
    ///
    /// - Throws: `InputDiagnostics` when an input has errors (nothing else
    ///   is computed then), or with one problem when scores cannot be exact.
    public static func run(
        _ sources: Cohort.Sources, storage: ScoreStorage = .automatic
    ) throws(InputDiagnostics) -> ScoredCohort {
        try run(CohortLoader.load(sources), storage: storage)
    }

    /// Scores an already loaded cohort.
    ///
    /// - Throws: `InputDiagnostics` with one problem when scores cannot be exact.
    public static func run(
        _ loaded: CohortLoader.Loaded, storage: ScoreStorage = .automatic
    ) throws(InputDiagnostics) -> ScoredCohort {
        var scored = try run(loaded.cohort, warnings: loaded.warnings, storage: storage)
        scored.columns = loaded.columns
        return scored
    }

    /// Scores a cohort (loaded, or built in code).
    ///
    /// - Parameters:
    ///   - cohort: The cohort, with its policy.
    ///   - loadWarnings: What loading its files found, kept with scoring's own.
    ///   - storage: Whether to keep every pair's score or stream them.
    ///   - passes: Where the passes over every pair run, when not here:
    ///     scoring's and pricing's passes then run as parts over blocks of
    ///     mentees (``RowPassRunner``), and the scores are streamed. The
    ///     runner's parts must score this very cohort.
    /// - Throws: `InputDiagnostics` with one problem when scores cannot be exact.
    public static func run(
        _ cohort: Cohort, warnings loadWarnings: [InputProblem] = [], storage: ScoreStorage = .automatic,
        passes: (any RowPassRunner)? = nil
    ) throws(InputDiagnostics) -> ScoredCohort {
        let sources = cohort.sources
        let model: ScoringModel
        do {
            model = try ScoringModel(cohort: cohort)
        } catch {
            throw InputDiagnostics([.error(SourceLocation(file: sources.policy ?? "policy"), error.description)])
        }
        if let problem = roundRangeProblem(model) {
            throw InputDiagnostics([.error(SourceLocation(file: sources.policy ?? "policy"), problem)])
        }
        let stores = passes == nil && storage.stores(mentees: cohort.mentees.count, mentors: cohort.mentors.count)
        ProgressReporter.begin("scoring every pair", total: cohort.mentees.count, unit: "mentees")
        let scores: any ScoreSource = stores ? model.scoreMatrix() : model.streamedScores()
        if stores {
            ProgressReporter.begin("listing each mentee's best mentors", total: cohort.mentees.count, unit: "mentees")
        }
        let cap = cohort.policy.matching.menteesPerMentor ?? .max
        let minimum = _RoundSolver.units(cohort.policy).minimum
        var pass = _ScoringPass(places: cohort.mentors.map { min($0.capacity, cap) }, minimum: minimum)
        if let passes = passes ?? _ThreadedPasses.local(for: scores) {
            pass = passes.scoringPass(pass, mentees: scores.mentees, mentors: scores.mentors)
        } else {
            scores.forEachRow { pass.add($0) }
        }
        let stranded = pass.stranded
        var warnings = InputDiagnostics(loadWarnings)
        for index in stranded {
            let mentee = model.cohort.mentees[index]
            warnings.warning(
                SourceLocation(file: sources.mentees, row: mentee.row),
                "the mentee \"\(mentee.id)\" has no eligible mentor\(obstacleClause(model, mentee: index)).")
        }
        return ScoredCohort(
            model: model, scores: scores, warnings: warnings.sorted, allowedPairs: pass.allowedPairs,
            strandedMentees: stranded, largestScore: Int64(pass.largest), digest: pass.digest.finish(minimum: minimum),
            passes: passes)
    }

    /// Why the round's values could not be summed exactly, if they could not:
    /// the solver proves its sums fit in 64 bits only for values up to
    /// `Int64.largestSafeMagnitude(rows:columns:)`, and a coverage round adds
    /// a bonus of about 2n × the largest value to every pair (see
    /// `_RoundSolver.coverageBonus`). Far beyond any real policy (scores of
    /// 10⁶ units and 100,000 people fit), but a policy may ask for it.
    static func roundRangeProblem(_ model: ScoringModel, keeping: Bool = false) -> String? {
        let policy = model.cohort.policy
        let mentees = model.cohort.mentees.count
        let cap = policy.matching.menteesPerMentor ?? .max
        let places = model.cohort.mentors.map { min($0.capacity, cap) }
        let placeCount = places.reduce(0, +)
        let (discount, minimum) = _RoundSolver.units(policy)
        // Exact in `Int64`: at most 2³⁰ + 1,000 × 10⁶ + |minimum| (bounded by the policy's checks).
        let largest =
            Double(model.scoreBound) + Double(places.max() ?? 0) * Double(discount) + Double(abs(minimum ?? 0))
        let pairs = Double(min(mentees, placeCount))
        // A pair's value is at most its scaled score plus the offset and the keep bonus.
        let terms = _RoundSolver.objectiveTerms(
            policy.matching.objective, largest: largest, pairs: pairs, minimum: Double(abs(minimum ?? 0)),
            keeping: keeping)
        let value =
            policy.matching.objective == .coverage || keeping
            ? abs(terms.offset) + terms.scale * largest + terms.keepBonus : largest
        // Either orientation, and a column per place: rows and columns are at most mentees + places.
        let side = mentees + max(placeCount, model.cohort.mentors.count)
        let limit = Int64.largestSafeMagnitude(rows: side, columns: side)
        guard value > limit else { return nil }
        return
            "the round's values could reach \(Int64(min(value, 9e18))) units, more than the solver can sum exactly for "
            + "\(mentees) mentees and \(placeCount) places (\(Int64(limit))); use a coarser resolution, smaller weights or a smaller slot discount."
    }

    /// The hard rule that excludes the most mentors for `mentee`, with the
    /// criterion's label when it is a criterion's, if any mentor exists.
    public func mainObstacle(mentee: Int) -> (rule: PairExplanation.HardRule, criterion: String?)? {
        Self.topObstacle(model, mentee: mentee).map { top in
            (top.rule, top.criterion.map { model.cohort.policy.criteria[$0].label })
        }
    }

    /// ": <rule> (N of M mentors)" for the rule that excludes the most mentors.
    private static func obstacleClause(_ model: ScoringModel, mentee: Int) -> String {
        let mentors = model.cohort.mentors.count
        guard mentors > 0 else { return ": there are no mentors" }
        guard let top = topObstacle(model, mentee: mentee) else { return "" }
        let name = top.criterion.map { "the criterion \"\(model.cohort.policy.criteria[$0].label)\"" }
        return "; the rule excluding the most mentors: \(name ?? top.rule.rawValue) (\(top.mentors) of \(mentors))"
    }

    /// The rule excluding the most mentors and how many it excludes (each
    /// criterion's rule counted on its own); equal counts go to the rule
    /// listed first in ``PairExplanation/HardRule``, then the first criterion.
    private static func topObstacle(
        _ model: ScoringModel, mentee: Int
    ) -> (rule: PairExplanation.HardRule, criterion: Int?, mentors: Int)? {
        struct Obstacle: Hashable, Comparable {
            var rule: PairExplanation.HardRule
            var criterion: Int
            static func < (a: Obstacle, b: Obstacle) -> Bool { (a.rule, a.criterion) < (b.rule, b.criterion) }
        }
        var counts: [Obstacle: Int] = [:]
        for mentor in model.cohort.mentors.indices {
            let obstacles = Set(
                model.explain(mentee: mentee, mentor: mentor).forbiddenBecause.map {
                    Obstacle(rule: $0.rule, criterion: $0.criterion ?? -1)
                })
            for obstacle in obstacles { counts[obstacle, default: 0] += 1 }
        }
        return counts.min(by: { ($1.value, $0.key) < ($0.value, $1.key) }).map {
            ($0.key.rule, $0.key.criterion < 0 ? nil : $0.key.criterion, $0.value)
        }
    }
}

/// The identity of one scoring of a cohort (see ``ScoredCohort``).
final class _ScoresOrigin: Sendable {}

extension ScoredCohort {
    /// These scores for `cohort`: the same people with other capacities or
    /// another `[matching]` section, which change no score.
    ///
    /// - Throws: `InputDiagnostics` when the round's sums would not be exact
    ///   under the new `[matching]`.
    func rescoped(to cohort: Cohort) throws(InputDiagnostics) -> ScoredCohort {
        var rescoped = self
        rescoped.model.cohort = cohort
        if let problem = Self.roundRangeProblem(rescoped.model) {
            throw InputDiagnostics([.error(SourceLocation(file: cohort.sources.policy ?? "policy"), problem)])
        }
        return rescoped
    }
}
