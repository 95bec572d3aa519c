import Foundation

/// The lines of a text held in memory, with their numbers (from 1), read
/// byte by byte: a sparse file of millions of arcs is read without a
/// `String` per line (a 3.8-million-arc file splits into strings in seconds,
/// and is scanned here in a fraction of that).
struct _LineScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private(set) var number = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not part of the first line.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next line without its line ending (LF or CRLF), and its number.
    mutating func next() -> (number: Int, bytes: UnsafeRawBufferPointer.SubSequence)? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        var end = position
        position += 1
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        number += 1
        return (number, bytes[start..<end])
    }
}

/// The fields of a line: separated by `separator` (a CSV comma), or by runs
/// of spaces and tabs when it is `nil`; spaces around a field are not part of it.
struct _Fields: IteratorProtocol {
    private let line: UnsafeRawBufferPointer.SubSequence
    private let separator: UInt8?
    private var position: Int
    private var finished = false

    init(_ line: UnsafeRawBufferPointer.SubSequence, separator: UInt8?) {
        self.line = line
        self.separator = separator
        position = line.startIndex
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    mutating func next() -> UnsafeRawBufferPointer.SubSequence? {
        guard !finished else { return nil }
        if let separator {
            var end = position
            while end < line.endIndex, line[end] != separator { end += 1 }
            var start = position
            if end == line.endIndex { finished = true } else { position = end + 1 }
            var last = end
            while start < last, Self.isBlank(line[start]) { start += 1 }
            while last > start, Self.isBlank(line[last - 1]) { last -= 1 }
            return line[start..<last]
        }
        while position < line.endIndex, Self.isBlank(line[position]) { position += 1 }
        guard position < line.endIndex else {
            finished = true
            return nil
        }
        let start = position
        while position < line.endIndex, !Self.isBlank(line[position]) { position += 1 }
        return line[start..<position]
    }

    /// Every remaining field.
    mutating func rest() -> [UnsafeRawBufferPointer.SubSequence] {
        var fields: [UnsafeRawBufferPointer.SubSequence] = []
        while let field = next() { fields.append(field) }
        return fields
    }
}

/// A field read as a number.
enum _Number {
    case integer(Int64)
    case real(Double)

    /// An optional sign and decimal digits as an exact integer (`nil` beyond
    /// 64 bits), else any finite decimal or exponent form as a double; `nil`
    /// otherwise.
    init?(_ field: UnsafeRawBufferPointer.SubSequence) {
        guard !field.isEmpty, field.count <= 64 else { return nil }
        var index = field.startIndex
        let negative = field[index] == UInt8(ascii: "-")
        if negative || field[index] == UInt8(ascii: "+") { index += 1 }
        var value: Int64 = 0, digits = 0, overflow = false
        while index < field.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(field[index]) {
            let digit = Int64(field[index] - UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            value = sum
            digits += 1
            index += 1
        }
        if index == field.endIndex, digits > 0 {
            guard !overflow else { return nil }
            self = .integer(negative ? -value : value)
            return
        }
        guard let real = Double(String(decoding: field, as: UTF8.self)), real.isFinite else { return nil }
        self = .real(real)
    }

    var double: Double {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        }
    }
}
