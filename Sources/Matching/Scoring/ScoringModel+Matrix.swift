/// The whole score matrix in one pass: a blocked GEMM with every other factor
/// and every hard rule fused into its output while it is still in cache.
extension ScoringModel {
    /// Scores every mentee–mentor pair.
    ///
    /// Mentees are taken in blocks of rows. For each block, OpenBLAS computes
    /// the product of the concatenated encodings — goals × skills and every
    /// criterion over categories and lists (see `_CriterionTerms`) — into a
    /// cache-sized scratch block (in single precision when every product
    /// stays below 2²² in magnitude, so the product of whole numbers is
    /// exact; in double precision otherwise). A fused loop then turns each
    /// product into an integer, adds the seniority, region, language and
    /// organisation terms, evaluates the hard rules into forbidden bits, and
    /// writes the score — one read and one write per cell after the GEMM;
    /// the criteria's rules and gap bonuses follow on the same row
    /// (`_CriterionRowPass`) while it is in cache. Declared conflicts, line
    /// management and same-person pairs, which are few, are applied last
    /// from their sorted lists.
    ///
    /// - Complexity: O(mentees × mentors × (topics + criterion values)) for the product, through
    ///   BLAS; O(mentees × mentors) for the rest. Memory: the result
    ///   (4 bytes a pair plus 1 bit) and the two feature matrices.
    public func scoreMatrix() -> ScoreMatrix {
        let rows = cohort.mentees.count, columns = cohort.mentors.count
        // Every cell is written by the fused loop, so the result starts uninitialised.
        var scores = [Int32](unsafeUninitializedCapacity: rows * columns) { buffer, count in
            if rows == 0 || columns == 0 { buffer.initialize(repeating: 0) }
            count = rows * columns
        }
        var forbidden = ForbiddenMask(rows: rows, columns: columns)
        if productBound < 1 << 22 {
            fill(&scores, &forbidden, scalar: Float.self)
        } else {
            fill(&scores, &forbidden, scalar: Double.self)
        }
        applyListedExclusions(&scores, &forbidden)
        // Earlier pairs the policy penalises: a sum bounded with the rest (`scoreBound`).
        for pair in cohort.penalisedPairs where !forbidden.contains(row: pair.mentee, column: pair.mentor) {
            scores[pair.mentee * columns + pair.mentor] += repeatPairUnits
        }
        return ScoreMatrix(mentees: rows, mentors: columns, scores: scores, forbidden: forbidden)
    }

    /// The concatenated encodings: the mentees' (goals by topic, then each
    /// product criterion) and the mentors' (skills by topic, then the same
    /// criteria), `depth` columns each, whose product is each pair's goal
    /// units plus its criterion bonuses.
    func featureMatrices<Scalar: BinaryFloatingPoint>(
        _: Scalar.Type
    ) -> (goals: [Scalar], skills: [Scalar], depth: Int) {
        let topics = cohort.taxonomy.topics.count, depth = topics + criteria.width
        var goals = [Scalar](repeating: 0, count: cohort.mentees.count * depth)
        for (row, mentee) in cohort.mentees.enumerated() {
            for goal in mentee.goals { goals[row * depth + goal.topic] = Scalar(goalUnits[goal.rank - 1]) }
        }
        var skills = [Scalar](repeating: 0, count: cohort.mentors.count * depth)
        for (row, mentor) in cohort.mentors.enumerated() {
            for skill in mentor.skills {
                skills[row * depth + skill.topic] = Scalar(levelMultipliers[skill.level - 1])
            }
        }
        criteria.encode(
            cohort: cohort, topics: topics, stride: depth, levelMultipliers: levelMultipliers,
            mentees: &goals, mentors: &skills)
        return (goals, skills, depth)
    }

