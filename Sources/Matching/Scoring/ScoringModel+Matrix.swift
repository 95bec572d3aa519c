import _TandemUtilities

/// The whole score matrix in one pass: a blocked GEMM with every other factor
/// and every hard rule fused into its output while it is still in cache.
extension ScoringModel {
    /// Scores every mentee–mentor pair, stored: every block of
    /// ``streamedScores()`` written into one matrix, each reported to the
    /// task's `ProgressReporter`.
    ///
    /// - Complexity: That of one pass of ``streamedScores()``. Memory: the
    ///   result (4 bytes a pair plus 1 bit) and the two feature matrices.
    public func scoreMatrix() -> ScoreMatrix {
        let rows = cohort.mentees.count, columns = cohort.mentors.count
        // Every cell is written by the fused loop, so the result starts uninitialised.
        var scores = [Int32](unsafeUninitializedCapacity: rows * columns) { buffer, count in
            if rows == 0 || columns == 0 { buffer.initialize(repeating: 0) }
            count = rows * columns
        }
        var forbidden = ForbiddenMask(rows: rows, columns: columns)
        let computer = blockComputer()
        let wordsPerRow = forbidden.wordsPerRow
        scores.withUnsafeMutableBufferPointer { scores in
            forbidden.words.withUnsafeMutableBufferPointer { words in
                guard let scores = scores.baseAddress, let words = words.baseAddress else { return }
                computer.scoreInParallel(
                    .range(0..<rows),
                    destination: { block, _ in
                        (scores + block.lowerBound * columns, words + block.lowerBound * wordsPerRow)
                    },
                    finished: { positions, _ in ProgressReporter.advance(by: positions.count) })
            }
        }
        return ScoreMatrix(mentees: rows, mentors: columns, scores: scores, forbidden: forbidden)
    }

    /// Every pair's score, computed a block of mentees at a time whenever it
    /// is read, never stored: the ``ScoreSource`` for cohorts whose matrix
    /// would not fit in memory.
    ///
    /// - Complexity: Each pass costs what scoring costs (see
    ///   ``StreamedScores``); memory is the two feature matrices and one
    ///   block per pass in flight.
    public func streamedScores() -> StreamedScores {
        StreamedScores(computer: blockComputer())
    }

    /// The scorer of blocks of rows.
    func blockComputer() -> _ScoreBlockComputer { _ScoreBlockComputer(model: self) }

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
}

/// A floating-point type whose products of small whole numbers are exact, and
/// how to turn one back into an integer without a branch.
protocol _ExactProductScalar: BinaryFloatingPoint, Sendable, _SkillValue {
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
