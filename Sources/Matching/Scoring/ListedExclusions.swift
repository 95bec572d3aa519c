/// The pair rules that come as lists rather than from the two people's
/// attributes, arranged by mentee so that any row can be finished on its own:
/// declared conflicts, line management and same-person pairs (forbidden),
/// declared conflicts with an organisation (forbidden), and earlier pairs the
/// policy penalises (a penalty on the score).
///
/// Organisation conflicts stay as organisations, expanded to their people
/// when a row is finished: a declared conflict with a large organisation
/// names thousands of people, and listed pair by pair a million-person
/// cohort's fifty-to-one declarations would take gigabytes.
struct _ListedExclusions: Sendable {
    /// Forbidden mentors by mentee: `mentors[start[i]..<start[i + 1]]`.
    private let exclusionStart: [Int]
    private let excludedMentors: [Int32]
    /// Penalised earlier pairs by mentee, the same way.
    private let penaltyStart: [Int]
    private let penalisedMentors: [Int32]
    /// Organisations a mentee declared a conflict with (numbered), by mentee.
    private let declaredStart: [Int]
    private let declaredOrganisations: [Int32]
    /// Each mentee's organisation's number, or -1 when no mentor names it.
    private let menteeOrganisation: [Int32]
    /// By organisation number: the mentors working there, and the mentors
    /// who declared a conflict with it.
    private let mentorsIn: [[Int32]]
    private let mentorsDeclaring: [[Int32]]
    private let penaltyUnits: Int32

    init(cohort: Cohort, penaltyUnits: Int32) {
        self.penaltyUnits = penaltyUnits
        (exclusionStart, excludedMentors) = Self.byMentee(
            cohort.indexedExclusions.map { ($0.mentee, $0.mentor) }, mentees: cohort.mentees.count)
        (penaltyStart, penalisedMentors) = Self.byMentee(cohort.penalisedPairs, mentees: cohort.mentees.count)
        var numbers: [String: Int32] = [:]
        func number(_ organisation: String) -> Int32 {
            if let known = numbers[organisation] { return known }
            numbers[organisation] = Int32(numbers.count)
            return Int32(numbers.count - 1)
        }
        var mentorsIn: [[Int32]] = [], mentorsDeclaring: [[Int32]] = []
        func grow() {
            while mentorsIn.count < numbers.count {
                mentorsIn.append([])
                mentorsDeclaring.append([])
            }
        }
        for (index, mentor) in cohort.mentors.enumerated() {
            let organisation = number(_Term.normalised(mentor.organisation))
            grow()
            mentorsIn[Int(organisation)].append(Int32(index))
        }
        for (index, organisations) in cohort.mentorOrganisationConflicts.enumerated() {
            for organisation in organisations {
                let numbered = number(organisation)
                grow()
                mentorsDeclaring[Int(numbered)].append(Int32(index))
            }
        }
        var declared: [(mentee: Int, mentor: Int)] = []
        for (index, organisations) in cohort.menteeOrganisationConflicts.enumerated() {
            for organisation in organisations {
                if let numbered = numbers[organisation] { declared.append((index, Int(numbered))) }
            }
        }
        (declaredStart, declaredOrganisations) = Self.byMentee(declared, mentees: cohort.mentees.count)
        menteeOrganisation = cohort.mentees.map { numbers[_Term.normalised($0.organisation)] ?? -1 }
        self.mentorsIn = mentorsIn
        self.mentorsDeclaring = mentorsDeclaring
    }

    /// (mentee, other) pairs sorted by mentee, as row starts and others.
    private static func byMentee(_ pairs: [(mentee: Int, mentor: Int)], mentees: Int) -> ([Int], [Int32]) {
        var start = [Int](repeating: 0, count: mentees + 1)
        for pair in pairs { start[pair.mentee + 1] += 1 }
        for mentee in 0..<mentees { start[mentee + 1] += start[mentee] }
        var next = start, others = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            others[next[pair.mentee]] = Int32(pair.mentor)
            next[pair.mentee] += 1
        }
        return (start, others)
    }

    /// Forbids the mentee's listed pairs (score 0) and adds the penalty to
    /// their penalised earlier pairs that stay allowed; with `columnOf`, the
    /// row's columns are a subset of the mentors (−1: a mentor not among them).
    func apply(
        mentee: Int, scores: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>,
        columnOf: UnsafePointer<Int32>? = nil
    ) {
        func column(_ mentor: Int32) -> Int { Int(columnOf?[Int(mentor)] ?? mentor) }
        func forbid(_ mentor: Int32) {
            let column = column(mentor)
            guard column >= 0 else { return }
            forbidden[column >> 6] |= 1 << UInt64(column & 63)
            scores[column] = 0
        }
        for position in exclusionStart[mentee]..<exclusionStart[mentee + 1] { forbid(excludedMentors[position]) }
        for position in declaredStart[mentee]..<declaredStart[mentee + 1] {
            for mentor in mentorsIn[Int(declaredOrganisations[position])] { forbid(mentor) }
        }
        if menteeOrganisation[mentee] >= 0 {
            for mentor in mentorsDeclaring[Int(menteeOrganisation[mentee])] { forbid(mentor) }
        }
        for position in penaltyStart[mentee]..<penaltyStart[mentee + 1] {
            let column = column(penalisedMentors[position])
            if column >= 0, forbidden[column >> 6] >> UInt64(column & 63) & 1 == 0 { scores[column] += penaltyUnits }
        }
    }
}
