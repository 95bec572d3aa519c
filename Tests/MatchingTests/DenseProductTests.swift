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
