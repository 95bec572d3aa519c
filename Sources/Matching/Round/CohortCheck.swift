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
        let matrix = model.scoreMatrix()
        var warnings = InputDiagnostics(loaded.warnings)
        for (index, mentee) in model.cohort.mentees.enumerated() where matrix.forbidden.allowedCount(inRow: index) == 0 {
            warnings.warning(SourceLocation(file: sources.mentees, row: mentee.row),
                             "the mentee \"\(mentee.id)\" has no eligible mentor\(obstacleClause(model, mentee: index)).")
        }
        return CohortCheck(model: model, matrix: matrix, warnings: warnings.sorted)
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
