import Assignment

/// The sparse assignment problem over a round's candidate pairs, in either
/// orientation, and the way back from its answer to the whole problem's
/// terms (rows are mentees, columns mentors or places).
///
/// - Mentees as rows: columns are mentors with their places as capacity, or
///   each place its own column when there is a slot discount.
/// - Transposed: one row per place and one column per mentee (capacity 1).
///   The two forms are the same linear programme with the roles of the duals
///   swapped, because both sides may stay unmatched at value 0: a mentee's
///   potential in one is its column potential in the other. A mentor's places
///   share one potential (their rows are identical, so any two place
///   potentials bound each other), which is the mentor column's potential.
struct _SparseRoundProblem {
    let pairs: _EligiblePairs
    let transposed: Bool
    let problem: SparseAssignmentProblem<Int64>

    init(pairs: _EligiblePairs, candidates: [[Int32]], transposed: Bool) {
        self.pairs = pairs
        self.transposed = transposed
        let matrix = pairs.matrix
        let places = pairs.places
        var rowStart = [0]
        var columnIndices: [Int32] = []
        var values: [Int64] = []
        let pairCount = candidates.reduce(0) { $0 + $1.count }
        columnIndices.reserveCapacity(pairCount * 2)
        values.reserveCapacity(pairCount * 2)
        func worth(_ mentee: Int, _ mentor: Int, place: Int) -> Int64 {
            Int64(matrix.scores[mentee * matrix.mentors + mentor]) + pairs.offset - Int64(place) * pairs.discount
        }
        if transposed {
            // Each mentor's candidate mentees, in mentee order.
            var menteesOf = [[Int32]](repeating: [], count: matrix.mentors)
            for (mentee, mentors) in candidates.enumerated() {
                for mentor in mentors { menteesOf[Int(mentor)].append(Int32(mentee)) }
            }
            for mentor in 0..<matrix.mentors {
                for place in 0..<places[mentor] {
                    for mentee in menteesOf[mentor] {
                        columnIndices.append(mentee)
                        values.append(worth(Int(mentee), mentor, place: place))
                    }
                    rowStart.append(values.count)
                }
            }
        } else {
            for (mentee, mentors) in candidates.enumerated() {
                for mentor in mentors.map(Int.init) {
                    guard pairs.placeColumns else {
                        columnIndices.append(Int32(mentor))
                        values.append(worth(mentee, mentor, place: 0))
                        continue
                    }
                    for place in 0..<places[mentor] {
                        columnIndices.append(Int32(pairs.firstPlace[mentor] + place))
                        values.append(worth(mentee, mentor, place: place))
                    }
                }
                rowStart.append(values.count)
            }
        }
        let rows = transposed ? pairs.mentorOfPlace.count : matrix.mentees
        let columns = transposed ? matrix.mentees : pairs.columnCount
        // The candidates are eligible pairs in range, in increasing order per
        // row, and their values are 32-bit scores plus offsets far inside the
        // solver's bound: the matrix and problem are valid by construction.
        let sparse = try! SparseCostMatrix(rows: rows, columns: columns, rowStart: rowStart,
                                           columnIndices: columnIndices, values: values)
        problem = try! SparseAssignmentProblem(sparse, sense: .maximize,
                                               capacities: transposed ? nil : pairs.capacities,
                                               unassignedRows: .allowed(value: 0))
    }

    /// The sparse answer as an answer to the whole problem, rows being mentees.
    func wholeProblemSolution(_ solution: AssignmentSolution<Int64>) -> AssignmentSolution<Int64> {
        guard transposed else { return solution }
        let mentees = pairs.matrix.mentees
        var columnForMentee = [Int?](repeating: nil, count: mentees)
        for (place, mentee) in solution.columnForRow.enumerated() {
            if let mentee { columnForMentee[mentee] = pairs.placeColumns ? place : pairs.mentorOfPlace[place] }
        }
        let placePotentials = solution.duals.rowPotentials
        var columnPotentials: [Int64]
        if pairs.placeColumns {
            columnPotentials = placePotentials
        } else {
            columnPotentials = [Int64](repeating: 0, count: pairs.matrix.mentors)
            var seen = [Bool](repeating: false, count: pairs.matrix.mentors)
            for (place, mentor) in pairs.mentorOfPlace.enumerated() where !seen[mentor] || placePotentials[place] > columnPotentials[mentor] {
                columnPotentials[mentor] = placePotentials[place]
                seen[mentor] = true
            }
        }
        let duals = Duals(rowPotentials: solution.duals.columnPotentials, columnPotentials: columnPotentials,
                          unassigned: Duals.UnassignedOption(cost: 0, capacity: mentees, potential: 0))
        return AssignmentSolution(columnForRow: columnForMentee, objective: solution.objective,
                                  objectiveWithUnassigned: solution.objectiveWithUnassigned, duals: duals)
    }
}
