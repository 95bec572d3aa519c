/// The per-pair part of scoring, run on one mentee row right after the GEMM
/// wrote that row's goal units to a scratch block.
///
/// The row loop (`_fusedRow`) reads only contiguous `Int32` arrays and writes
/// two arrays that alias nothing it reads; every rule and bonus is a
/// comparison turned into a select, so LLVM vectorises it. (Converting the
/// product in place, aliasing input and output, kept it scalar: 1.6 s instead
/// of 0.3 s for 20,000 × 10,000 pairs.) The forbidden flags go to a byte row
/// first and are packed eight at a time into the mask (see `packBits`).
struct _FusedScoreKernel {
    private let mentorCount: Int
    private let mentors: _PersonKeys
    private let mentees: _PersonKeys
    /// Mentor keys widened to `Int32`, so every lane of the loop has one width.
    private let mentorMeeting: [Int32]
    /// With 32 languages or fewer: each mentor's languages as bits of one
    /// `Int32`, read by the row loop directly; `nil` otherwise.
    private let mentorLanguageMasks: [Int32]?
    private let menteeLanguageMasks: [Int32]?
    /// Per-row scratch for more than 32 languages: 1 = the mentor shares one
    /// of the mentee's languages, 2 = the mentor lists only others, 0 = none.
    private var shared: [Int32]
    private var flags: [UInt8]
    private var parameters: _RowParameters
    /// The policy's criteria outside the GEMM, applied to each row after it.
    private var criteria: _CriterionRowPass

    /// The kernel for rows against every mentor, or against `subset` alone
    /// (its mentors as the row's columns).
    init(model: ScoringModel, subset: _MentorSubset? = nil) {
        mentorCount = subset?.count ?? model.cohort.mentors.count
        mentors = subset.map(model.mentorKeys.gathered) ?? model.mentorKeys
        mentees = model.menteeKeys
        mentorMeeting = mentors.meeting.map(Int32.init)
        // Language numbers are shared by both sides, so both fit in 32 bits or neither does.
        mentorLanguageMasks = Self.languageMasks(mentors)
        menteeLanguageMasks = mentorLanguageMasks == nil ? nil : Self.languageMasks(mentees)
        let padded = (mentorCount + 63) / 64 * 64
        shared = [Int32](repeating: 0, count: mentorLanguageMasks == nil ? padded : 0)
        flags = [UInt8](repeating: 0, count: padded)
        criteria = _CriterionRowPass(
            terms: subset.map(model.criteria.gathered) ?? model.criteria, mentors: mentorCount,
            columnOf: subset?.columnOf)
        let policy = model.cohort.policy
        let hasLevels = !policy.seniority.levels.isEmpty
        parameters = _RowParameters(
            region: 0, organisation: 0, level: 0, meeting: 0, checkLanguage: 0, languages: 0,
            regionUnits: model.regionUnits, languageUnits: model.languageUnits,
            organisationUnits: model.organisationUnits,
            seniorityUnits: hasLevels ? model.seniorityUnits : 0,
            seniorityHalfUnits: hasLevels ? model.seniorityHalfUnits : 0,
            // Without levels every level key is 0: a gap of 0 must pass and earn nothing.
            minimumGap: hasLevels ? Int32(policy.seniority.minimumGap) : 0,
            idealGap: Int32(policy.seniority.idealGap),
            forbidSameOrganisation: policy.sameOrganisation == .forbid ? 1 : 0,
            regionAlwaysFine: policy.inPersonNeedsSameRegion ? 0 : 1,
            languageRequired: policy.sharedLanguageRequired ? 1 : 0)
    }

