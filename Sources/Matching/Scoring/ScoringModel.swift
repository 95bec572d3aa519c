/// A cohort turned into what scoring needs: the policy's weights quantised to
/// whole units, the goal and skill matrices, and one compact key per person for
/// each pair rule.
///
/// Quantisation comes first, so every score is an exact sum of whole units:
/// a goal met at priority rank `k` by a skill at level `ℓ` is worth
/// `goalUnits[k] × skillLevel[ℓ]` units, where
/// `goalUnits[k] = round(goal_match × decay^(k−1) / resolution)`; each bonus is
/// `round(points / resolution)`. The goal–skill part is then one matrix
/// product of whole numbers, exact in floating point (checked at setup), and
/// an explanation's parts add up to the score to the unit.
public struct ScoringModel: Sendable {
    public internal(set) var cohort: Cohort
    /// Units for a goal at rank 1, 2, … (index 0 is rank 1).
    public let goalUnits: [Int64]
    /// Multiplier for skill level 1, 2, … (index 0 is level 1).
    public let levelMultipliers: [Int64]
    public let regionUnits: Int32
    public let languageUnits: Int32
    /// Added for a same-organisation pair: negative when penalised, 0 when neutral or forbidden.
    public let organisationUnits: Int32
    public let seniorityUnits: Int32
    public let seniorityHalfUnits: Int32
    /// Added to a pair of people paired in an earlier round when the policy
    /// penalises repeats (negative), else 0.
    public let repeatPairUnits: Int32

    /// Largest |score| any pair can reach, in units.
    let scoreBound: Int64
    /// Largest |units| of the GEMM's part of a score (goals × skills and the
    /// product criteria): whether the product is exact in single precision.
    let productBound: Int64
    let menteeKeys: _PersonKeys
    let mentorKeys: _PersonKeys
    /// The policy's criteria, compiled for the kernel.
    let criteria: _CriterionTerms

    /// - Throws: ``ScoringError/scoresTooLarge(bound:resolution:)`` when scores
    ///   could not be held exactly as 32-bit whole numbers at this resolution.
    public init(cohort: Cohort) throws(ScoringError) {
        self.cohort = cohort
        let policy = cohort.policy
        // Out-of-range weights become a value the bound check below refuses.
        let units = { (points: Double) -> Int64 in
            let scaled = (points / policy.resolution).rounded()
            return scaled.isFinite && abs(scaled) < 1e12 ? Int64(scaled) : 1 << 40
        }
        let deepest = cohort.mentees.map(\.goals.count).max() ?? 0
        var goalUnits: [Int64] = []
        var weight = policy.weights.goalMatch
        for _ in 0..<deepest {
            goalUnits.append(units(weight))
            weight *= policy.weights.goalPriorityDecay
        }
        self.goalUnits = goalUnits
        levelMultipliers = policy.weights.skillLevel.map(Int64.init)
        let organisation: Double =
            switch policy.sameOrganisation {
            case .penalise: -policy.weights.organisation
            case .prefer: policy.weights.organisation
            case .neutral, .forbid: 0
            }
        let bonuses = [
            units(policy.weights.sameRegion), units(policy.weights.sharedLanguage), units(organisation),
            units(policy.weights.seniorityGap), units(policy.weights.seniorityGap / 2),
            policy.history.repeatPairs == .penalise ? -units(policy.history.repeatPenalty) : 0,
        ]
        let topLevel = levelMultipliers.max() ?? 1
        let criteria = _CriterionTerms(cohort: cohort, units: units, levelMultipliers: levelMultipliers)
        productBound = goalUnits.reduce(0) { $0 + abs($1) } * topLevel + criteria.productBound
        let bound = productBound + criteria.rowBound + bonuses.reduce(0) { $0 + abs($1) }
        // The fused kernel adds its terms with `&+` (see `_fusedRow`): below
        // 2³⁰ no sum of them can overflow `Int32`.
        guard bound < 1 << 30 else { throw .scoresTooLarge(bound: bound, resolution: policy.resolution) }
        scoreBound = bound
        (regionUnits, languageUnits, organisationUnits, seniorityUnits, seniorityHalfUnits) =
            (Int32(bonuses[0]), Int32(bonuses[1]), Int32(bonuses[2]), Int32(bonuses[3]), Int32(bonuses[4]))
        repeatPairUnits = Int32(bonuses[5])
        self.criteria = criteria
        let keys = _PersonKeys.make(mentees: cohort.mentees, mentors: cohort.mentors)
        menteeKeys = keys.mentees
        mentorKeys = keys.mentors
    }

    /// The seniority bonus, in units, for a mentor `gap` levels above the mentee.
    public func seniorityUnits(gap: Int) -> Int32 {
        _HardRules.seniorityUnits(
            gap: Int32(clamping: gap), idealGap: Int32(clamping: cohort.policy.seniority.idealGap),
            full: seniorityUnits, half: seniorityHalfUnits)
    }
}

/// Each person's pair-rule attributes as small integers, in the contiguous
/// arrays the scoring kernel reads.
///
/// Region and organisation are numbered by name across both sides; an empty
/// cell gets a value that matches nobody (-1 for mentees, -2 for mentors), so
/// "same region" is never true for unknown regions.
struct _PersonKeys: Sendable {
    var region: [Int32]
    var organisation: [Int32]
    /// Seniority level index, 0 when the policy has none.
    var level: [Int32]
    /// Bit 0: can meet online; bit 1: can meet in person.
    var meeting: [UInt8]
    /// Languages as bits, `languageWords` words per person; all zero when none listed.
    var languages: [UInt64]
    var languageWords: Int

    static func make(mentees: [Participant], mentors: [Participant]) -> (mentees: _PersonKeys, mentors: _PersonKeys) {
        var regions: [String: Int32] = [:], organisations: [String: Int32] = [:], languages: [String: Int] = [:]
        func number(_ key: String, in table: inout [String: Int32]) -> Int32 {
            if let id = table[key] { return id }
            table[key] = Int32(table.count)
            return Int32(table.count - 1)
        }
        for person in mentees + mentors {
            for language in person.languages where languages[_Term.normalised(language)] == nil {
                languages[_Term.normalised(language)] = languages.count
            }
        }
        let words = max(1, (languages.count + 63) / 64)
        func keys(_ people: [Participant], missing: Int32) -> _PersonKeys {
            var result = _PersonKeys(
                region: [], organisation: [], level: [], meeting: [],
                languages: [UInt64](repeating: 0, count: people.count * words), languageWords: words)
            for (index, person) in people.enumerated() {
                let region = _Term.normalised(person.region), organisation = _Term.normalised(person.organisation)
                result.region.append(region.isEmpty ? missing : number(region, in: &regions))
                result.organisation.append(organisation.isEmpty ? missing : number(organisation, in: &organisations))
                result.level.append(Int32(person.seniority ?? 0))
                result.meeting.append((person.meeting.allowsOnline ? 1 : 0) | (person.meeting.allowsInPerson ? 2 : 0))
                for language in person.languages {
                    let bit = languages[_Term.normalised(language)]!
                    result.languages[index * words + bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
            return result
        }
        return (keys(mentees, missing: -1), keys(mentors, missing: -2))
    }
}
