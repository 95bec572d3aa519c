/// A seeded random number generator (SplitMix64) so every test instance can be
/// rebuilt from the seed printed in a failure message.
public struct RepeatableRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` once per seed in `seeds`, each with its own generator.
public func forEverySeed(_ seeds: Range<UInt64>, _ body: (UInt64, inout RepeatableRandom) throws -> Void) rethrows {
    for seed in seeds {
        var random = RepeatableRandom(seed: seed)
        try body(seed, &random)
    }
}