    /// Scores mentee `row` against every mentor (or the subset's).
    ///
    /// - Parameters:
    ///   - goals: the row's goal units, or how to make them (not aliasing `output`).
    ///   - output: the row's scores, one `Int32` per mentor.
    ///   - forbidden: the row's words of the forbidden mask.
    mutating func scoreRow<Scalar: _ExactProductScalar>(
        _ row: Int, goals: _RowGoals<Scalar>,
        into output: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>
    ) {
        if let masks = menteeLanguageMasks {
            parameters.languages = masks[row]
        } else {
            markSharedLanguages(row)
            parameters.languages = 1
        }
        parameters.region = mentees.region[row]
        parameters.organisation = mentees.organisation[row]
        parameters.level = mentees.level[row]
        parameters.meeting = Int32(mentees.meeting[row])
        // A person who lists no language never fails the shared-language rule.
        let listed = mentees.languages[row * mentees.languageWords..<(row + 1) * mentees.languageWords].contains {
            $0 != 0
        }
        parameters.checkLanguage = parameters.languageRequired & (listed ? 1 : 0)
        let count = mentorCount, parameters = parameters
        mentors.region.withUnsafeBufferPointer { region in
            mentors.organisation.withUnsafeBufferPointer { organisation in
                mentors.level.withUnsafeBufferPointer { level in
                    mentorMeeting.withUnsafeBufferPointer { meeting in
                        (mentorLanguageMasks ?? shared).withUnsafeBufferPointer { languages in
                            flags.withUnsafeMutableBufferPointer { flags in
                                goals.forEachTile(row, count: count) { product, columns in
                                    let start = columns.lowerBound
                                    _fusedRow(
                                        count: columns.count, product: product, region: region.baseAddress! + start,
                                        organisation: organisation.baseAddress! + start,
                                        level: level.baseAddress! + start, meeting: meeting.baseAddress! + start,
                                        languages: languages.baseAddress! + start, output: output + start,
                                        flags: flags.baseAddress! + start, parameters)
                                }
                            }
                        }
                    }
                }
            }
        }
        if !criteria.isEmpty {
            flags.withUnsafeMutableBufferPointer { flags in
                criteria.apply(row, count: count, output: output, flags: flags.baseAddress!)
            }
        }
        packBits(into: forbidden, count: count)
    }

    /// Each person's languages as the bits of one `Int32`, or `nil` when
    /// there are more than 32 languages in the cohort.
    private static func languageMasks(_ keys: _PersonKeys) -> [Int32]? {
        guard keys.languageWords == 1 else { return nil }
        var masks: [Int32] = []
        masks.reserveCapacity(keys.languages.count)
        for word in keys.languages {
            guard word >> 32 == 0 else { return nil }
            masks.append(Int32(bitPattern: UInt32(word)))
        }
        return masks
    }

    /// For more than 32 languages: `shared[j]` is 1 when mentor `j` shares a
    /// language with the row's mentee, 2 when they list only others, else 0.
    private mutating func markSharedLanguages(_ row: Int) {
        let words = mentors.languageWords, count = mentorCount
        mentors.languages.withUnsafeBufferPointer { mentorLanguages in
            mentees.languages.withUnsafeBufferPointer { menteeLanguages in
                shared.withUnsafeMutableBufferPointer { shared in
                    if words == 1 {
                        // The usual case (64 languages or fewer), kept simple so it vectorises.
                        let mine = menteeLanguages[row]
                        for column in 0..<count {
                            let theirs = mentorLanguages[column]
                            shared[column] = theirs & mine != 0 ? 1 : (theirs != 0 ? 2 : 0)
                        }
                        return
                    }
                    for column in 0..<count {
                        var common: UInt64 = 0, listed: UInt64 = 0
                        for word in 0..<words {
                            common |= mentorLanguages[column * words + word] & menteeLanguages[row * words + word]
                            listed |= mentorLanguages[column * words + word]
                        }
                        shared[column] = common != 0 ? 1 : (listed != 0 ? 2 : 0)
                    }
                }
            }
        }
    }

    /// Packs the 0/1 flag bytes into mask words, eight bytes at a time: for
    /// bytes b₀…b₇ read as one little-endian word, multiplying by
    /// 0x0102040810204080 moves bᵢ to bit 56 + i with no carries between them,
    /// so the top byte is the eight flags in order.
    private func packBits(into forbidden: UnsafeMutablePointer<UInt64>, count: Int) {
        flags.withUnsafeBytes { bytes in
            for word in 0..<(count + 63) / 64 {
                var packed: UInt64 = 0
                for group in 0..<8 {
                    let offset = word * 64 + group * 8
                    guard offset < count else { break }
                    var eight = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    if count - offset < 8 { eight &= (UInt64(1) << UInt64(8 * (count - offset))) &- 1 }
                    packed |= ((eight &* 0x0102_0408_1020_4080) >> 56) << UInt64(8 * group)
                }
                forbidden[word] = packed
            }
        }
    }
}

/// A row's goal units, as `_FusedScoreKernel` reads them: a row a GEMM
/// wrote, or a mentee's sparse product, summed a tile of mentors at a time
/// into scratch just before the fused loop reads that tile.
///
/// A tile's 16 KB of scratch stays in the core's first-level cache between
/// the product's passes and the fused loop, where a whole row (1.2 MB at
/// 300,000 mentors) went out to the shared cache and back; each thread's
/// scratch is 16 KB instead of a 16 MB block. No change in time showed
/// beside the block sizes of ``_ScoreBlockComputer/rowsReadInPlace``
/// (`tandem validate` at 140,000 × 60,000, three alternating runs, within
/// the noise): the product's reads of the skill columns, not its writes,
/// were what it waited on (see ``_SkillColumns``).
enum _RowGoals<Scalar: _ExactProductScalar> {
    case computed(UnsafePointer<Scalar>)
    case sparse(_SparseGoalProduct<Scalar>, scratch: UnsafeMutablePointer<Scalar>)