    private func fill<Scalar: _ExactProductScalar>(
        _ scores: inout [Int32], _ forbidden: inout ForbiddenMask, scalar: Scalar.Type
    ) {
        let rows = cohort.mentees.count, columns = cohort.mentors.count
        guard rows > 0, columns > 0 else { return }
        let (goals, skills, depth) = featureMatrices(Scalar.self)
        // About 16 MB of product per block: it stays in the last-level cache
        // for the fused pass, and OpenBLAS seldom repacks the skill matrix.
        // Measured at 20,000 × 10,000 (one thread): 2 MB blocks 3.54 s,
        // 4 MB 3.45 s, 16 MB 3.32 s, 32 MB 3.44 s.
        let blockRows = max(1, min(rows, (1 << 24) / (columns * MemoryLayout<Scalar>.stride)))
        var product = [Scalar](repeating: 0, count: blockRows * columns)
        var kernel = _FusedScoreKernel(model: self)
        let wordsPerRow = forbidden.wordsPerRow
        goals.withUnsafeBufferPointer { goals in
            skills.withUnsafeBufferPointer { skills in
                scores.withUnsafeMutableBufferPointer { scores in
                    forbidden.words.withUnsafeMutableBufferPointer { words in
                        product.withUnsafeMutableBufferPointer { product in
                            for first in stride(from: 0, to: rows, by: blockRows) {
                                let count = min(blockRows, rows - first)
                                Scalar.multiplyTransposed(
                                    goals.baseAddress! + first * depth, rows: count,
                                    skills.baseAddress, columns: columns, depth: depth,
                                    into: product.baseAddress, ldc: columns)
                                for offset in 0..<count {
                                    kernel.scoreRow(
                                        first + offset, product: UnsafePointer(product.baseAddress! + offset * columns),
                                        into: scores.baseAddress! + (first + offset) * columns,
                                        forbidden: words.baseAddress! + (first + offset) * wordsPerRow)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Conflicts of interest, line management, the same person on both
    /// sides, and declared conflicts with an organisation.
    private func applyListedExclusions(_ scores: inout [Int32], _ forbidden: inout ForbiddenMask) {
        let columns = cohort.mentors.count
        for exclusion in cohort.indexedExclusions {
            forbidden.forbid(row: exclusion.mentee, column: exclusion.mentor)
            scores[exclusion.mentee * columns + exclusion.mentor] = 0
        }
        let menteesOf = Dictionary(grouping: cohort.mentees.indices) {
            _Term.normalised(cohort.mentees[$0].organisation)
        }
        let mentorsOf = Dictionary(grouping: cohort.mentors.indices) {
            _Term.normalised(cohort.mentors[$0].organisation)
        }
        for (mentee, organisations) in cohort.menteeOrganisationConflicts.enumerated() {
            for organisation in organisations {
                for mentor in mentorsOf[organisation] ?? [] {
                    forbidden.forbid(row: mentee, column: mentor)
                    scores[mentee * columns + mentor] = 0
                }
            }
        }
        for (mentor, organisations) in cohort.mentorOrganisationConflicts.enumerated() {
            for organisation in organisations {
                for mentee in menteesOf[organisation] ?? [] {
                    forbidden.forbid(row: mentee, column: mentor)
                    scores[mentee * columns + mentor] = 0
                }
            }
        }
    }
}

/// A floating-point type whose products of small whole numbers are exact, and
/// how to turn one back into an integer without a branch.
protocol _ExactProductScalar: BinaryFloatingPoint {
    /// `C = A · Bᵀ` through the matching BLAS routine.
    static func multiplyTransposed(
        _ a: UnsafePointer<Self>?, rows: Int, _ b: UnsafePointer<Self>?, columns: Int,
        depth: Int, into c: UnsafeMutablePointer<Self>?, ldc: Int)
    /// The whole number `self` holds (|self| < 2²² for `Float`, < 2³¹ for `Double`).
    var exactInt32: Int32 { get }
}

extension Float: _ExactProductScalar {
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>?, rows: Int, _ b: UnsafePointer<Float>?, columns: Int,
        depth: Int, into c: UnsafeMutablePointer<Float>?, ldc: Int
    ) {
        DenseProduct.multiplyTransposed(a, rows: rows, b, columns: columns, depth: depth, into: c, ldc: ldc)
    }

    /// Adding 1.5 × 2²³ puts a whole number |x| < 2²² into the low mantissa
    /// bits as x + 2²² (the sum lies in [2²³, 2²⁴), where floats are whole
    /// numbers 1 apart), so criteria's penalties convert without a branch.
    @inline(__always) var exactInt32: Int32 {
        Int32(bitPattern: (self + 12_582_912).bitPattern) &- 0x4B40_0000
    }
}

extension Double: _ExactProductScalar {
    static func multiplyTransposed(
        _ a: UnsafePointer<Double>?, rows: Int, _ b: UnsafePointer<Double>?, columns: Int,
        depth: Int, into c: UnsafeMutablePointer<Double>?, ldc: Int
    ) {
        DenseProduct.multiplyTransposed(a, rows: rows, b, columns: columns, depth: depth, into: c, ldc: ldc)
    }

    /// Adding 1.5 × 2⁵² puts a whole number |x| < 2³¹ into the low mantissa bits, as for `Float`.
    @inline(__always) var exactInt32: Int32 {
        Int32(truncatingIfNeeded: Int64(bitPattern: (self + 6_755_399_441_055_744).bitPattern) &- 0x4338_0000_0000_0000)
    }
}
