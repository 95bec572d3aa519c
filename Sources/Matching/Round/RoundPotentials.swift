import Assignment

/// The potentials (dual values) of a round's certified answer, person by
/// person, where a follow-up round's solve starts.
///
/// They are in score units of the round's resolution, per unit of the
/// objective's scale, so that a round solved under another objective's terms
/// can still start from them. The values themselves prove nothing in a later
/// round (its problem differs); they only tell the solver where the answer
/// probably is, and the later round is solved and certified in full.
public struct RoundPotentials: Sendable, Equatable {
    /// Each mentee's potential.
    public var mentees: [ParticipantID: Int64]
    /// Each mentor's potentials: one per place when each place is a column
    /// of its own (with a slot discount), else one.
    public var mentors: [ParticipantID: [Int64]]

    public init(mentees: [ParticipantID: Int64] = [:], mentors: [ParticipantID: [Int64]] = [:]) {
        self.mentees = mentees
        self.mentors = mentors
    }
}

extension RoundPotentials {
    /// The potentials of a solve's answer in the whole problem's terms.
    init(_ outcome: _RoundSolver.Outcome, cohort: Cohort) {
        let pairs = outcome.pairs, duals = outcome.solution.duals
        let scale = max(1, pairs.scale)
        mentees = Dictionary(
            uniqueKeysWithValues: cohort.mentees.indices.map {
                (cohort.mentees[$0].id, duals.rowPotentials[$0] / scale)
            })
        mentors = Dictionary(
            uniqueKeysWithValues: cohort.mentors.indices.map { mentor in
                let columns =
                    pairs.placeColumns
                    ? Array(pairs.firstPlace[mentor]..<(pairs.firstPlace[mentor] + pairs.places[mentor])) : [mentor]
                return (cohort.mentors[mentor].id, columns.map { duals.columnPotentials[$0] / scale })
            })
    }

    /// The potentials by index in `cohort` (`nil` for anyone not in the
    /// round they came from).
    func indexed(in cohort: Cohort) -> _IndexedPotentials {
        _IndexedPotentials(
            mentees: cohort.mentees.map { mentees[$0.id] }, mentors: cohort.mentors.map { mentors[$0.id] })
    }
}

/// An earlier round's potentials by mentee and mentor index of this round.
struct _IndexedPotentials {
    var mentees: [Int64?]
    /// Each mentor's potentials, one per place or one.
    var mentors: [[Int64]?]

    /// The start of a solve of `pairs` from these potentials: each mentee's
    /// and column's potential scaled to `pairs`' values (anyone new starts
    /// at the highest potential of their side, which the solver treats as
    /// the most neutral), and the earlier mentors of `mentorOfMentee` at
    /// the places `locks` leave; `nil` when a scaled potential would be
    /// beyond ±2⁵² (no answer's potentials are: a ledger's were altered),
    /// which keeps every sum over them in range.
    func start(
        for pairs: _EligiblePairs, mentorOfMentee: [Int?], locks: [(mentee: Int, mentor: Int)]
    ) -> ColumnGeneration.Start<Int64>? {
        let scale = max(1, pairs.scale), bound: Int64 = 1 << 52
        let limit = UInt64(bound / scale)
        guard mentees.allSatisfy({ ($0?.magnitude ?? 0) <= limit }),
            mentors.allSatisfy({ ($0 ?? []).allSatisfy { $0.magnitude <= limit } })
        else { return nil }
        let menteeValues = mentees.map { $0.map { $0 * scale } }
        let highestMentee = menteeValues.compactMap { $0 }.max() ?? 0
        var columnValues = [Int64?](repeating: nil, count: pairs.columnCount)
        var used = [Int](repeating: 0, count: pairs.places.count)
        for lock in locks { used[lock.mentor] += 1 }
        for (mentor, earlier) in mentors.enumerated() {
            guard let earlier, !earlier.isEmpty else { continue }
            if pairs.placeColumns {
                for place in 0..<pairs.places[mentor] {
                    columnValues[pairs.firstPlace[mentor] + place] = earlier[min(place, earlier.count - 1)] * scale
                }
            } else {
                columnValues[mentor] = earlier.max()! * scale
            }
        }
        let highestColumn = columnValues.compactMap { $0 }.max() ?? 0
        let columnForRow = mentorOfMentee.map { mentor -> Int? in
            guard let mentor, pairs.places[mentor] > 0 else { return nil }
            guard pairs.placeColumns else { return mentor }
            guard used[mentor] < pairs.places[mentor] else { return nil }
            defer { used[mentor] += 1 }
            return pairs.firstPlace[mentor] + used[mentor]
        }
        return ColumnGeneration.Start(
            rowPotentials: menteeValues.map { $0 ?? highestMentee },
            columnPotentials: columnValues.map { $0 ?? highestColumn }, columnForRow: columnForRow)
    }
}