    /// Mentors a tile holds: 16 KB of `Float` scratch.
    static var tile: Int { 4096 }

    /// Calls `body` with the goal units of consecutive ranges of the row's
    /// `count` mentors, in order.
    func forEachTile(_ row: Int, count: Int, _ body: (UnsafePointer<Scalar>, Range<Int>) -> Void) {
        switch self {
        case .computed(let product):
            body(product, 0..<count)
        case .sparse(let product, let scratch):
            for start in stride(from: 0, to: count, by: Self.tile) {
                let columns = start..<min(count, start + Self.tile)
                product.productRow(row, columns: columns, into: scratch)
                body(UnsafePointer(scratch), columns)
            }
        }
    }
}

/// What `_fusedRow` needs besides the arrays: the mentee's keys and the
/// policy's quantised bonuses and rules, all `Int32`.
struct _RowParameters {
    var region, organisation, level, meeting, checkLanguage: Int32
    /// The mentee's language bits, tested against each entry of `languages`.
    var languages: Int32
    let regionUnits, languageUnits, organisationUnits, seniorityUnits, seniorityHalfUnits: Int32
    let minimumGap, idealGap, forbidSameOrganisation, regionAlwaysFine, languageRequired: Int32
}

/// One mentee against `count` mentors: scores to `output`, 0/1 forbidden
/// flags to `flags`; see `_FusedScoreKernel`.
///
/// Written for the vectoriser: the parameters are copied to locals first (read
/// through a pointer, LLVM would reload them after every store), and every
/// condition is a 0/1 `Int32` combined with `&`, `|` and `^` rather than `&&`
/// and `||`, whose short-circuit branches keep the loop scalar.
@inline(never)
func _fusedRow<Scalar: _ExactProductScalar>(
    count: Int, product: UnsafePointer<Scalar>, region: UnsafePointer<Int32>, organisation: UnsafePointer<Int32>,
    level: UnsafePointer<Int32>, meeting: UnsafePointer<Int32>, languages: UnsafePointer<Int32>,
    output: UnsafeMutablePointer<Int32>, flags: UnsafeMutablePointer<UInt8>, _ parameters: _RowParameters
) {
    let menteeRegion = parameters.region, menteeOrganisation = parameters.organisation
    let menteeLevel = parameters.level, menteeMeeting = parameters.meeting, checkLanguage = parameters.checkLanguage
    let menteeLanguages = parameters.languages
    let regionUnits = parameters.regionUnits, languageUnits = parameters.languageUnits
    let organisationUnits = parameters.organisationUnits
    let seniorityUnits = parameters.seniorityUnits, seniorityHalfUnits = parameters.seniorityHalfUnits
    let minimumGap = parameters.minimumGap, idealGap = parameters.idealGap
    let forbidSameOrganisation = parameters.forbidSameOrganisation, regionAlwaysFine = parameters.regionAlwaysFine
    for column in 0..<count {
        let goal = product[column].exactInt32
        let sameRegion: Int32 = region[column] == menteeRegion ? 1 : 0
        let sameOrganisation: Int32 = organisation[column] == menteeOrganisation ? 1 : 0
        let theirLanguages = languages[column]
        let sharesLanguage: Int32 = theirLanguages & menteeLanguages != 0 ? 1 : 0
        let listsLanguage: Int32 = theirLanguages != 0 ? 1 : 0
        let gap = level[column] &- menteeLevel
        let seniority = _HardRules.seniorityUnits(
            gap: gap, idealGap: idealGap, full: seniorityUnits, half: seniorityHalfUnits)
        let score =
            goal &+ seniority &+ (sameRegion &* regionUnits) &+ (sharesLanguage &* languageUnits)
            &+ (sameOrganisation &* organisationUnits)
        let canMeet = _HardRules.canMeet(
            menteeMeeting, meeting[column], sameRegion: sameRegion, regionAlwaysFine: regionAlwaysFine)
        let bad =
            (canMeet ^ 1) | _HardRules.tooJunior(gap: gap, minimumGap: minimumGap)
            | _HardRules.sameOrganisationForbidden(sameOrganisation: sameOrganisation, forbid: forbidSameOrganisation)
            | _HardRules.noSharedLanguage(check: checkLanguage, mentorLists: listsLanguage, shares: sharesLanguage)
        output[column] = score & (bad &- 1)  // bad = 0 keeps the score, bad = 1 writes 0
        flags[column] = UInt8(truncatingIfNeeded: bad)
    }
}
