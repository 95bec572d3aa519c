/// The per-pair part of scoring, run on one mentee row right after the GEMM
/// wrote that row's goal units.
///
/// The loop body has no branches that depend on data: every rule and bonus is
/// a comparison turned into a select, so the compiler can vectorise it. The
/// forbidden flags go to a byte row first and are packed eight at a time into
/// the mask (see `packBits`).
struct _FusedScoreKernel {
    private let model: ScoringModel
    private let mentors: _PersonKeys
    private let mentees: _PersonKeys
    /// Per-row scratch: 1 where mentee and mentor share a language, and the
    /// forbidden flags, each padded to a multiple of 64 bytes.
    private var shared: [UInt8]
    private var flags: [UInt8]
    private let minimumGap: Int32
    private let idealGap: Int32
    private let forbidSameOrganisation: UInt8
    private let inPersonNeedsRegion: Bool
    private let languageRequired: UInt8

    init(model: ScoringModel) {
        self.model = model
        mentors = model.mentorKeys
        mentees = model.menteeKeys
        let padded = (model.cohort.mentors.count + 63) / 64 * 64
        shared = [UInt8](repeating: 0, count: padded)
        flags = [UInt8](repeating: 0, count: padded)
        let policy = model.cohort.policy
        // Without levels every level key is 0, so a gap of 0 must pass.
        minimumGap = policy.seniority.levels.isEmpty ? Int32.min : Int32(policy.seniority.minimumGap)
        idealGap = policy.seniority.levels.isEmpty ? Int32.min / 2 : Int32(policy.seniority.idealGap)
        forbidSameOrganisation = policy.sameOrganisation == .forbid ? 1 : 0
        inPersonNeedsRegion = policy.inPersonNeedsSameRegion
        languageRequired = policy.sharedLanguageRequired ? 1 : 0
    }

    /// Scores mentee `row` against every mentor.
    ///
    /// - Parameters:
    ///   - product: the row's goal units as `Scalar`s (may alias `output`).
    ///   - output: the row's scores, one `Int32` per mentor.
    ///   - forbidden: the row's words of the forbidden mask.
    mutating func scoreRow<Scalar: _ExactProductScalar>(
        _ row: Int, product: UnsafeRawPointer, as _: Scalar.Type,
        into output: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>
    ) {
        let columns = model.cohort.mentors.count
        markSharedLanguages(row)
        let region = mentees.region[row], organisation = mentees.organisation[row], level = mentees.level[row]
        let meeting = mentees.meeting[row]
        // A person who lists no language never fails the shared-language rule.
        let checkLanguage = languageRequired & (languageListed(mentees, row) ? 1 : 0)
        let regionUnits = model.regionUnits, languageUnits = model.languageUnits
        let organisationUnits = model.organisationUnits
        let seniorityUnits = model.seniorityUnits, seniorityHalfUnits = model.seniorityHalfUnits
        let (minimumGap, idealGap, forbidSameOrganisation) = (minimumGap, idealGap, forbidSameOrganisation)
        let regionAlwaysFine: UInt8 = inPersonNeedsRegion ? 0 : 1
        mentors.region.withUnsafeBufferPointer { mentorRegion in
        mentors.organisation.withUnsafeBufferPointer { mentorOrganisation in
        mentors.level.withUnsafeBufferPointer { mentorLevel in
        mentors.meeting.withUnsafeBufferPointer { mentorMeeting in
        shared.withUnsafeBufferPointer { shared in
        flags.withUnsafeMutableBufferPointer { flags in
            for column in 0..<columns {
                let goal = product.load(fromByteOffset: column * MemoryLayout<Scalar>.stride, as: Scalar.self).exactInt32
                let sameRegion: UInt8 = mentorRegion[column] == region ? 1 : 0
                let sameOrganisation: UInt8 = mentorOrganisation[column] == organisation ? 1 : 0
                let sharesLanguage = shared[column] & 1
                let gap = mentorLevel[column] &- level
                let offIdeal = gap &- idealGap
                let seniority = offIdeal == 0 ? seniorityUnits : (offIdeal == 1 || offIdeal == -1 ? seniorityHalfUnits : 0)
                let score = goal &+ seniority
                    &+ (sameRegion == 1 ? regionUnits : 0)
                    &+ (sharesLanguage == 1 ? languageUnits : 0)
                    &+ (sameOrganisation == 1 ? organisationUnits : 0)
                let both = mentorMeeting[column] & meeting
                let canMeet = (both & 1) | ((both >> 1) & (sameRegion | regionAlwaysFine))
                let tooJunior: UInt8 = gap < minimumGap ? 1 : 0
                let bad = (canMeet ^ 1) | tooJunior | (sameOrganisation & forbidSameOrganisation)
                    | (checkLanguage & (shared[column] >> 1) & (sharesLanguage ^ 1))
                flags[column] = bad
                output[column] = bad == 0 ? score : 0
            }
        }}}}}}
        packBits(into: forbidden, count: columns)
    }

    /// Bit 0 of `shared[j]`: the row's mentee and mentor `j` share a language;
    /// bit 1: mentor `j` lists at least one.
    private mutating func markSharedLanguages(_ row: Int) {
        let words = mentors.languageWords
        let columns = model.cohort.mentors.count
        mentors.languages.withUnsafeBufferPointer { mentorLanguages in
            mentees.languages.withUnsafeBufferPointer { menteeLanguages in
                shared.withUnsafeMutableBufferPointer { shared in
                    if words == 1 {
                        let mine = menteeLanguages[row]
                        for column in 0..<columns {
                            let theirs = mentorLanguages[column]
                            shared[column] = ((theirs & mine) != 0 ? 1 : 0) | (theirs != 0 ? 2 : 0)
                        }
                    } else {
                        for column in 0..<columns {
                            var common: UInt64 = 0, listed: UInt64 = 0
                            for word in 0..<words {
                                common |= mentorLanguages[column * words + word] & menteeLanguages[row * words + word]
                                listed |= mentorLanguages[column * words + word]
                            }
                            shared[column] = (common != 0 ? 1 : 0) | (listed != 0 ? 2 : 0)
                        }
                    }
                }
            }
        }
    }

    private func languageListed(_ keys: _PersonKeys, _ row: Int) -> Bool {
        keys.languages[row * keys.languageWords..<(row + 1) * keys.languageWords].contains { $0 != 0 }
    }

    /// Packs the 0/1 flag bytes into mask words, eight bytes at a time: for
    /// bytes b₀…b₇ read as one little-endian word, multiplying by
    /// 0x0102040810204080 moves bᵢ to bit 56 + i with no carries between them,
    /// so the top byte is the eight flags in order.
    private func packBits(into forbidden: UnsafeMutablePointer<UInt64>, count: Int) {
        flags.withUnsafeBytes { bytes in
            let words = (count + 63) / 64
            for word in 0..<words {
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
