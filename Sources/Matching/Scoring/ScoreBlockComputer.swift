/// Which mentees a block pass scores: consecutive ones, or a list
/// (ascending, without repeats).
enum _MenteeSelection {
    case range(Range<Int>)
    case listed(UnsafeBufferPointer<Int>)

    var count: Int {
        switch self {
        case .range(let range): range.count
        case .listed(let list): list.count
        }
    }

    subscript(position: Int) -> Int {
        switch self {
        case .range(let range): range.lowerBound + position
        case .listed(let list): list[position]
        }
    }
}

/// Scores a block of mentees: a GEMM of their encodings against every
/// mentor's into a cache-sized scratch block (in single precision when every
/// product stays below 2²² in magnitude, so the product of whole numbers is
/// exact; in double precision otherwise) — or, when the mentees' encodings
/// are mostly zeros, each row's product summed from their few nonzeros
/// (``_SparseGoalProduct``) —, then one fused loop per row turns
/// each product into an integer, adds the seniority, region, language and
/// organisation terms, evaluates the hard rules into forbidden bits, and
/// writes the score — one read and one write per cell after the GEMM; the
/// criteria's rules and gap bonuses follow on the same row
/// (`_CriterionRowPass`) while it is in cache, and the listed exclusions and
/// penalties last (`_ListedExclusions`).
///
/// Rows need not be consecutive: a block of scattered mentees has their
/// encodings gathered first (one row of `depth` values each), so a pass
/// over a few rows costs a few rows.
///
/// Not generic itself: the scalar is chosen once, and each pass calls the
/// generic loop with a concrete type, so it is specialised (called through a
/// generic type's witness table, the fused loop ran unspecialised, each
/// conversion a call: validating 34,000 × 16,000 took 7.4 s instead of 3.6 s).
struct _ScoreBlockComputer: Sendable {
    /// The product's operands, in the precision the products need.
    private enum Features: Sendable {
        case single(_GoalProduct<Float>)
        case double(_GoalProduct<Double>)
    }

    let model: ScoringModel
    private var features: Features
    let depth: Int
    let listed: _ListedExclusions
    private(set) var blockRows: Int
    /// The mentors a row is scored against, when not all of them
    /// (``restricted(to:)``): a row's columns are the subset's.
    private(set) var subset: _MentorSubset?
    /// A row's columns: the cohort's mentors, or the subset's.
    private(set) var mentors: Int

    var mentees: Int { model.cohort.mentees.count }
    var wordsPerRow: Int { (mentors + 63) / 64 }

    /// In single precision when every product stays below 2²² in magnitude
    /// (exact for whole numbers), in double precision otherwise.
    init(model: ScoringModel) {
        self.model = model
        let stride: Int
        if model.productBound < 1 << 22 {
            let (goals, skills, depth) = model.featureMatrices(Float.self)
            (features, self.depth, stride) = (
                .single(_GoalProduct(goals: goals, skills: skills, depth: depth)), depth, 4
            )
        } else {
            let (goals, skills, depth) = model.featureMatrices(Double.self)
            (features, self.depth, stride) = (
                .double(_GoalProduct(goals: goals, skills: skills, depth: depth)), depth, 8
            )
        }
        listed = _ListedExclusions(cohort: model.cohort, penaltyUnits: model.repeatPairUnits)
        mentors = model.cohort.mentors.count
        blockRows = Self.blockRows(mentors: mentors, stride: stride)
    }

    /// About 16 MB of product per block: it stays in the last-level cache
    /// for the fused pass, and OpenBLAS seldom repacks the skill matrix.
    /// Measured at 20,000 × 10,000 (one thread): 2 MB blocks 3.54 s,
    /// 4 MB 3.45 s, 16 MB 3.32 s, 32 MB 3.44 s.
    private static func blockRows(mentors: Int, stride: Int) -> Int {
        max(1, (1 << 24) / (max(1, mentors) * stride))
    }

