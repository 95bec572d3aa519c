import Assignment
import Diagnostics
import _TandemUtilities

/// One matching round: the cohort scored, the assignment solved under the
/// policy's objective and certified optimal, and what each person gets.
///
/// ```swift
/// let round = try await MatchingRound.run(ScoredCohort.load(sources))
/// for pair in round.pairs { print(round.cohort.mentees[pair.mentee].id, round.cohort.mentors[pair.mentor].id) }
/// ```
public struct MatchingRound: Sendable {
    /// A proposed pair.
    public struct Pair: Sendable, Equatable {
        public var mentee: Int
        public var mentor: Int
        /// The pair's score in units of the policy's resolution.
        public var units: Int32
        /// The mentor's place in the mentee's own list of eligible mentors
        /// (1 = their best; equal scores share a rank).
        public var rank: Int
        /// Whether the round was asked to keep this pair (a lock).
        public var locked = false
    }

    /// A mentee left without a mentor, and why.
    public struct Unmatched: Sendable, Equatable {
        public var mentee: Int
        public var reason: UnmatchedReason
        /// The allowed mentor who scores highest with them (the first on
        /// ties), if any, and that score in units.
        public var bestAllowed: (mentor: Int, units: Int32)? {
            bestMentor.map { ($0, bestUnits) }
        }
        var bestMentor: Int?
        var bestUnits: Int32 = 0
    }

    /// How much work the solve took: sparse solves (with pricing in between,
    /// for the final objective) and the candidate pairs the last one saw.
    /// The same inputs always take the same work.
    public struct SolveEffort: Sendable, Equatable {
        public var sparseSolves = 0, candidatePairs = 0
    }

    public let check: ScoredCohort
    public var cohort: Cohort { check.cohort }
    /// Proposed pairs in mentee order.
    public let pairs: [Pair]
    public let unmatched: [Unmatched]
    /// Each mentor's places this round (capacity, capped by the policy).
    public let places: [Int]
    /// The fairness floor in units, when the policy asks for one and a pair was made.
    public let floorUnits: Int64?
    /// The policy's minimum score in units, if any.
    public let minimumUnits: Int64?
    /// The independent check of the final solve's optimality.
    public let certificate: OptimalityCertificate.Report
    /// Units added to every pair's score in the problem the certificate
    /// checks (its objectives count them): the coverage bonus, or minus the
    /// quality objective's minimum score.
    public let pairOffsetUnits: Int64
    /// Allowed pairs not proposed whose mentee and mentor would both rather be
    /// together than with what they got (a stability audit; scores are each
    /// side's preferences).
    public let blockingPairs: Int
    public let effort: SolveEffort
    /// How long the solve took, without the certificate and the answer's
    /// details (ranks, reasons, the stability audit); for timings, as it
    /// varies from run to run.
    public let solveDuration: Duration
    /// The certified answer's potentials, person by person: where a
    /// follow-up round's solve starts.
    public let potentials: RoundPotentials
    /// The final solve, with what its pricing learnt: where a variant of
    /// the round on the same scores starts.
    let solved: _EligiblePairs
    /// Each mentee's pairs in the last sparse solve.
    let finalCandidates: [[CandidatePair<Int64>]]

    /// The sparse problem the round's last solve answered: each mentee's
    /// candidate pairs (a row per mentee, a column per mentor — or per place
    /// when the policy discounts later places — valued as the certificate
    /// values them, ``pairOffsetUnits`` included), to maximise, every mentee
    /// free to stay unmatched at 0. Pricing proved no other pair could
    /// improve it, so its optimum is the round's (the certificate's primal
    /// objective): what `tandem match --export-candidates` writes for other
    /// solvers. `nil` for a round with locked pairs, which a plain assignment
    /// problem cannot state.
    public func candidateProblem() -> SparseAssignmentProblem<Int64>? {
        guard !pairs.contains(where: \.locked) else { return nil }
        let matrix = try! SparseCostMatrix(
            rows: finalCandidates.count, columns: solved.columnCount,
            pairs: finalCandidates.map { row in row.map { (column: $0.column, value: $0.value) } })
        // The candidates are eligible pairs in range with values the round's
        // solver already accepted, over the same columns and places.
        return try! SparseAssignmentProblem(
            matrix, sense: .maximize, capacities: solved.capacities, unassignedRows: .allowed(value: 0))
    }

    /// Mentors with places left: (mentor, free places).
    public var freePlaces: [(mentor: Int, free: Int)] {
        var load = [Int](repeating: 0, count: cohort.mentors.count)
        for pair in pairs { load[pair.mentor] += 1 }
        return places.indices.compactMap { load[$0] < places[$0] ? ($0, places[$0] - load[$0]) : nil }
    }

