/// The bytes of a pass's job or part (``RowPassJob``): whole numbers and
/// arrays of them, little-endian, each array after its length.
struct _PassBytesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The array's length, then its elements: copied as they lie in memory
    /// (every platform Tandem builds on is little-endian).
    mutating func append<Value: FixedWidthInteger>(array: some Collection<Value>) {
        append(Int64(array.count))
        let copied: Void? = array.withContiguousStorageIfAvailable { elements in
            UnsafeRawBufferPointer(elements).withMemoryRebound(to: UInt8.self) { bytes.append(contentsOf: $0) }
        }
        if copied == nil { for value in array { append(value) } }
    }
}

/// Reads what ``_PassBytesWriter`` wrote, refusing bytes that end early or
/// hold an impossible length. Arrays are copied as they lie (little-endian,
/// as every platform Tandem builds on).
struct _PassBytesReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<Value: FixedWidthInteger>(_: Value.Type = Value.self) throws(RowPassError) -> Value {
        let size = MemoryLayout<Value>.size
        guard bytes.count - offset >= size else { throw .malformed("ends early") }
        var value = Value.zero
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes {
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + size]))
            }
        }
        offset += size
        return Value(littleEndian: value)
    }

    mutating func readArray<Value: FixedWidthInteger>(_: Value.Type = Value.self) throws(RowPassError) -> [Value] {
        let count = try read(Int64.self)
        let size = MemoryLayout<Value>.size
        guard count >= 0, count <= (bytes.count - offset) / size else { throw .malformed("holds an impossible length") }
        let length = Int(count) * size
        let values = [Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + length]))
            }
            initialized = Int(count)
        }
        offset += length
        return values
    }
}
