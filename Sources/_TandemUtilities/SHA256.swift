/// SHA-256 (FIPS 180-4) of a byte sequence, as lower-case hex: the input
/// fingerprints in `round.json`.
///
/// Written here rather than taken from swift-crypto: that package builds
/// BoringSSL, which adds 1–1.5 minutes to every clean build (CI builds twice),
/// for one hash of a few files per round. Checked against the FIPS test
/// vectors in `SHA256Tests`.
public enum SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` as 64 lower-case hex digits.
    ///
    /// Whole 64-byte blocks are compressed straight from the input (no copy);
    /// only the last one or two blocks, with the padding, are assembled apart.
    /// The message schedule and the state live in one small buffer reused for
    /// every block. (Copying the input to an array and indexing arrays took
    /// about 150 ms for the 6 MB of a 30,000-person cohort; this takes a tenth.)
    ///
    /// - Complexity: O(bytes).
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let contiguous = bytes.withContiguousStorageIfAvailable { digest(UnsafeRawBufferPointer($0)) }
        let state = contiguous ?? Array(bytes).withUnsafeBytes { digest($0) }
        let digits = Array("0123456789abcdef")
        return String(state.flatMap { word in (0..<8).reversed().map { digits[Int(word >> UInt32($0 * 4) & 0xF)] } })
    }

    private static func digest(_ message: UnsafeRawBufferPointer) -> [UInt32] {
        var state: [UInt32] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ]
        let schedule = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { schedule.deallocate() }
        let whole = message.count / 64 * 64
        for block in stride(from: 0, to: whole, by: 64) {
            compress(UnsafeRawBufferPointer(rebasing: message[block..<block + 64]), &state, schedule)
        }
        // The tail, 0x80, zeros, and the length in bits: one or two blocks.
        var tail = Array(message[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { tail in
            for block in stride(from: 0, to: tail.count, by: 64) {
                compress(UnsafeRawBufferPointer(rebasing: tail[block..<block + 64]), &state, schedule)
            }
        }
        return state
    }

    /// One 64-byte block into the state (FIPS 180-4, 6.2.2).
    @inline(__always)
    private static func compress(
        _ block: UnsafeRawBufferPointer, _ state: inout [UInt32], _ w: UnsafeMutablePointer<UInt32>
    ) {
        for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
        for t in 16..<64 {
            let s0 = rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        roundConstants.withUnsafeBufferPointer { k in
            for t in 0..<64 {
                let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choose = (e & f) ^ (~e & g)
                let first = h &+ sum1 &+ choose &+ k[t] &+ w[t]
                let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ first, c, b, a, first &+ sum0 &+ majority)
            }
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
        state[5] &+= f
        state[6] &+= g
        state[7] &+= h
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
