import Diagnostics

/// Everything one round is run from: a cohort, the policy, pairs that must be
/// kept, pairs that must not be proposed, and optionally an earlier answer to
/// start from. The entry point for a caller that builds rounds in code (a
/// follow-up round, a what-if variant).
///
/// ```swift
/// var spec = RoundSpec(cohort: cohort)
/// spec.locks = [Pairing(mentee: "E1", mentor: "M1")]           // accepted last time
/// spec.exclusions = [PairExclusion(mentee: "E2", mentor: "M1", reason: .declined)]
/// let round = try await spec.run()
/// print(round.result.pairs)
/// ```
public struct RoundSpec: Sendable {
    public var cohort: Cohort
    /// The round's policy; by default the cohort's own. It may change
    /// weights, rules and `[matching]`, not how the sign-ups are read.
    public var policy: Policy
    /// Pairs that must be in the answer: allowed by every rule, at or above
    /// the minimum score, at most one per mentee and no more per mentor than
    /// their places.
    public var locks: [Pairing]
    /// Pairs that must not be proposed this round, on top of the cohort's own.
    public var exclusions: [PairExclusion]
    /// Pairs made in earlier rounds of the scheme, on top of the cohort's
    /// own, which the policy's `[history] repeat_pairs` forbids, penalises or
    /// allows.
    public var earlierPairs: [Pairing] = []
    /// Proposals to keep where the policy's objective allows: a follow-up
    /// round's proposals still awaiting a reply. The answer is, exactly and in
    /// this order, the best for the objective, then the one that keeps the
    /// most of these, then the best total (see `_RoundSolver.objectiveTerms`).
    /// A pair no longer eligible is simply not kept.
    public var pending: [Pairing] = []
    /// An earlier answer whose pairs (those still eligible) the solver sees
    /// first. The optimum is the same with or without it (among equally good
    /// answers it may pick another); only the work differs.
    public var warmStart: RoundResult?
    /// The potentials of an earlier round (a follow-up round's: the round
    /// before's) for the solve to start from. The optimum is the same with
    /// or without them (among equally good answers it may pick another);
    /// only the work differs.
    public var startingPotentials: RoundPotentials?
    /// What loading the files found (warnings, and how each column was read),
    /// kept for the round's reports.
    public var loaded: (warnings: [InputProblem], columns: [FileColumns]) = ([], [])
    /// Whether the scores are stored or computed again for each pass.
    public var scoreStorage = ScoreStorage.automatic
    /// Where the passes over every pair run when not here (see
    /// ``RowPassRunner``): its parts must score ``cohort`` as loaded, so it
    /// is used only when the round changes neither the policy nor the pairs
    /// excluded; otherwise the passes run here.
    public var passes: (any RowPassRunner)?
    /// An earlier round's final solve to carry over when it solved the same
    /// scores (a what-if variant's baseline).
    var earlierSolve: _EligiblePairs?
    /// Whether the round's answer needs only its pairs and their scores (a
    /// priced variant, `Prices`): its pairs' ranks are then 0 and its
    /// unmatched mentees are not listed, and no row is read for them.
    var scoresOnly = false

    public init(
        cohort: Cohort, policy: Policy? = nil, locks: [Pairing] = [], exclusions: [PairExclusion] = [],
        warmStart: RoundResult? = nil
    ) {
        self.cohort = cohort
        self.policy = policy ?? cohort.policy
        self.locks = locks
        self.exclusions = exclusions
        self.warmStart = warmStart
    }

    /// A round of the cohort loaded from files, whose warnings and columns
    /// the reports keep.
    public init(loaded: CohortLoader.Loaded) {
        self.init(cohort: loaded.cohort)
        self.loaded = (loaded.warnings, loaded.columns)
    }

    /// Scores the cohort under the policy, solves with the locks kept, and
    /// certifies the answer optimal among the answers that keep them.
    ///
    /// - Throws: `InputDiagnostics` with every problem: a policy that reads
    ///   the sign-ups differently, an exclusion or lock naming someone not in
    ///   the cohort, a lock on a forbidden pair (with the rules that forbid
    ///   it) or below the minimum score, a mentee locked twice, a mentor locked
    ///   beyond their places, locks with a fairness floor, scores too large.
    public func run() async throws(InputDiagnostics) -> MatchingRound {
        try await solve(score())
    }

    /// The cohort scored under the round's policy and exclusions: the first
    /// half of ``run()``, for a caller that times or reports the two apart.
    public func score() throws(InputDiagnostics) -> ScoredCohort {
        let unchanged = policy == cohort.policy && exclusions.isEmpty && earlierPairs.isEmpty
        let roundCohort =
            unchanged
            ? cohort : try cohort.with(policy: policy, addingExclusions: exclusions, earlierPairs: earlierPairs)
        var check = try ScoredCohort.run(
            roundCohort, warnings: loaded.warnings, storage: scoreStorage, passes: unchanged ? passes : nil)
        check.columns = loaded.columns
        return check
    }

