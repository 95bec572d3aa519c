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
    private let byDepth: _SkillColumns<Scalar>
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
        (self.rowStart, self.depthIndex, self.values, self.mentors, self.depth) =
            (rowStart, depthIndex, values, mentors, depth)
        self.byDepth = _SkillColumns(byDepth)
    }

    private init(
        rowStart: [Int], depthIndex: [Int], values: [Scalar], byDepth: _SkillColumns<Scalar>, mentors: Int,
        depth: Int
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
        _SparseGoalProduct(
            rowStart: rowStart, depthIndex: depthIndex, values: values,
            byDepth: byDepth.gathered(subset, mentors: mentors, depth: depth), mentors: subset.count, depth: depth)
    }

    /// Writes mentee `row`'s product with the mentors in `columns` to
    /// `output` (`columns.count` values, the first mentor's first).
    func productRow(_ row: Int, columns: Range<Int>, into output: UnsafeMutablePointer<Scalar>) {
        let nonzeros = rowStart[row]..<rowStart[row + 1]
        guard !nonzeros.isEmpty else {
            output.update(repeating: 0, count: columns.count)
            return
        }
        let weights = values[nonzeros], depths = depthIndex[nonzeros]
        switch byDepth {
        case .narrow(let byDepth):
            byDepth.withUnsafeBufferPointer { byDepth in
                Self.sum(
                    weights, depths, byDepth.baseAddress! + columns.lowerBound, stride: mentors, columns.count, output)
            }
        case .wide(let byDepth):
            byDepth.withUnsafeBufferPointer { byDepth in
                Self.sum(
                    weights, depths, byDepth.baseAddress! + columns.lowerBound, stride: mentors, columns.count, output)
            }
        }
    }

    /// `output[j] = Σ weights[k] × columns[depths[k] × stride + j]` for `j`
    /// in `0..<count`: the product loop, once for each kind of column.
    @inline(__always)
    private static func sum<Value: _SkillValue>(
        _ weights: ArraySlice<Scalar>, _ depths: ArraySlice<Int>, _ columns: UnsafePointer<Value>, stride: Int,
        _ count: Int, _ output: UnsafeMutablePointer<Scalar>
    ) {
        let first = weights.startIndex, end = weights.endIndex
        let weight = weights[first], column = columns + depths[first] * stride
        for mentor in 0..<count { output[mentor] = weight * column[mentor].widened() }
        // Two nonzeros a pass: half the reads and writes of the output row.
        var next = first + 1
        while next + 1 < end {
            let (a, b) = (weights[next], weights[next + 1])
            let (columnA, columnB) = (columns + depths[next] * stride, columns + depths[next + 1] * stride)
            for mentor in 0..<count { output[mentor] += a * columnA[mentor].widened() + b * columnB[mentor].widened() }
            next += 2
        }
        if next < end {
            let weight = weights[next], column = columns + depths[next] * stride
            for mentor in 0..<count { output[mentor] += weight * column[mentor].widened() }
        }
    }
}

/// The mentors' encodings by depth, as `Int8` when every one is a whole
/// number that fits (skill levels and criteria answers, under every policy
/// whose skill-level weights stay below 128), in the product's precision
/// otherwise.
///
/// A row's product reads one column of every mentor for each of the
/// mentee's goals, and the columns are read again for every row. At
/// 700,000 × 300,000 with 60 topics the `Float` columns took 72 MB, more
/// than twice the 32 MB shared cache, so each row's reads came from memory:
/// the product's multiplies (their operands loaded from the columns) took
/// 48 % of the samples while scoring (`perf record` over a minute of it),
/// the fused loop 30 %. As bytes the columns take 18 MB, and the million's
/// scoring took 3 min 13 s instead of 4 min 03 s (one run each, one after
/// the other); at 140,000 × 60,000, whose 14 MB of columns fit the cache
/// already, `tandem validate` took 12.9–13.5 s against 13.1–15.4 s. A
/// byte widens to the scalar in the loop (one conversion an element, the
/// values and so the products unchanged).
enum _SkillColumns<Scalar: _ExactProductScalar>: Sendable {
    case narrow([Int8])
    case wide([Scalar])

    init(_ values: [Scalar]) {
        let fits = values.allSatisfy { $0 == $0.rounded() && $0 >= -128 && $0 <= 127 }
        self = fits ? .narrow(values.map { Int8($0) }) : .wide(values)
    }

    /// The subset's mentors' columns, in its order.
    func gathered(_ subset: _MentorSubset, mentors: Int, depth: Int) -> _SkillColumns {
        func gather<Value>(_ byDepth: [Value]) -> [Value] {
            var gathered: [Value] = []
            gathered.reserveCapacity(depth * subset.count)
            for index in 0..<depth {
                let column = byDepth[index * mentors..<(index + 1) * mentors]
                for mentor in subset.mentors { gathered.append(column[column.startIndex + Int(mentor)]) }
            }
            return gathered
        }
        switch self {
        case .narrow(let byDepth): return .narrow(gather(byDepth))
        case .wide(let byDepth): return .wide(gather(byDepth))
        }
    }
}

/// A stored mentor encoding, widened to the product's scalar in the loop.
protocol _SkillValue {
    func widened<Scalar: _ExactProductScalar>() -> Scalar
}

extension Int8: _SkillValue {
    @inline(__always)
    func widened<Scalar: _ExactProductScalar>() -> Scalar { Scalar(self) }
}

extension Float: _SkillValue {
    @inline(__always)
    func widened<Scalar: _ExactProductScalar>() -> Scalar { Scalar(self) }
}

extension Double: _SkillValue {
    @inline(__always)
    func widened<Scalar: _ExactProductScalar>() -> Scalar { Scalar(self) }
}
