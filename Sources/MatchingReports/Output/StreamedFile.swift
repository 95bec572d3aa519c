import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file written a piece at a time through a buffer, so that a file of
/// hundreds of megabytes (a generated million-person cohort) never has to be
/// held whole. Created by ``StagingFolder/create(_:)``; a file is complete
/// once ``close()`` has returned.
public final class StreamedFile {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes gathered before one `write(2)`: 1 MiB keeps the system calls
    /// few (about one per 5,000 generated rows) and the memory small.
    private static let bufferBytes = 1 << 20

    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        buffer.reserveCapacity(Self.bufferBytes)
    }

    deinit { Glibc.close(descriptor) }

    /// Appends `text` as UTF-8.
    public func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferBytes { try flush() }
    }

    /// Writes what is buffered; the file is complete after this.
    public func close() throws { try flush() }

    private func flush() throws {
        try buffer.withUnsafeBytes { try Self.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `bytes`, retrying short and interrupted writes.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }
}
