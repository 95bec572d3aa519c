import _TandemUtilities

/// One share of a comparison's scenarios, for running a comparison as a job
/// array on a cluster: shard `index` of `count`, from 0.
///
/// A scenario belongs to the shard its name hashes to (SHA-256, so every
/// machine agrees), so adding or removing a scenario never moves another.
/// The prices of the baseline, and the baseline's own round folder, belong
/// to the shards their own keys hash to.
public struct ShardPlan: Sendable, Equatable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The most shards a comparison may be split into.
    public static let mostShards = 10_000

    /// Shard `index` (from 0) of `count`.
    ///
    /// - Throws: ``ShardError`` when `count` is not 1 to ``mostShards`` or
    ///   `index` not 0 to `count − 1`.
    public init(index: Int, count: Int) throws(ShardError) {
        guard (1...Self.mostShards).contains(count) else {
            throw ShardError("the number of shards is \(count); it must be from 1 to \(Self.mostShards).")
        }
        guard (0..<count).contains(index) else {
            throw ShardError("shard \(index) of \(count) does not exist; shards are numbered from 0 to \(count - 1).")
        }
        self.index = index
        self.count = count
    }

    /// `I/N` as typed (`2/4`).
    ///
    /// - Throws: ``ShardError`` when the text is not two whole numbers in range.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(
                "--shard is \"\(text)\"; write I/N (shard I of N, from 0: 0/4 to 3/4), or auto on a cluster.")
        }
        try self.init(index: index, count: count)
    }

    /// The shard a cluster's array job gives this task: Slurm's
    /// `SLURM_ARRAY_TASK_ID` (an array numbered from 0, `--array=0-3`) or a
    /// Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`, of
    /// `TANDEM_SHARD_COUNT` (or, on Slurm without it, the array's
    /// `SLURM_ARRAY_TASK_COUNT`: set the count when re-running only some
    /// shards, `--array=1,3`).
    ///
    /// - Throws: ``ShardError`` naming what is missing.
    public init(environment: [String: String]) throws(ShardError) {
        func number(_ name: String) throws(ShardError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingWhitespace()) else {
                throw ShardError("\(name) is \"\(text)\", not a whole number.")
            }
            return value
        }
        let count = try number("TANDEM_SHARD_COUNT")
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            let arrayCount = try number("SLURM_ARRAY_TASK_COUNT")
            guard let count = count ?? arrayCount else {
                throw ShardError(
                    "SLURM_ARRAY_TASK_ID is set but neither TANDEM_SHARD_COUNT nor SLURM_ARRAY_TASK_COUNT is; run inside a job array."
                )
            }
            try self.init(index: task, count: count)
        } else if let index = try number("JOB_COMPLETION_INDEX") {
            guard let count else {
                throw ShardError(
                    "JOB_COMPLETION_INDEX is set but TANDEM_SHARD_COUNT is not; set it to the Job's completions.")
            }
            try self.init(index: index, count: count)
        } else {
            throw ShardError(
                "--shard auto found no job array: neither SLURM_ARRAY_TASK_ID (Slurm) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard I/N."
            )
        }
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard runs the scenario named `name`.
    public func owns(_ name: String) -> Bool { Self.shard(of: name, count: count) == index }

    /// Whether this shard computes the baseline's prices.
    public var ownsPrices: Bool { owns(Self.pricesKey) }

    /// Whether this shard writes the baseline's round folder (`rounds/baseline/`).
    public var ownsBaselineRound: Bool { owns(Self.baselineKey) }

    /// The shard of `name` among `count`: the first eight bytes of the
    /// SHA-256 of its UTF-8, as a number, modulo `count`.
    public static func shard(of name: String, count: Int) -> Int {
        let digest = SHA256.hex(Array(name.utf8))
        return Int(UInt64(digest.prefix(16), radix: 16)! % UInt64(count))
    }

    /// Keys no scenario can be named (a name has no slash).
    static let pricesKey = "/prices", baselineKey = "/baseline"
}

/// A shard that cannot be run or merged, in words.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
