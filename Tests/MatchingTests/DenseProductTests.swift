import Testing
import _TandemUtilities

@testable import Matching

@Suite struct DenseProductTests {
    /// A naive triple loop, written independently of the BLAS call.
    static func naive(_ a: [Double], rows: Int, _ b: [Double], columns: Int, depth: Int) -> [Double] {
        var result = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum = 0.0
                for k in 0..<depth { sum += a[i * depth + k] * b[j * depth + k] }
                result[i * columns + j] = sum
            }
        }
        return result
    }

    @Test(
        "A·Bᵀ through OpenBLAS matches a triple loop",
        arguments: [
            (1, 1, 1), (1, 1, 0), (3, 2, 0), (4, 5, 3), (17, 9, 40), (0, 3, 2),
        ])
    func matchesNaiveProduct(shape: (Int, Int, Int)) {
        let (rows, columns, depth) = shape
        var random = SeededGenerator(seed: UInt64(rows * 1000 + columns * 10 + depth))
        let a = (0..<(rows * depth)).map { _ in random.nextUnit() * 4 - 2 }
        let b = (0..<(columns * depth)).map { _ in random.nextUnit() * 4 - 2 }
        let product = DenseProduct.multiplyTransposed(a, rows: rows, b, columns: columns, depth: depth)
        let expected = Self.naive(a, rows: rows, b, columns: columns, depth: depth)
        #expect(product.count == expected.count)
        for (x, y) in zip(product, expected) { #expect(abs(x - y) <= 1e-12 * (1 + abs(y))) }
    }
}

@Suite struct SinglePrecisionProductTests {
    @Test(
        "A·Bᵀ in single precision matches a triple loop, exactly for small whole numbers",
        arguments: [
            (1, 1, 1), (1, 1, 0), (3, 2, 0), (4, 5, 3), (17, 9, 40), (0, 3, 2), (3, 0, 2),
        ])
    func matchesNaiveProduct(shape: (Int, Int, Int)) {
        let (rows, columns, depth) = shape
        var random = SeededGenerator(seed: UInt64(rows * 1000 + columns * 10 + depth))
        let a = (0..<(rows * depth)).map { _ in Float(random.next() % 50) }
        let b = (0..<(columns * depth)).map { _ in Float(random.next() % 4) }
        var product = [Float](repeating: -1, count: rows * columns)
        DenseProduct.multiplyTransposed(a, rows: rows, b, columns: columns, depth: depth, into: &product)
        let expected = DenseProductTests.naive(
            a.map(Double.init), rows: rows, b.map(Double.init), columns: columns, depth: depth)
        #expect(product.map(Double.init) == expected)
    }
}

@Suite struct SparseGoalProductTests {
    @Test(
        "Sparse goal rows equal the triple loop exactly, against every mentor and against a subset, with skills stored as bytes or not",
        arguments: [(1, 1, 1), (5, 7, 1), (6, 9, 3), (40, 33, 60), (25, 70, 11)], [7, 300])
    func matchesNaiveProduct(shape: (Int, Int, Int), skillValues: Int) {
        let (rows, columns, depth) = shape
        var random = SeededGenerator(seed: UInt64(rows * 1000 + columns * 10 + depth))
        // Rows with no, one, two, three or many nonzeros; negative values as criteria give.
        let goals = (0..<(rows * depth)).map { index in
            random.next() % UInt64(1 + index / max(1, depth) % 5 * 3) == 1 ? Float(Int(random.next() % 61) - 20) : 0
        }
        // Skills from −2 up: all fit a byte with 7 values; with 300, most do not.
        let skills = (0..<(columns * depth)).map { _ in Float(Int(random.next() % UInt64(skillValues)) - 2) }
        let expected = DenseProductTests.naive(
            goals.map(Double.init), rows: rows, skills.map(Double.init), columns: columns, depth: depth)
        let sparse = _SparseGoalProduct(goals: goals, skills: skills, depth: depth)
        let subset = _MentorSubset(
            (0..<Int32(columns)).filter { _ in random.next() % 3 == 0 }, of: columns)
        let restricted = sparse.restricted(to: subset)
        var row = [Float](repeating: .nan, count: columns)
        for mentee in 0..<rows {
            row.withUnsafeMutableBufferPointer {
                sparse.productRow(mentee, columns: 0..<columns, into: $0.baseAddress!)
            }
            #expect(row.map(Double.init) == Array(expected[mentee * columns..<(mentee + 1) * columns]))
            row.withUnsafeMutableBufferPointer {
                restricted.productRow(mentee, columns: 0..<subset.count, into: $0.baseAddress!)
            }
            #expect(
                row.prefix(subset.count).map(Double.init)
                    == subset.mentors.map { expected[mentee * columns + Int($0)] })
        }
    }

    @Test("The sparse form is chosen for (depth + 14) / 6 nonzeros a row or fewer, the GEMM otherwise")
    func choosesByDensity() {
        #expect(_SparseGoalProduct<Float>.isWorthwhile(nonzeros: 300_000, rows: 100_000, depth: 60))
        #expect(_SparseGoalProduct<Float>.isWorthwhile(nonzeros: 366, rows: 100, depth: 8))
        #expect(!_SparseGoalProduct<Float>.isWorthwhile(nonzeros: 367, rows: 100, depth: 8))
        #expect(!_SparseGoalProduct<Float>.isWorthwhile(nonzeros: 1_300, rows: 100, depth: 60))
        #expect(!_SparseGoalProduct<Float>.isWorthwhile(nonzeros: 0, rows: 5, depth: 0))
    }

    @Test("Mentor columns are stored as bytes exactly when every value is a whole number from −128 to 127")
    func storesBytesWhenTheyFit() {
        func isNarrow(_ values: [Float]) -> Bool {
            if case .narrow = _SkillColumns(values) { true } else { false }
        }
        #expect(isNarrow([0, 1, -128, 127, 3]))
        #expect(isNarrow([]))
        #expect(!isNarrow([0, 128]))
        #expect(!isNarrow([-129, 1]))
        #expect(!isNarrow([0.5, 1]))
        if case .narrow(let bytes) = _SkillColumns<Double>([2, -3, 0]) {
            #expect(bytes == [2, -3, 0])
        } else {
            Issue.record("whole numbers within a byte kept wide")
        }
    }
}
