import Diagnostics
import Foundation

/// NumPy's `.npy` format: a magic string, a version, a Python-literal header
/// giving dtype, order and shape, then the raw array.
enum NPYFormat {
    /// Reads a `.npy` file, streaming the array into its final buffer so the
    /// peak memory is the matrix itself, not the file and the matrix.
    static func load(path: String) throws(InputDiagnostics) -> MatrixFile {
        func fail(_ message: String) -> InputDiagnostics {
            InputDiagnostics([.error(SourceLocation(file: path), message)])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("cannot be opened for reading") }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 12)) ?? Data()
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard start.count >= 10, Array(start.prefix(6)) == magic else {
            throw fail("is not a NumPy .npy file (bad magic string)")
        }
        let bytes = Array(start)
        let headerLength: Int
        let headerStart: Int
        switch bytes[6] {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("is truncated in its header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw fail("uses .npy format version \(bytes[6]), which is not supported (1–3 are)")
        }
        do { try handle.seek(toOffset: UInt64(headerStart)) } catch { throw fail("cannot be read") }
        guard let headerData = try? handle.read(upToCount: headerLength), headerData.count == headerLength else {
            throw fail("is truncated in its header")
        }
        let header = String(decoding: headerData, as: UTF8.self)
        guard let descr = field("descr", in: header)?.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) else {
            throw fail("has no dtype ('descr') in its header")
        }
        if field("fortran_order", in: header) == "True" {
            throw fail("is in Fortran order; save it with numpy.ascontiguousarray first")
        }
        guard let shapeText = field("shape", in: header) else { throw fail("has no shape in its header") }
        let dimensions = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let sizes = dimensions.compactMap { Int($0) }
        guard sizes.count == dimensions.count, (1...2).contains(sizes.count), sizes.allSatisfy({ $0 >= 0 }) else {
            throw fail("has shape \(shapeText); a 2-D matrix is needed")
        }
        let rows = sizes.count == 2 ? sizes[0] : 1
        let columns = sizes.count == 2 ? sizes[1] : sizes[0]
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow else { throw fail("has shape \(shapeText), too large") }
        // The shape is checked against the bytes really there before anything
        // is allocated: a 192-byte file declaring 100,000 × 100,000 float64
        // once asked for 80 GB and aborted.
        let dataStart = UInt64(headerStart + headerLength)
        guard let end = try? handle.seekToEnd(), end >= dataStart, (try? handle.seek(toOffset: dataStart)) != nil else {
            throw fail("cannot be read")
        }
        let available = end - dataStart
        func stream<Stored, Value>(_: Stored.Type, _ convert: (Stored) -> Value) throws(InputDiagnostics) -> [Value] {
            let width = MemoryLayout<Stored>.size
            let (needed, tooMany) = count.multipliedReportingOverflow(by: width)
            guard !tooMany, UInt64(needed) <= available else {
                throw fail(
                    "holds less data than its shape \(rows)×\(columns) needs (\(tooMany ? "more than 2^63" : String(needed)) bytes of values, \(available) after its header)"
                )
            }
            // Values are held as 8-byte numbers whatever their width on disk;
            // a matrix larger than the machine's memory is refused up front
            // rather than swapping or being killed midway.
            let memory = ProcessInfo.processInfo.physicalMemory
            guard UInt64(count) * 8 <= memory else {
                throw fail(
                    "has shape \(rows)×\(columns), which needs \(count / 134_217_728) GiB as 8-byte values; this machine has \(memory >> 30) GiB"
                )
            }
            let chunk = 1 << 16
            var failure: InputDiagnostics?
            let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
                var done = 0
                while done < count {
                    let wanted = min(chunk, count - done)
                    guard let data = try? handle.read(upToCount: wanted * width), data.count == wanted * width else {
                        failure = fail("holds less data than its shape \(rows)×\(columns) needs")
                        break
                    }
                    data.withUnsafeBytes { raw in
                        for index in 0..<wanted {
                            buffer[done + index] = convert(
                                raw.loadUnaligned(fromByteOffset: index * width, as: Stored.self))
                        }
                    }
                    done += wanted
                }
                initialized = done
            }
            if let failure { throw failure }
            return values
        }
        switch descr {
        case "<f8": return MatrixFile(rows: rows, columns: columns, values: .reals(try stream(Double.self) { $0 }))
        case "<f4":
            return MatrixFile(rows: rows, columns: columns, values: .reals(try stream(Float.self) { Double($0) }))
        case "<i8": return MatrixFile(rows: rows, columns: columns, values: .integers(try stream(Int64.self) { $0 }))
        case "<i4":
            return MatrixFile(rows: rows, columns: columns, values: .integers(try stream(Int32.self) { Int64($0) }))
        default:
            throw fail("has dtype \(descr); use float32, float64, int32 or int64 (little-endian)")
        }
    }

    /// The text of one key's value in the header dictionary.
    private static func field(_ key: String, in header: String) -> String? {
        guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else { return nil }
        var rest = header[keyRange.upperBound...].drop { $0 == " " || $0 == ":" }
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            return String(rest[...close])
        }
        rest = rest.prefix { $0 != "," && $0 != "}" }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// Encodes a row-major matrix as `.npy` version 1.0 (`<f8` or `<i8`).
    static func encode(rows: Int, columns: Int, values: MatrixFile.Values) -> Data {
        let descr: String
        switch values {
        case .integers: descr = "<i8"
        case .reals: descr = "<f8"
        }
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        switch values {
        case let .integers(array): array.withUnsafeBytes { data.append(contentsOf: $0) }
        case let .reals(array): array.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }
}

extension MatrixFile {
    /// The matrix as `.npy` bytes (version 1.0, int64 or float64, C order).
    public func npyData() -> Data { NPYFormat.encode(rows: rows, columns: columns, values: values) }
}