    /// Loads, validates, scores, solves and certifies.
    ///
    /// - Throws: `InputDiagnostics` when the inputs have errors (nothing is
    ///   solved then).
    public static func run(_ sources: Cohort.Sources) async throws(InputDiagnostics) -> MatchingRound {
        await run(try ScoredCohort.run(sources))
    }

    /// Solves and certifies a scored cohort.
    ///
    /// - Complexity: The solve (see `_RoundSolver`), then the answer's
    ///   details and the certificate (on another core meanwhile), each
    ///   reading only the rows the scoring digest and pricing's bounds leave
    ///   open (see `_RoundDetails`, `_PricingMemory`).
    public static func run(_ check: ScoredCohort) async -> MatchingRound {
        await run(_RoundSolver(check: check), check: check)
    }

    /// Solves and certifies with a configured solver (locks, a warm start).
    ///
    /// - Parameter detailed: Whether to work out the answer's details; without
    ///   them the round has its pairs with their scores only (ranks 0, no
    ///   unmatched entries, no stability audit), for a priced variant.
    static func run(_ solver: _RoundSolver, check: ScoredCohort, detailed: Bool = true) async -> MatchingRound {
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = solver.solve()
        let solveDuration = clock.now - started
        // The certificate and the answer's details (ranks, reasons, the
        // stability audit) need nothing from each other, so the certificate
        // runs as a child task on another core.
        let locks = outcome.pairs.lockColumns(solver.locks)
        ProgressReporter.begin("proving the answer optimal and explaining it", unit: "mentees read")
        async let certificate = outcome.certify(locks: locks)
        let answers =
            detailed
            ? Answers(check: check, outcome: outcome, solver: solver)
            : Answers(scoresOf: outcome, solver: solver)
        return MatchingRound(
            check: check, outcome: outcome, solver: solver, answers: answers,
            certificate: await certificate, solveDuration: solveDuration)
    }

    /// What each person gets: pairs with ranks, reasons for the unmatched,
    /// and the blocking-pair count.
    private struct Answers {
        var pairs: [Pair] = []
        var unmatched: [Unmatched] = []
        var blockingPairs = 0

        init(check: ScoredCohort, outcome: _RoundSolver.Outcome, solver: _RoundSolver) {
            let details = _RoundDetails(
                check: check, mentorOfMentee: outcome.mentorOfMentee, pairScores: outcome.pairScores(),
                places: solver.places,
                minimumUnits: solver.minimumUnits, floor: outcome.floor, solved: (outcome.pairs, outcome.candidates))
            let locked = Set(solver.locks.map(\.mentee))
            pairs = outcome.mentorOfMentee.enumerated().compactMap { mentee, mentor in
                guard let mentor, let rank = details.scoreAndRank[mentee] else { return nil }
                return Pair(
                    mentee: mentee, mentor: mentor, units: rank.units, rank: rank.rank, locked: locked.contains(mentee))
            }
            unmatched = outcome.mentorOfMentee.indices.compactMap { mentee in
                guard let entry = details.unmatched[mentee] else { return nil }
                return Unmatched(
                    mentee: mentee, reason: entry.reason, bestMentor: entry.best?.mentor,
                    bestUnits: entry.best?.units ?? 0)
            }
            blockingPairs = details.blockingPairs
        }

        /// The pairs and their scores alone, read from the final candidates'
        /// values (a locked pair, not among them, from its row).
        init(scoresOf outcome: _RoundSolver.Outcome, solver: _RoundSolver) {
            let locked = Set(solver.locks.map(\.mentee))
            let units = outcome.pairScores()
            pairs = outcome.mentorOfMentee.enumerated().compactMap { mentee, mentor in
                mentor.map {
                    Pair(mentee: mentee, mentor: $0, units: units[mentee]!, rank: 0, locked: locked.contains(mentee))
                }
            }
        }
    }

    private init(
        check: ScoredCohort, outcome: _RoundSolver.Outcome, solver: _RoundSolver, answers: Answers,
        certificate: OptimalityCertificate.Report, solveDuration: Duration
    ) {
        self.check = check
        self.solveDuration = solveDuration
        self.places = solver.places
        self.floorUnits = outcome.floor
        self.minimumUnits = solver.minimumUnits
        self.certificate = certificate
        self.pairOffsetUnits = outcome.pairs.offset
        self.effort = SolveEffort(sparseSolves: outcome.solves, candidatePairs: outcome.candidatePairs)
        self.potentials = RoundPotentials(outcome, cohort: check.cohort)
        self.solved = outcome.pairs
        self.finalCandidates = outcome.candidates
        self.pairs = answers.pairs
        self.unmatched = answers.unmatched
        self.blockingPairs = answers.blockingPairs
    }
}
