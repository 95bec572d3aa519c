import CLinearAlgebra

/// Dense matrix products through OpenBLAS; the only file that talks to C.
public enum DenseProduct {
    /// `A · Bᵀ` for row-major `A` (rows × depth) and `B` (columns × depth),
    /// through `cblas_dgemm`, single call, row-major result (rows × columns).
    ///
    /// Layout: row-major throughout, so `lda = ldb = depth` and `ldc = columns`.
    ///
    /// - Parameters:
    ///   - a: `rows × depth` values, row after row.
    ///   - b: `columns × depth` values, row after row.
    /// - Returns: `rows × columns` values; all zeros when `depth` is 0.
    /// - Precondition: The counts match and every size fits in `Int32`.
    /// - Complexity: O(rows × columns × depth) floating-point operations.
    public static func multiplyTransposed(
        _ a: [Double], rows: Int, _ b: [Double], columns: Int, depth: Int
    ) -> [Double] {
        precondition(a.count == rows * depth && b.count == columns * depth, "shape mismatch")
        var result = [Double](repeating: 0, count: rows * columns)
        guard rows > 0, columns > 0, depth > 0 else { return result }
        guard let m = Int32(exactly: rows), let n = Int32(exactly: columns), let k = Int32(exactly: depth) else {
            preconditionFailure("matrix sizes must fit in Int32 for BLAS")
        }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k,
                                1.0, a.baseAddress, k, b.baseAddress, k, 0.0, c.baseAddress, n)
                }
            }
        }
        return result
    }
}