    /// Rows a block holds when the thread that scores it reads it next
    /// (``StreamedScores``' passes on this process's cores): with sparse
    /// products, about 256 KB of scores, so that each row is read while it
    /// is still in the core's cache; with a GEMM, ``blockRows``.
    ///
    /// A sparse product gains nothing from long blocks, and a 16 MB block
    /// a thread filled the shared cache before its first row was read. At
    /// 140,000 × 60,000 (rows of 240 KB) `tandem validate` took 12.6–13.5 s
    /// instead of 13.8–14.8 s (three alternating runs) and the round's
    /// scoring 9.0–9.7 s instead of 11–12 s (two), the folders identical; at
    /// 300,000 mentors, where a row alone is 1.2 MB, no difference showed
    /// (the million's scoring 4 min 37 s against 4 min 30 s).
    var rowsReadInPlace: Int {
        isSparse ? max(1, (1 << 18) / (max(1, mentors) * 4)) : blockRows
    }

    /// Whether each row's goal product is summed from the mentee's nonzeros.
    private var isSparse: Bool {
        switch features {
        case .single(let product): product.isSparse
        case .double(let product): product.isSparse
        }
    }

    /// The same scoring against the subset's mentors alone: their skill
    /// rows gathered (a copy of `subset.count × depth` values), each row's
    /// columns the subset's.
    func restricted(to subset: _MentorSubset) -> _ScoreBlockComputer {
        precondition(self.subset == nil && subset.columnOf.count == mentors, "a subset of every mentor")
        var restricted = self
        switch features {
        case let .single(product):
            restricted.features = .single(product.restricted(to: subset, depth: depth))
            restricted.blockRows = Self.blockRows(mentors: subset.count, stride: 4)
        case let .double(product):
            restricted.features = .double(product.restricted(to: subset, depth: depth))
            restricted.blockRows = Self.blockRows(mentors: subset.count, stride: 8)
        }
        restricted.subset = subset
        restricted.mentors = subset.count
        return restricted
    }

    /// One thread's scratch: a product block (a tile, for sparse products)
    /// and gathered encodings in the model's precision, and the fused
    /// kernel with its row buffers.
    struct Workspace {
        fileprivate var single: (product: [Float], gathered: [Float]) = ([], [])
        fileprivate var double: (product: [Double], gathered: [Double]) = ([], [])
        fileprivate var kernel: _FusedScoreKernel
    }

    /// Scratch for blocks of up to ``blockRows`` rows (a sparse product's
    /// rows are summed a tile at a time, see `_RowGoals`).
    func makeWorkspace() -> Workspace {
        var workspace = Workspace(kernel: _FusedScoreKernel(model: model, subset: subset))
        let product = isSparse ? _RowGoals<Float>.tile : blockRows * max(1, mentors)
        let gathered = blockRows * max(1, depth)
        switch features {
        case .single:
            workspace.single = ([Float](repeating: 0, count: product), [Float](repeating: 0, count: gathered))
        case .double:
            workspace.double = ([Double](repeating: 0, count: product), [Double](repeating: 0, count: gathered))
        }
        return workspace
    }

    /// Scores the selection's `positions` (at most ``blockRows``) as one
    /// block into `scores` (`count × mentors`) and `forbidden`
    /// (`count × wordsPerRow` words).
    func score(
        _ selection: _MenteeSelection, positions: Range<Int>, scores: UnsafeMutablePointer<Int32>,
        forbidden: UnsafeMutablePointer<UInt64>, workspace: inout Workspace
    ) {
        precondition(positions.count <= blockRows, "a block of \(positions.count) rows, over \(blockRows)")
        guard mentors > 0, !positions.isEmpty else { return }
        switch features {
        case let .single(product):
            score(
                selection, positions: positions, product: product, scratch: &workspace.single,
                kernel: &workspace.kernel, scores: scores, forbidden: forbidden)
        case let .double(product):
            score(
                selection, positions: positions, product: product, scratch: &workspace.double,
                kernel: &workspace.kernel, scores: scores, forbidden: forbidden)
        }
    }

