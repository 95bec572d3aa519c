import Foundation
import Matching
import _TandemUtilities

/// `round.json`: the whole round for machines, with the SHA-256 of every
/// input and the version of Tandem, keys sorted so the bytes are stable.
enum _RoundJSON {
    /// An input by its file name and digest: the folder it was read from, and
    /// whether the path was typed relative or absolute, would make the same
    /// round's bytes differ from one run to the next.
    struct Input: Encodable {
        let role: String
        let file: String
        let sha256: String
    }
    struct Pair: Encodable {
        let mentee: String
        let mentor: String
        let score: String
        let rank_for_mentee: Int
        let checkpoints: [String]
    }
    struct Unmatched: Encodable {
        let mentee: String
        let reason: String
        let detail: String
    }
    struct FreePlaces: Encodable {
        let mentor: String
        let free: Int
        let places: Int
    }
    struct Certificate: Encodable {
        let optimal: Bool
        let primal_objective: Double
        let dual_objective: Double
        let pair_offset_units: Int64
        let violations: [String]
        /// How every eligible pair was covered, in words.
        let method: String
        let rows_settled_by_bound: Int
        let rows_read: Int
    }
    struct Breakdown: Encodable {
        let name: String
        let mentees: Int
        let matched: Int
    }
    struct Figures: Encodable {
        let mentees: Int
        let mentors: Int
        let matched: Int
        let places: Int
        let match_rate: Double
        let fill_rate: Double
        let total_score: String
        let lowest_score: String?
        let median_score: String?
        let rank_first: Int
        let rank_second_or_third: Int
        let rank_lower: Int
        let blocking_pairs: Int
    }
    struct Policy: Encodable {
        let name: String
        let objective: String
        let fairness: String
        let minimum_score: Double?
        let fairness_floor: String?
        let slot_discount: Double
        let resolution: Double
        let start_date: String?
    }
    struct Round: Encodable {
        let tandem_version: String
        /// "stored" or "streamed" (see `ScoreStorage`).
        let scores: String
        let inputs: [Input]
        let policy: Policy
        let figures: Figures
        let certificate: Certificate
        let pairs: [Pair]
        let unmatched: [Unmatched]
        let free_places: [FreePlaces]
        let by_organisation: [Breakdown]
        let by_region: [Breakdown]
        let goals_no_mentor_offers: [String]
        let out_of_scope_goals: [String: [String]]
    }

    static func json(_ round: MatchingRound) -> Data {
        let cohort = round.cohort, policy = cohort.policy
        let figures = RoundFigures(round)
        let points = { (units: Int64) in PointsFormat.string(units: units, resolution: policy.resolution) }
        let dates = _RoundTables.checkpoints(policy)
        var inputs: [Input] = []
        let sources = cohort.sources
        let signups: [(String, String?)] =
            sources.signups.map { [("signups", $0)] } ?? [("mentors", sources.mentors), ("mentees", sources.mentees)]
        for (role, path) in signups + [("conflicts", sources.conflicts), ("policy", sources.policy)] {
            // A cohort built in code has no files to name.
            guard let path, let digest = sources.digests[path] else { continue }
            inputs.append(Input(role: role, file: URL(fileURLWithPath: path).lastPathComponent, sha256: digest))
        }
        let report = Round(
            tandem_version: TandemVersion.current, scores: round.check.scoresAreStored ? "stored" : "streamed",
            inputs: inputs,
            policy: Policy(
                name: policy.name, objective: policy.matching.objective.rawValue,
                fairness: policy.matching.fairness.rawValue,
                minimum_score: policy.matching.minimumScore, fairness_floor: round.floorUnits.map(points),
                slot_discount: policy.matching.slotDiscount, resolution: policy.resolution,
                start_date: policy.startDate?.description),
            figures: Figures(
                mentees: figures.mentees, mentors: figures.mentors, matched: figures.matched, places: figures.places,
                match_rate: figures.matchRate, fill_rate: figures.fillRate, total_score: points(figures.totalUnits),
                lowest_score: figures.minimumUnits.map { points(Int64($0)) },
                median_score: figures.medianUnits.map { points(Int64($0)) },
                rank_first: figures.rankFirst, rank_second_or_third: figures.rankTopThree,
                rank_lower: figures.rankOther,
                blocking_pairs: round.blockingPairs),
            certificate: Certificate(
                optimal: round.certificate.isOptimal, primal_objective: round.certificate.primalObjective,
                dual_objective: round.certificate.dualObjective, pair_offset_units: round.pairOffsetUnits,
                violations: round.certificate.violations, method: RoundFigures.certificateMethod,
                rows_settled_by_bound: round.certificate.rowsSettledByBound,
                rows_read: cohort.mentees.count - round.certificate.rowsSettledByBound),
            pairs: round.pairs.map {
                Pair(
                    mentee: cohort.mentees[$0.mentee].id.rawValue, mentor: cohort.mentors[$0.mentor].id.rawValue,
                    score: points(Int64($0.units)), rank_for_mentee: $0.rank, checkpoints: dates)
            },
            unmatched: round.unmatched.map {
                Unmatched(
                    mentee: cohort.mentees[$0.mentee].id.rawValue, reason: $0.reason.code, detail: $0.reason.sentence)
            },
            free_places: round.freePlaces.map {
                FreePlaces(
                    mentor: cohort.mentors[$0.mentor].id.rawValue, free: $0.free, places: round.places[$0.mentor])
            },
            by_organisation: figures.byOrganisation.map {
                Breakdown(name: $0.name, mentees: $0.mentees, matched: $0.matched)
            },
            by_region: figures.byRegion.map { Breakdown(name: $0.name, mentees: $0.mentees, matched: $0.matched) },
            goals_no_mentor_offers: figures.uncoveredGoals.map(\.topic),
            out_of_scope_goals: Dictionary(
                uniqueKeysWithValues: figures.outOfScope.map { (cohort.mentees[$0.mentee].id.rawValue, $0.goals) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(report)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}
