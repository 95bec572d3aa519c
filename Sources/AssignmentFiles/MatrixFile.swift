import Diagnostics
import Foundation

/// A numeric matrix read from a NumPy `.npy` file or a numeric `.csv` file.
///
/// `.npy`: format versions 1–3, C order, 2-D (a 1-D array is one row), dtypes
/// float32, float64, int32 and int64 (little-endian). Integer dtypes load as
/// exact `Int64`, float dtypes as `Double`.
///
/// `.csv`: one row per line, cells separated by commas, optional spaces; an
/// empty cell is a forbidden pair. The matrix is integral when every cell is
/// a whole number written without a decimal point or exponent.
public struct MatrixFile: Sendable {
    /// The matrix values, exactly as stored.
    public enum Values: Sendable {
        case integers([Int64])
        case reals([Double])
    }

    public let rows: Int
    public let columns: Int
    public let values: Values
    /// Row-major indices of empty CSV cells (forbidden pairs), increasing.
    public let emptyCells: [Int]

    public init(rows: Int, columns: Int, values: Values, emptyCells: [Int] = []) {
        self.rows = rows
        self.columns = columns
        self.values = values
        self.emptyCells = emptyCells
    }

    /// Gives up the values, so they can move on without a copy.
    public consuming func takeValues() -> Values { values }

    /// Reads a matrix, choosing the format by the file's extension.
    ///
    /// - Throws: `InputDiagnostics` naming the file and, for CSV, every bad cell
    ///   by row and column (1-based).
    public static func load(path: String) throws(InputDiagnostics) -> MatrixFile {
        if path.lowercased().hasSuffix(".npy") { return try NPYFormat.load(path: path) }
        let data = try mapped(path: path)
        if path.lowercased().hasSuffix(".csv") || path.lowercased().hasSuffix(".txt") {
            return try CSVMatrixFormat.decode(data, path: path)
        }
        throw InputDiagnostics([.error(SourceLocation(file: path), "has an unknown extension; use .npy or .csv")])
    }

    /// The file's bytes, mapped rather than read where the system allows.
    static func mapped(path: String) throws(InputDiagnostics) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw InputDiagnostics([
                .error(SourceLocation(file: path), "cannot be read (\(error.localizedDescription))")
            ])
        }
    }
}
