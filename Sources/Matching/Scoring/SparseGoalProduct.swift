/// The goal product of one mentee row computed from the mentee's few nonzero
/// encodings: the row is the sum, over the mentee's goals (and nonzero
/// criterion columns), of the goal's units times the mentors' column of that
/// topic — `nonzeros × mentors` additions instead of the GEMM's
/// `depth × mentors` multiply-adds.
///
/// A mentee lists a handful of goals out of a taxonomy of dozens of topics,
/// so the mentee side of the product is mostly zeros: the generated
/// 100,000 × 50,000 cohort has 60 topics and 1–5 goals a mentee. OpenBLAS
/// has no sparse-times-dense routine, and its GEMM multiplies every zero:
/// there its `sgemm` kernel and packing took a quarter of a whole round's
/// samples (`perf record`), more than any other function. Each topic's
/// mentor column is contiguous here (`byDepth` is the skill matrix
/// transposed), so the row is built in a few vectorised passes over
/// contiguous memory into one row of scratch that stays in cache for the
/// fused loop that reads it next.
///
/// Every value is a whole number and every partial sum is bounded by the sum
/// of the terms' magnitudes (the model's `productBound`, below 2²² for
/// `Float`), so the row equals the GEMM's exactly, whatever the order of the
/// additions. The block computer picks this form when the mentees'
/// encodings are sparse enough (``isWorthwhile(nonzeros:rows:depth:)``).
struct _SparseGoalProduct<Scalar: _ExactProductScalar>: Sendable {
    /// Mentee `m`'s nonzeros are `depthIndex[rowStart[m]..<rowStart[m + 1]]`
    /// with `values` alike, in depth order.
    private let rowStart: [Int]
    private let depthIndex: [Int]
    private let values: [Scalar]
    /// The mentors' encodings by depth: entry `d × mentors + j` is mentor
    /// `j`'s value at depth `d`.
    private let byDepth: [Scalar]
    /// Mentors in a row (the columns of `byDepth`).
    let mentors: Int
    private let depth: Int

    /// From the dense encodings: `goals` is `mentees × depth`, `skills` is
    /// `mentors × depth`, both row-major, `depth` positive.
    init(goals: [Scalar], skills: [Scalar], depth: Int) {
        precondition(depth > 0, "sparse rows of no depth")
        var rowStart = [0], depthIndex: [Int] = [], values: [Scalar] = []
        for row in 0..<goals.count / depth {
            for index in 0..<depth where goals[row * depth + index] != 0 {
                depthIndex.append(index)
                values.append(goals[row * depth + index])
            }
            rowStart.append(values.count)
        }
        let mentors = skills.count / depth
        var byDepth = [Scalar](repeating: 0, count: skills.count)
        for mentor in 0..<mentors {
            for index in 0..<depth { byDepth[index * mentors + mentor] = skills[mentor * depth + index] }
        }
        (self.rowStart, self.depthIndex, self.values, self.byDepth, self.mentors, self.depth) =
            (rowStart, depthIndex, values, byDepth, mentors, depth)
    }

    private init(
        rowStart: [Int], depthIndex: [Int], values: [Scalar], byDepth: [Scalar], mentors: Int, depth: Int
    ) {
        (self.rowStart, self.depthIndex, self.values, self.byDepth, self.mentors, self.depth) =
            (rowStart, depthIndex, values, byDepth, mentors, depth)
    }

    /// Whether `nonzeros` among `rows × depth` mentee encodings make the
    /// sparse rows cheaper than the GEMM: at most `(depth + 14) / 6`
    /// nonzeros a row on average.
    ///
    /// The rule is a cost model fitted on this machine (two cores, release
    /// build, `tandem validate`, which loads and scores every pair once,
    /// each product forced in turn): sparse rows cost about 0.21 ns a pair
    /// for each nonzero, the GEMM about 0.5 ns a pair (writing and reading
    /// back its product block) plus 0.035 ns for each unit of depth. At
    /// 100,000 × 50,000 with 60 topics (3 nonzeros a row) the pass took
    /// 20.0 s of processor time against the GEMM's 28.4 s (wall 12.7 s
    /// against 16.7 s, three runs each, alternating); at 40,000 × 20,000,
    /// processor time, sparse against GEMM: 8 topics (3.5 nonzeros a row)
    /// 5.2 against 5.8 s, 5 topics (3.5, where the rule keeps the GEMM)
    /// 4.7 against 5.2 s, 3 topics (2.8) 4.3 against 4.8 s, the last two
    /// within the noise. A taxonomy of a few topics and many product
    /// criteria, dense on the mentee side, keeps the GEMM.
    static func isWorthwhile(nonzeros: Int, rows: Int, depth: Int) -> Bool {
        depth > 0 && nonzeros * 6 <= rows * (depth + 14)
    }

    /// The same product against the subset's mentors alone, in its order.
    func restricted(to subset: _MentorSubset) -> _SparseGoalProduct {
        var gathered: [Scalar] = []
        gathered.reserveCapacity(depth * subset.count)
        for index in 0..<depth {
            let column = byDepth[index * mentors..<(index + 1) * mentors]
            for mentor in subset.mentors { gathered.append(column[column.startIndex + Int(mentor)]) }
        }
        return _SparseGoalProduct(
            rowStart: rowStart, depthIndex: depthIndex, values: values, byDepth: gathered, mentors: subset.count,
            depth: depth)
    }

    /// Writes mentee `row`'s product with every mentor to `output`
    /// (`mentors` values).
    func productRow(_ row: Int, into output: UnsafeMutablePointer<Scalar>) {
        let nonzeros = rowStart[row]..<rowStart[row + 1], count = mentors
        guard let first = nonzeros.first else {
            output.update(repeating: 0, count: count)
            return
        }
        byDepth.withUnsafeBufferPointer { byDepth in
            let columns = byDepth.baseAddress!
            let weight = values[first], column = columns + depthIndex[first] * count
            for mentor in 0..<count { output[mentor] = weight * column[mentor] }
            // Two nonzeros a pass: half the reads and writes of the output row.
            var next = first + 1
            while next + 1 < nonzeros.upperBound {
                let (a, b) = (values[next], values[next + 1])
                let (columnA, columnB) = (columns + depthIndex[next] * count, columns + depthIndex[next + 1] * count)
                for mentor in 0..<count { output[mentor] += a * columnA[mentor] + b * columnB[mentor] }
                next += 2
            }
            if next < nonzeros.upperBound {
                let weight = values[next], column = columns + depthIndex[next] * count
                for mentor in 0..<count { output[mentor] += weight * column[mentor] }
            }
        }
    }
}
