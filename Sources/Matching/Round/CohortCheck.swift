import Diagnostics

/// `tandem validate` and `tandem score` start here: load the inputs, score
/// the cohort, and add the warnings only scores can tell (mentees whom every
/// mentor is forbidden to).
public struct CohortCheck: Sendable {
    public let model: ScoringModel
    public let matrix: ScoreMatrix
    /// Every warning, sorted by file, row and column.
    public let warnings: [InputProblem]

    public var cohort: Cohort { model.cohort }

    /// Loads, validates and scores.
    ///
    /// - Throws: ``InputDiagnostics`` when an input has errors (nothing else
    ///   is computed then), or with one problem when scores cannot be exact.
    public static func run(_ sources: Cohort.Sources) throws(InputDiagnostics) -> CohortCheck {
        try run(CohortLoader.load(sources))
    }

    /// Scores an already loaded cohort.
    ///
    /// - Throws: ``InputDiagnostics`` with one problem when scores cannot be exact.
    public static func run(_ loaded: CohortLoader.Loaded) throws(InputDiagnostics) -> CohortCheck {
        let sources = loaded.cohort.sources
        let model: ScoringModel
        do {
            model = try ScoringModel(cohort: loaded.cohort)
        } catch {
            throw InputDiagnostics([.error(SourceLocation(file: sources.policy ?? "policy"), error.description)])
        }
        if let problem = roundRangeProblem(model) {
            throw InputDiagnostics([.error(SourceLocation(file: sources.policy ?? "policy"), problem)])
        }
        let matrix = model.scoreMatrix()
        var warnings = InputDiagnostics(loaded.warnings)
        for (index, mentee) in model.cohort.mentees.enumerated() where matrix.forbidden.allowedCount(inRow: index) == 0 {
            warnings.warning(SourceLocation(file: sources.mentees, row: mentee.row),
                             "the mentee \"\(mentee.id)\" has no eligible mentor\(obstacleClause(model, mentee: index)).")
        }
        return CohortCheck(model: model, matrix: matrix, warnings: warnings.sorted)
    }

    /// Why the round's values could not be held exactly, if they could not:
    /// the solver proves its sums fit in 64 bits only for values up to
    /// `Int64.max / (16 × (rows + columns + 2))`, the certificate's sums are
    /// exact in `Double` only below 2⁵³, and a coverage round adds
    /// a bonus of (2n + 1) × the largest value to every pair (see
    /// `_RoundSolver`). Far beyond any real policy (scores of 10⁶ units and
    /// 100,000 people fit), but a policy may ask for it.
    private static func roundRangeProblem(_ model: ScoringModel) -> String? {
        let policy = model.cohort.policy
        let mentees = model.cohort.mentees.count
        let cap = policy.matching.menteesPerMentor ?? .max
        let places = model.cohort.mentors.map { min($0.capacity, cap) }
        let placeCount = Double(places.reduce(0, +))
        let discount = (policy.matching.slotDiscount / policy.resolution).rounded()
        let minimum = abs((policy.matching.minimumScore ?? 0) / policy.resolution).rounded()
        let largest = Double(model.scoreBound) + Double(places.max() ?? 0) * discount + minimum
        let n = min(Double(mentees), placeCount)
        // A pair's value is at most the bonus plus the largest score.
        let value = policy.matching.objective == .coverage ? (2 * n + 2) * largest + 1 : largest
        // The certificate sums n values in `Double`, exact below 2⁵³.
        let limit = min(Double(Int64.max) / (16 * (Double(mentees + model.cohort.mentors.count) + placeCount + 2)),
                        9.007e15 / max(n, 1))
        guard value > limit else { return nil }
        return "the round's values could reach \(Int64(min(value, 9e18))) units, more than the solver can sum exactly for "
            + "\(mentees) mentees and \(Int(placeCount)) places (\(Int64(limit))); use a coarser resolution, smaller weights or a smaller slot discount."
    }

    /// The hard rule that excludes the most mentors for `mentee`, if any mentor exists.
    public func mainObstacle(mentee: Int) -> PairExplanation.HardRule? {
        Self.topObstacle(model, mentee: mentee)?.rule
    }

    /// ": <rule> (N of M mentors)" for the rule that excludes the most mentors.
    private static func obstacleClause(_ model: ScoringModel, mentee: Int) -> String {
        let mentors = model.cohort.mentors.count
        guard mentors > 0 else { return ": there are no mentors" }
        guard let top = topObstacle(model, mentee: mentee) else { return "" }
        return "; the rule excluding the most mentors: \(top.rule.rawValue) (\(top.mentors) of \(mentors))"
    }

    /// The rule excluding the most mentors and how many it excludes; equal
    /// counts go to the rule listed first in ``PairExplanation/HardRule``.
    private static func topObstacle(_ model: ScoringModel, mentee: Int) -> (rule: PairExplanation.HardRule, mentors: Int)? {
        var counts: [PairExplanation.HardRule: Int] = [:]
        for mentor in model.cohort.mentors.indices {
            for exclusion in model.explain(mentee: mentee, mentor: mentor).forbiddenBecause { counts[exclusion.rule, default: 0] += 1 }
        }
        return counts.min(by: { ($1.value, $0.key) < ($0.value, $1.key) }).map { ($0.key, $0.value) }
    }
}
