/// The policy's criteria turned into what the scoring kernel reads: columns
/// of the concatenated feature matrices for every product criterion, and
/// compact per-person keys for the rules a product cannot express.
///
/// A criterion over categories or lists (`same`, `share`, `requested`,
/// `overlap`) scores as a dot product: each side encodes its answer over the
/// values both sides use (one-hot or multi-hot, ranks and levels as the
/// entries' sizes), the weight in units folded into the mentee side and a
/// side's opt-in folded in by leaving a person who did not opt in all zeros.
/// All those columns sit after the topics in the goal and skill matrices, so
/// one GEMM gives the goal units plus every such bonus. Hard rules, gaps,
/// differences and named preferences are applied by the row pass
/// (`_CriterionRowPass`) on the same rows while they are in cache.
struct _CriterionTerms: Sendable {
    /// One criterion, compiled.
    struct Term: Sendable {
        let index: Int
        let criterion: Criterion
        /// First column of its encoding after the topics, and how many.
        var offset = 0
        var width = 0
        /// Normalised value → column within the encoding (values both sides use).
        var column: [String: Int] = [:]
        /// `same`, `share`, `requested`: units per matching value; `levels`,
        /// `difference`: the bonus at the ideal.
        var units: Int32 = 0
        /// `levels`: the bonus one level off the ideal.
        var halfUnits: Int32 = 0
        /// `overlap`, `preferences`: units by rank (index 0 = rank 1).
        var rankUnits: [Int64] = []
        /// 1 when the criterion applies to the person: their side's opt-in
        /// (if any) is yes and they answered.
        var menteeActive: [Int32] = []
        var mentorActive: [Int32] = []
        /// `same` with a hard rule: the category's number (values of both sides).
        var menteeCategory: [Int32] = []
        var mentorCategory: [Int32] = []
        /// `share`, `requested` with a hard rule: value bits, `words` per person.
        var menteeBits: [UInt64] = []
        var mentorBits: [UInt64] = []
        var words = 1
        /// `levels`, `difference`: each person's level index or number.
        var menteeNumber: [Double] = []
        var mentorNumber: [Double] = []
        /// `preferences`: for each mentee, the mentors named (by them or by
        /// the mentor), with the rank, sorted by mentor.
        var named: [[(mentor: Int32, rank: Int32)]] = []
        /// `preferences` named by mentors: 1 for a mentor who named anyone.
        var mentorNamedAnyone: [Int32] = []

        /// Whether the GEMM computes its bonus.
        var isProduct: Bool { width > 0 }
        /// Whether its hard rule compares the two sides' keys: equal
        /// (`same`), or a value in common (`share`, `requested`, `overlap`).
        var comparesKeys: Bool {
            criterion.rule != .bonus && [.same, .share, .requested, .overlap].contains(criterion.kind)
        }
        /// Whether the row pass has anything to do for it.
        var needsRowPass: Bool {
            comparesKeys || [.levels, .difference, .preferences].contains(criterion.kind)
        }
    }

    var terms: [Term] = []
    /// Columns after the topics.
    var width = 0
    /// Largest |units| the product part of all criteria can add to a pair.
    var productBound: Int64 = 0
    /// Largest |units| the row-pass part can add.
    var rowBound: Int64 = 0

    /// Compiles the cohort's criteria with weights in whole units.
    init(cohort: Cohort, units: (Double) -> Int64, levelMultipliers: [Int64]) {
        let mentees = cohort.mentees, mentors = cohort.mentors
        for (index, criterion) in cohort.policy.criteria.enumerated() {
            var term = Term(index: index, criterion: criterion)
            let menteeAnswers = mentees.map { $0.answers[index] }, mentorAnswers = mentors.map { $0.answers[index] }
            term.menteeActive = menteeAnswers.map { $0.optedIn && !$0.isBlank ? 1 : 0 }
            term.mentorActive = mentorAnswers.map { $0.optedIn && !$0.isBlank ? 1 : 0 }
            let weight = units(criterion.weight)
            switch criterion.kind {
            case .same, .share, .requested, .overlap:
                // Values used on both sides, numbered in first-seen order (mentees first).
                let theirs = Set(mentorAnswers.flatMap { $0.values.map(_Term.normalised) })
                for answer in menteeAnswers {
                    for value in answer.values.map(_Term.normalised)
                    where theirs.contains(value) && term.column[value] == nil {
                        term.column[value] = term.column.count
                    }
                }
                if criterion.kind == .overlap {
                    let deepest = menteeAnswers.map(\.values.count).max() ?? 0
                    var points = criterion.weight
                    for _ in 0..<deepest {
                        term.rankUnits.append(units(points))
                        points *= criterion.decay
                    }
                    if weight != 0 { term.width = term.column.count }
                    productBound += term.rankUnits.reduce(0) { $0 + abs($1) } * (levelMultipliers.max() ?? 1)
                } else {
                    term.units = Int32(clamping: weight)
                    if weight != 0 { term.width = term.column.count }
                    let longest = min(
                        menteeAnswers.map(\.values.count).max() ?? 0, mentorAnswers.map(\.values.count).max() ?? 0)
                    productBound += abs(weight) * Int64(criterion.kind == .same ? min(1, longest) : longest)
                }
                if term.comparesKeys {
                    term.setKeys(menteeAnswers, mentorAnswers)
                }
            case .levels, .difference:
                term.menteeNumber = menteeAnswers.map { $0.number ?? .nan }
                term.mentorNumber = mentorAnswers.map { $0.number ?? .nan }
                term.menteeActive = zip(term.menteeActive, term.menteeNumber).map { $1.isNaN ? 0 : $0 }
                term.mentorActive = zip(term.mentorActive, term.mentorNumber).map { $1.isNaN ? 0 : $0 }
                term.units = Int32(clamping: criterion.ideal == nil ? 0 : weight)
                term.halfUnits = criterion.kind == .levels ? Int32(clamping: units(criterion.weight / 2)) : term.units
                rowBound += Int64(abs(term.units))
            case .preferences:
                term.setPreferences(cohort: cohort, units: units)
                rowBound += term.rankUnits.map(abs).max() ?? 0
            }
            term.offset = width
            width += term.width
            terms.append(term)
        }
    }

