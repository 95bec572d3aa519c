import CLinearAlgebra

/// Dense matrix products through OpenBLAS; the only file that talks to C.
///
/// Layout: row-major throughout. `A` is `rows × depth` with leading dimension
/// `depth`, `B` is `columns × depth` (so the product is `A · Bᵀ`, both operands
/// read along their rows) and `C` is `rows × columns` with leading dimension
/// `ldc ≥ columns`. Sizes are converted to `Int32` with a checked conversion.
enum DenseProduct {
    /// `A · Bᵀ` as a new row-major array, through `cblas_dgemm`.
    ///
    /// - Returns: `rows × columns` values; all zeros when `depth` is 0.
    /// - Precondition: The counts match and every size fits in `Int32`.
    /// - Complexity: O(rows × columns × depth) floating-point operations.
    static func multiplyTransposed(
        _ a: [Double], rows: Int, _ b: [Double], columns: Int, depth: Int
    ) -> [Double] {
        precondition(a.count == rows * depth && b.count == columns * depth, "shape mismatch")
        var result = [Double](repeating: 0, count: rows * columns)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    multiplyTransposed(
                        a.baseAddress, rows: rows, b.baseAddress, columns: columns, depth: depth,
                        into: c.baseAddress, ldc: columns)
                }
            }
        }
        return result
    }

    /// `C = A · Bᵀ` in single precision into an existing array (`sgemm`), the
    /// bare product the scoring benchmark compares the whole scoring step with.
    ///
    /// - Precondition: The counts match and every size fits in `Int32`.
    static func multiplyTransposed(
        _ a: [Float], rows: Int, _ b: [Float], columns: Int, depth: Int, into c: inout [Float]
    ) {
        precondition(
            a.count == rows * depth && b.count == columns * depth && c.count == rows * columns, "shape mismatch")
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    multiplyTransposed(
                        a.baseAddress, rows: rows, b.baseAddress, columns: columns, depth: depth,
                        into: c.baseAddress, ldc: columns)
                }
            }
        }
    }

    /// `C = A · Bᵀ` in double precision (`cblas_dgemm`), overwriting `C`.
    /// Nothing is read or written when a size is 0, except that `C` is zeroed
    /// when `depth` is 0.
    static func multiplyTransposed(
        _ a: UnsafePointer<Double>?, rows: Int, _ b: UnsafePointer<Double>?, columns: Int, depth: Int,
        into c: UnsafeMutablePointer<Double>?, ldc: Int
    ) {
        guard let (a, b, c) = operands(a, b, c, rows: rows, columns: columns, depth: depth, ldc: ldc) else { return }
        let (m, n, k, ldc) = (int32(rows), int32(columns), int32(depth), int32(ldc))
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0, a, k, b, k, 0.0, c, ldc)
    }

    /// `C = A · Bᵀ` in single precision (`cblas_sgemm`), overwriting `C`.
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>?, rows: Int, _ b: UnsafePointer<Float>?, columns: Int, depth: Int,
        into c: UnsafeMutablePointer<Float>?, ldc: Int
    ) {
        guard let (a, b, c) = operands(a, b, c, rows: rows, columns: columns, depth: depth, ldc: ldc) else { return }
        let (m, n, k, ldc) = (int32(rows), int32(columns), int32(depth), int32(ldc))
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0, a, k, b, k, 0.0, c, ldc)
    }

    /// The operands when there is a product to compute; otherwise `nil`,
    /// after zeroing `C` when it has cells but `depth` is 0.
    private static func operands<Scalar: FloatingPoint>(
        _ a: UnsafePointer<Scalar>?, _ b: UnsafePointer<Scalar>?, _ c: UnsafeMutablePointer<Scalar>?,
        rows: Int, columns: Int, depth: Int, ldc: Int
    ) -> (UnsafePointer<Scalar>, UnsafePointer<Scalar>, UnsafeMutablePointer<Scalar>)? {
        guard rows > 0, columns > 0, let c else { return nil }
        guard depth > 0, let a, let b else {
            for row in 0..<rows { (c + row * ldc).update(repeating: 0, count: columns) }
            return nil
        }
        return (a, b, c)
    }

    private static func int32(_ size: Int) -> Int32 {
        guard let value = Int32(exactly: size) else {
            preconditionFailure("matrix size \(size) does not fit in Int32 for BLAS")
        }
        return value
    }
}
