import Foundation

/// NumPy's `.npy` format: a magic string, a version, a Python-literal header
/// giving dtype, order and shape, then the raw array.
enum NPYFormat {
    static func decode(_ data: Data, path: String) throws(InputFileError) -> MatrixFile {
        func fail(_ message: String) -> InputFileError { InputFileError(path: path, problems: [message]) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard data.count >= 10, Array(data.prefix(6)) == magic else {
            throw fail("is not a NumPy .npy file (bad magic string)")
        }
        let base = data.startIndex
        let major = data[base + 6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(data[base + 8]) | Int(data[base + 9]) << 8
            headerStart = 10
        case 2, 3:
            guard data.count >= 12 else { throw fail("is truncated in its header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(data[base + 8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw fail("uses .npy format version \(major), which is not supported (1–3 are)")
        }
        guard data.count >= headerStart + headerLength else { throw fail("is truncated in its header") }
        let header = String(decoding: data[(base + headerStart)..<(base + headerStart + headerLength)], as: UTF8.self)
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
        guard sizes.count == dimensions.count, (1...2).contains(sizes.count) else {
            throw fail("has shape \(shapeText); a 2-D matrix is needed")
        }
        let rows = sizes.count == 2 ? sizes[0] : 1
        let columns = sizes.count == 2 ? sizes[1] : sizes[0]
        let count = rows * columns
        let payload = data[(base + headerStart + headerLength)...]
        let width: Int
        switch descr {
        case "<f8", "<i8": width = 8
        case "<f4", "<i4": width = 4
        default:
            throw fail("has dtype \(descr); use float32, float64, int32 or int64 (little-endian)")
        }
        guard payload.count >= count * width else {
            throw fail("holds \(payload.count) bytes of data but shape \(rows)×\(columns) needs \(count * width)")
        }
        return payload.withUnsafeBytes { raw in
            switch descr {
            case "<f8": MatrixFile(rows: rows, columns: columns, values: .reals(read(raw, count, as: Double.self) { $0 }))
            case "<f4": MatrixFile(rows: rows, columns: columns, values: .reals(read(raw, count, as: Float.self) { Double($0) }))
            case "<i8": MatrixFile(rows: rows, columns: columns, values: .integers(read(raw, count, as: Int64.self) { $0 }))
            default: MatrixFile(rows: rows, columns: columns, values: .integers(read(raw, count, as: Int32.self) { Int64($0) }))
            }
        }
    }

    private static func read<Stored, Value>(
        _ raw: UnsafeRawBufferPointer, _ count: Int, as type: Stored.Type, _ convert: (Stored) -> Value
    ) -> [Value] {
        [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer[index] = convert(raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Stored>.size, as: Stored.self))
            }
            initialized = count
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
