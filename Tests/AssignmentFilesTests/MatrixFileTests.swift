import AssignmentFiles
import Diagnostics
import Foundation
import Testing

@Suite struct MatrixFileTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tandem-\(UUID())-\(name)").path
    }

    @Test("int64 and float64 .npy files round-trip exactly")
    func roundTrip() throws {
        for values in [
            MatrixFile.Values.integers([1, -2, 3, Int64.max / 3, 5, 6]), .reals([0.5, -1e300, 3, 4, .nan, 6]),
        ] {
            let path = Self.temporaryPath("m.npy")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try MatrixFile(rows: 2, columns: 3, values: values).npyData().write(to: URL(fileURLWithPath: path))
            let loaded = try MatrixFile.load(path: path)
            #expect(loaded.rows == 2 && loaded.columns == 3)
            switch (loaded.values, values) {
            case let (.integers(a), .integers(b)): #expect(a == b)
            case let (.reals(a), .reals(b)): #expect(zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
            default: Issue.record("the dtype changed")
            }
        }
    }

    /// A version 1.0 header for `descr` and `shape`, padded as NumPy pads it.
    static func header(_ descr: String, _ shape: String, fortran: Bool = false) -> Data {
        var text = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        text += String(repeating: " ", count: (64 - (10 + text.utf8.count + 1) % 64) % 64) + "\n"
        var data = Data([
            0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8),
        ])
        data.append(contentsOf: Array(text.utf8))
        return data
    }

    @Test("int32 and float32 load as Int64 and Double; a 1-D array is one row")
    func narrowTypes() throws {
        let path = Self.temporaryPath("n.npy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var data = Self.header("<i4", "(3,)")
        for value: Int32 in [7, -8, 9] { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        try data.write(to: URL(fileURLWithPath: path))
        let loaded = try MatrixFile.load(path: path)
        #expect(loaded.rows == 1 && loaded.columns == 3)
        guard case let .integers(values) = loaded.values else {
            Issue.record("not integers")
            return
        }
        #expect(values == [7, -8, 9])

        var floats = Self.header("<f4", "(1, 2)")
        for value: Float in [0.25, -2] {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { floats.append(contentsOf: $0) }
        }
        try floats.write(to: URL(fileURLWithPath: path))
        guard case let .reals(reals) = try MatrixFile.load(path: path).values else {
            Issue.record("not reals")
            return
        }
        #expect(reals == [0.25, -2])
    }

    @Test(
        "bad .npy files are refused with a sentence naming the file",
        arguments: [
            ("fortran order", header("<f8", "(1, 1)", fortran: true) + Data(count: 8), "Fortran order"),
            ("truncated data", header("<i8", "(2, 2)") + Data(count: 8), "holds less data"),
            // Issue 11: a tiny file declaring 80 GB of values is refused before anything is allocated.
            (
                "a huge declared shape", header("<f8", "(100000, 100000)") + Data(count: 16),
                "needs (80000000000 bytes of values, 16 after its header)"
            ),
            ("a shape whose size overflows", header("<f8", "(2147483648, 2147483648)"), "more than 2^63"),
            ("unsupported dtype", header("<u2", "(1, 1)") + Data(count: 2), "dtype <u2"),
            ("not npy at all", Data("hello,world\n".utf8), "bad magic string"),
        ])
    func badFiles(fixture: (String, Data, String)) throws {
        let path = Self.temporaryPath("bad.npy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try fixture.1.write(to: URL(fileURLWithPath: path))
        do {
            _ = try MatrixFile.load(path: path)
            Issue.record("\(fixture.0) was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(path): error: "))
            #expect(error.description.contains(fixture.2), "\(error.description)")
        }
    }

    @Test("a .npy whose values would not fit in this machine's memory is refused before reading them")
    func largerThanMemory() throws {
        let path = Self.temporaryPath("huge.npy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // float32 values taking twice the machine's memory as 8-byte numbers:
        // the file is as large as the memory, but sparse, so it uses no disk.
        let rows = 1 << 20
        let columns = Int(ProcessInfo.processInfo.physicalMemory / UInt64(rows) / 4) + 1
        let head = Self.header("<f4", "(\(rows), \(columns))")
        try head.write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(head.count) + UInt64(rows) * UInt64(columns) * 4)
        try handle.close()
        do {
            _ = try MatrixFile.load(path: path)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("GiB as 8-byte values; this machine has"), "\(error.description)")
        }
    }
}