    /// Writes every product criterion's encoding into the concatenated
    /// feature matrices (`stride` columns a row, the topics first).
    func encode<Scalar: BinaryFloatingPoint>(
        cohort: Cohort, topics: Int, stride: Int, levelMultipliers: [Int64],
        mentees menteeRows: inout [Scalar], mentors mentorRows: inout [Scalar]
    ) {
        for term in terms where term.isProduct {
            let base = topics + term.offset
            for (row, mentee) in cohort.mentees.enumerated() where term.menteeActive[row] == 1 {
                for (rank, value) in mentee.answers[term.index].values.enumerated() {
                    guard let column = term.column[_Term.normalised(value)] else { continue }
                    let size = term.criterion.kind == .overlap ? term.rankUnits[rank] : Int64(term.units)
                    menteeRows[row * stride + base + column] = Scalar(size)
                }
            }
            for (row, mentor) in cohort.mentors.enumerated() where term.mentorActive[row] == 1 {
                let answer = mentor.answers[term.index]
                for (position, value) in answer.values.enumerated() {
                    guard let column = term.column[_Term.normalised(value)] else { continue }
                    let level = answer.levels.indices.contains(position) ? answer.levels[position] : 1
                    let size = term.criterion.kind == .overlap ? levelMultipliers[level - 1] : 1
                    mentorRows[row * stride + base + column] = Scalar(size)
                }
            }
        }
    }
}

extension _CriterionTerms.Term {
    /// Category numbers (`same`) or value bits (lists) for the hard rule.
    fileprivate mutating func setKeys(_ menteeAnswers: [Criterion.Answer], _ mentorAnswers: [Criterion.Answer]) {
        var number: [String: Int] = [:]
        for answer in menteeAnswers + mentorAnswers {
            for value in answer.values.map(_Term.normalised) where number[value] == nil { number[value] = number.count }
        }
        if criterion.kind == .same {
            let key = { (answer: Criterion.Answer) -> Int32 in
                answer.values.first.map { Int32(number[_Term.normalised($0)]!) } ?? -1
            }
            menteeCategory = menteeAnswers.map(key)
            mentorCategory = mentorAnswers.map(key)
            return
        }
        words = max(1, (number.count + 63) / 64)
        func bits(_ answers: [Criterion.Answer]) -> [UInt64] {
            var bits = [UInt64](repeating: 0, count: answers.count * words)
            for (row, answer) in answers.enumerated() {
                for value in answer.values {
                    let bit = number[_Term.normalised(value)]!
                    bits[row * words + bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
            return bits
        }
        menteeBits = bits(menteeAnswers)
        mentorBits = bits(mentorAnswers)
    }

    /// Who named whom, as mentee rows, and the units of each rank.
    fileprivate mutating func setPreferences(cohort: Cohort, units: (Double) -> Int64) {
        let byMentee = criterion.namingSide == .mentee
        let namers = byMentee ? cohort.mentees : cohort.mentors
        let deepest = namers.map { $0.answers[index].values.count }.max() ?? 0
        var points = criterion.weight
        for _ in 0..<deepest {
            rankUnits.append(units(points))
            points *= criterion.decay
        }
        named = Array(repeating: [], count: cohort.mentees.count)
        mentorNamedAnyone = [Int32](repeating: 0, count: cohort.mentors.count)
        for (namer, person) in namers.enumerated() {
            for (rank, id) in person.answers[index].values.enumerated() {
                let target =
                    byMentee ? cohort.mentorIndexByID[ParticipantID(id)] : cohort.menteeIndexByID[ParticipantID(id)]
                guard let target else { continue }
                let (mentee, mentor) = byMentee ? (namer, target) : (target, namer)
                named[mentee].append((Int32(mentor), Int32(rank + 1)))
                if !byMentee { mentorNamedAnyone[mentor] = 1 }
            }
        }
        for mentee in named.indices { named[mentee].sort { $0.mentor < $1.mentor } }
    }
}
