import _TandemUtilities

/// Runs `body` once per seed in `seeds`, each with its own generator, so every
/// test instance can be rebuilt from the seed printed in a failure message.
public func forEverySeed(_ seeds: Range<UInt64>, _ body: (UInt64, inout SeededGenerator) throws -> Void) rethrows {
    for seed in seeds {
        var random = SeededGenerator(seed: seed)
        try body(seed, &random)
    }
}