    private func score<Scalar: _ExactProductScalar>(
        _ selection: _MenteeSelection, positions: Range<Int>, product goalProduct: _GoalProduct<Scalar>,
        scratch: inout (product: [Scalar], gathered: [Scalar]), kernel: inout _FusedScoreKernel,
        scores: UnsafeMutablePointer<Int32>, forbidden: UnsafeMutablePointer<UInt64>
    ) {
        let mentors = mentors, wordsPerRow = wordsPerRow, count = positions.count
        scratch.product.withUnsafeMutableBufferPointer { product in
            scratch.gathered.withUnsafeMutableBufferPointer { gathered in
                let product = product.baseAddress!
                // A sparse product builds each row a tile at a time in the
                // scratch, just before the fused loop reads it; a GEMM fills the block.
                let sparse: _SparseGoalProduct<Scalar>?
                switch goalProduct {
                case let .dense(goals, skills):
                    sparse = nil
                    multiply(
                        selection, positions: positions, goals: goals, skills: skills, gathered: gathered,
                        into: product)
                case let .sparse(rows):
                    sparse = rows
                }
                (subset?.columnOf ?? []).withUnsafeBufferPointer { columnOf in
                    for offset in 0..<count {
                        let mentee = selection[positions.lowerBound + offset]
                        let output = scores + offset * mentors, words = forbidden + offset * wordsPerRow
                        let goals: _RowGoals<Scalar> =
                            sparse.map { .sparse($0, scratch: product) }
                            ?? .computed(product + offset * mentors)
                        kernel.scoreRow(mentee, goals: goals, into: output, forbidden: words)
                        listed.apply(
                            mentee: mentee, scores: output, forbidden: words,
                            columnOf: subset == nil ? nil : columnOf.baseAddress)
                    }
                }
            }
        }
    }

    /// The block's goal products by GEMM, into `product` (`count × mentors`).
    private func multiply<Scalar: _ExactProductScalar>(
        _ selection: _MenteeSelection, positions: Range<Int>, goals: [Scalar], skills: [Scalar],
        gathered: UnsafeMutableBufferPointer<Scalar>, into product: UnsafeMutablePointer<Scalar>
    ) {
        let depth = depth, count = positions.count, first = selection[positions.lowerBound]
        goals.withUnsafeBufferPointer { goals in
            skills.withUnsafeBufferPointer { skills in
                // Consecutive mentees are read in place; scattered ones gathered.
                var encodings = goals.baseAddress.map { $0 + first * depth }
                if selection[positions.upperBound - 1] - first != count - 1, depth > 0 {
                    for offset in 0..<count {
                        (gathered.baseAddress! + offset * depth).update(
                            from: goals.baseAddress! + selection[positions.lowerBound + offset] * depth, count: depth)
                    }
                    encodings = UnsafePointer(gathered.baseAddress)
                }
                Scalar.multiplyTransposed(
                    encodings, rows: count, skills.baseAddress, columns: mentors, depth: depth, into: product,
                    ldc: mentors)
            }
        }
    }
}

/// The goal product's operands: both feature matrices for a GEMM, or the
/// mentees' nonzeros and the mentors' columns for sparse rows
/// (``_SparseGoalProduct``), whichever costs less for the cohort.
enum _GoalProduct<Scalar: _ExactProductScalar>: Sendable {
    case dense(goals: [Scalar], skills: [Scalar])
    case sparse(_SparseGoalProduct<Scalar>)

    /// `goals` is `mentees × depth`, `skills` is `mentors × depth`, row-major.
    init(goals: [Scalar], skills: [Scalar], depth: Int) {
        let nonzeros = goals.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        let rows = depth == 0 ? 0 : goals.count / depth
        self =
            _SparseGoalProduct<Scalar>.isWorthwhile(nonzeros: nonzeros, rows: rows, depth: depth)
            ? .sparse(_SparseGoalProduct(goals: goals, skills: skills, depth: depth))
            : .dense(goals: goals, skills: skills)
    }

    /// Whether each row's product is summed from the mentee's nonzeros.
    var isSparse: Bool {
        if case .sparse = self { true } else { false }
    }

    /// The same operands against the subset's mentors alone.
    func restricted(to subset: _MentorSubset, depth: Int) -> _GoalProduct {
        switch self {
        case let .dense(goals, skills): .dense(goals: goals, skills: subset.gather(skills, width: depth))
        case let .sparse(rows): .sparse(rows.restricted(to: subset))
        }
    }
}
