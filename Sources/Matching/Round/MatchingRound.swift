import _TandemUtilities
import Diagnostics
import Assignment
import Dispatch

/// One matching round: the cohort scored, the assignment solved under the
/// policy's objective and certified optimal, and what each person gets.
///
/// ```swift
/// let round = try MatchingRound.run(sources)
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
    }

    /// A mentee left without a mentor, and why.
    public struct Unmatched: Sendable, Equatable {
        public var mentee: Int
        public var reason: UnmatchedReason
    }

    /// Seconds per step, for the terminal only (never written to the outputs,
    /// which must not change from run to run).
    public struct Timings: Sendable {
        public var load = 0.0, score = 0.0, solve = 0.0, verify = 0.0
    }

    /// How much work the solve took, for the terminal: sparse solves (with
    /// pricing in between, for the final objective) and the candidate pairs
    /// the last one saw.
    public struct SolveEffort: Sendable {
        public var sparseSolves = 0, candidatePairs = 0
    }

    public let check: CohortCheck
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
    public let timings: Timings
    public let effort: SolveEffort

    /// Mentors with places left: (mentor, free places).
    public var freePlaces: [(mentor: Int, free: Int)] {
        var load = [Int](repeating: 0, count: cohort.mentors.count)
        for pair in pairs { load[pair.mentor] += 1 }
        return places.indices.compactMap { load[$0] < places[$0] ? ($0, places[$0] - load[$0]) : nil }
    }

    /// Loads, validates, scores, solves, certifies.
    ///
    /// - Parameter progress: called with a short line before each long step.
    /// - Throws: ``InputDiagnostics`` when the inputs have errors (nothing is
    ///   solved then).
    public static func run(_ sources: Cohort.Sources, progress: (String) -> Void = { _ in }) throws(InputDiagnostics) -> MatchingRound {
        let clock = ContinuousClock()
        var timings = Timings()
        let start = clock.now
        progress("loading and scoring the cohort")
        let check = try CohortCheck.run(sources)
        timings.load = (clock.now - start).seconds
        return run(check, timings: timings, progress: progress)
    }

    /// Solves and certifies an already scored cohort.
    public static func run(_ check: CohortCheck, progress: (String) -> Void = { _ in }) -> MatchingRound {
        run(check, timings: Timings(), progress: progress)
    }

    private static func run(_ check: CohortCheck, timings: Timings, progress: (String) -> Void) -> MatchingRound {
        let clock = ContinuousClock()
        var timings = timings
        progress("solving the assignment (\(check.cohort.mentees.count) mentees, \(check.cohort.mentors.count) mentors)")
        let solveStart = clock.now
        let solver = _RoundSolver(check: check)
        let outcome = solver.solve()
        timings.solve = (clock.now - solveStart).seconds
        // The certificate and the answer's details (ranks, reasons, the
        // stability audit) each read the whole score matrix and need nothing
        // from each other, so the certificate runs on another core meanwhile
        // (13,600 mentees: 0.75 s and about 0.5 s).
        nonisolated(unsafe) var certificate: OptimalityCertificate.Report?
        nonisolated(unsafe) var verifySeconds = 0.0
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let start = ContinuousClock().now
            certificate = OptimalityCertificate.verify(rows: outcome.pairs, sense: .maximize, capacities: outcome.pairs.capacities,
                                                       unassignedRows: .allowed(value: 0), solution: outcome.solution)
            verifySeconds = (ContinuousClock().now - start).seconds
        }
        let answers = Answers(check: check, outcome: outcome, solver: solver)
        group.wait()
        timings.verify = verifySeconds
        return MatchingRound(check: check, outcome: outcome, solver: solver, answers: answers, certificate: certificate!, timings: timings)
    }

    /// What each person gets: pairs with ranks, reasons for the unmatched,
    /// and the blocking-pair count.
    private struct Answers {
        var pairs: [Pair] = []
        var unmatched: [Unmatched] = []
        var blockingPairs = 0

        init(check: CohortCheck, outcome: _RoundSolver.Outcome, solver: _RoundSolver) {
            let matrix = check.matrix
            var mentorOf = [Int?](repeating: nil, count: check.cohort.mentees.count)
            for (mentee, mentor) in outcome.mentorOfMentee.enumerated() {
                guard let mentor else { continue }
                let units = matrix.scores[mentee * matrix.mentors + mentor]
                let better = matrix.withRow(mentee) { scores, bits in
                    var count = 0
                    for other in 0..<matrix.mentors where scores[other] > units && !_isForbidden(bits, other) { count += 1 }
                    return count
                }
                pairs.append(Pair(mentee: mentee, mentor: mentor, units: units, rank: better + 1))
                mentorOf[mentee] = mentor
            }
            var load = [Int](repeating: 0, count: check.cohort.mentors.count)
            for pair in pairs { load[pair.mentor] += 1 }
            unmatched = mentorOf.indices.compactMap { mentee in
                mentorOf[mentee] == nil ? Unmatched(mentee: mentee, reason: solver.reason(mentee: mentee, load: load, floor: outcome.floor)) : nil
            }
            blockingPairs = solver.blockingPairs(pairs: pairs)
        }
    }

    private init(check: CohortCheck, outcome: _RoundSolver.Outcome, solver: _RoundSolver, answers: Answers,
                 certificate: OptimalityCertificate.Report, timings: Timings) {
        self.check = check
        self.places = solver.places
        self.floorUnits = outcome.floor
        self.minimumUnits = solver.minimumUnits
        self.certificate = certificate
        self.pairOffsetUnits = outcome.pairs.offset
        self.effort = SolveEffort(sparseSolves: outcome.solves, candidatePairs: outcome.candidatePairs)
        self.timings = timings
        self.pairs = answers.pairs
        self.unmatched = answers.unmatched
        self.blockingPairs = answers.blockingPairs
    }
}
