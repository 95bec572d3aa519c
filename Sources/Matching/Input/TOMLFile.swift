import Diagnostics
import Foundation
import _TandemUtilities

/// A TOML file's text as a coordinator saved it: read whole, refused when it
/// is UTF-16 or not UTF-8 (located at the first bad byte), with the SHA-256
/// of its bytes and a leading byte-order mark dropped.
enum _TOMLFile {
    static func read(path: String) -> Result<(text: String, sha256: String), InputDiagnostics> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(
                InputDiagnostics([.error(SourceLocation(file: path), "cannot be read: \(error.localizedDescription)")]))
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return .failure(InputDiagnostics([.error(SourceLocation(file: path), "is UTF-16 text; save it as UTF-8.")]))
        }
        if let invalid = SourceLocation.firstInvalidUTF8(in: data, file: path) {
            return .failure(InputDiagnostics([.error(invalid, "this is not UTF-8 text; save the file as UTF-8.")]))
        }
        let text = String(decoding: data, as: UTF8.self)
        return .success((text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, SHA256.hex(data)))
    }

    /// The text parsed, or the parser's message at its line and column.
    static func parse(_ text: String, path: String) -> Result<_TOMLNode, InputDiagnostics> {
        do {
            return .success(try _TOMLNode.parse(text))
        } catch {
            return .failure(
                InputDiagnostics([
                    .error(
                        SourceLocation(file: path, row: error.line, column: error.column),
                        "this is not valid TOML: \(error.message)")
                ]))
        }
    }
}