    /// Solves the scored cohort (from ``score()``) with the locks kept, and
    /// certifies the answer: the second half of ``run()``.
    public func solve(_ check: ScoredCohort) async throws(InputDiagnostics) -> MatchingRound {
        var solver = _RoundSolver(check: check)
        solver.locks = try lockIndices(check, places: solver.places, minimum: solver.minimumUnits)
        let (menteeIndex, mentorIndex) = (check.cohort.menteeIndexByID, check.cohort.mentorIndexByID)
        func mentorOfMentee(_ pairs: [Pairing]) -> [Int?] {
            var mentorOf = [Int?](repeating: nil, count: check.cohort.mentees.count)
            for pair in pairs {
                if let mentee = menteeIndex[pair.mentee], let mentor = mentorIndex[pair.mentor] {
                    mentorOf[mentee] = mentor
                }
            }
            return mentorOf
        }
        if !pending.isEmpty {
            if let problem = ScoredCohort.roundRangeProblem(check.model, keeping: true) {
                throw InputDiagnostics([.error(SourceLocation(file: cohort.sources.policy ?? "policy"), problem)])
            }
            solver.keptMentorOfMentee = mentorOfMentee(pending)
        }
        // An earlier answer's pairs, or else the pairs to keep, are the solver's first candidates.
        solver.earlierMentorOfMentee =
            warmStart.map { mentorOfMentee($0.pairs.map { Pairing(mentee: $0.mentee, mentor: $0.mentor) }) }
            ?? solver.keptMentorOfMentee
        solver.startingPotentials = startingPotentials?.indexed(in: check.cohort)
        solver.earlierSolve = earlierSolve
        return await MatchingRound.run(solver, check: check, detailed: !scoresOnly)
    }

    /// The locks by index, every problem with them reported at once.
    private func lockIndices(
        _ check: ScoredCohort, places: [Int], minimum: Int64?
    ) throws(InputDiagnostics)
        -> [(mentee: Int, mentor: Int)]
    {
        guard !locks.isEmpty else { return [] }
        var diagnostics = InputDiagnostics()
        let cohort = check.cohort
        let (menteeIndex, mentorIndex) = (cohort.menteeIndexByID, cohort.mentorIndexByID)
        if policy.matching.fairness == .floor {
            diagnostics.error(
                SourceLocation(file: cohort.sources.policy ?? "policy"),
                "locked pairs cannot be combined with fairness = \"floor\" yet; run the round without the floor.")
        }
        var result: [(mentee: Int, mentor: Int)] = []
        var lockedMentees = Set<Int>()
        var load = [Int](repeating: 0, count: cohort.mentors.count)
        for (position, lock) in locks.enumerated() {
            let location = SourceLocation(file: "locks", row: position + 1)
            guard let mentee = menteeIndex[lock.mentee], let mentor = mentorIndex[lock.mentor] else {
                diagnostics.error(
                    location,
                    "the locked pair \(lock.mentee)–\(lock.mentor) names a mentee or mentor who is not in the cohort.")
                continue
            }
            let explanation = check.model.explain(mentee: mentee, mentor: mentor)
            if explanation.isForbidden {
                let rules = explanation.forbiddenBecause.map(\.sentence).joined(separator: "; ")
                diagnostics.error(location, "the locked pair \(lock.mentee)–\(lock.mentor) is forbidden: \(rules).")
                continue
            }
            if let minimum, explanation.units < minimum {
                diagnostics.error(
                    location, "the locked pair \(lock.mentee)–\(lock.mentor) scores below the policy's minimum score.")
                continue
            }
            guard lockedMentees.insert(mentee).inserted else {
                diagnostics.error(location, "the mentee \(lock.mentee) is locked to more than one mentor.")
                continue
            }
            load[mentor] += 1
            if load[mentor] > places[mentor] {
                diagnostics.error(
                    location,
                    "the mentor \(lock.mentor) has \(places[mentor]) place\(places[mentor] == 1 ? "" : "s") but more locked pairs."
                )
                continue
            }
            result.append((mentee, mentor))
        }
        guard !diagnostics.hasErrors else { throw diagnostics }
        return result
    }
}

/// A mentee and a mentor, by id: a lock, an accepted proposal.
public struct Pairing: Sendable, Hashable, Codable {
    public var mentee: ParticipantID
    public var mentor: ParticipantID

    public init(mentee: ParticipantID, mentor: ParticipantID) {
        self.mentee = mentee
        self.mentor = mentor
    }
}
