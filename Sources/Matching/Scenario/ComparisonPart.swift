/// What one shard of a comparison hands to the merge
/// (`comparison-part.json`): its scenarios' outcomes, the baseline's, the
/// prices when they are its to compute, and what the merge needs to check
/// the parts belong together and to write the folder an unsharded run
/// writes.
public struct ComparisonPart: Sendable, Equatable, Codable {
    public var shard: ShardPlan
    /// Every scenario of the file, in the file's order.
    public var scenarioNames: [String]
    /// Whether the run wrote each scenario's round folder (`--rounds`).
    public var rounds: Bool
    /// The baseline policy's name and `[output]`, for the merged reports.
    public var policyName: String
    public var csvSeparator: String
    public var csvByteOrderMark: Bool
    /// The baseline, this shard's scenarios, and the prices if this shard owns them.
    public var comparison: Comparison

    public init(
        shard: ShardPlan, scenarioNames: [String], rounds: Bool, policy: Policy, comparison: Comparison
    ) {
        self.shard = shard
        self.scenarioNames = scenarioNames
        self.rounds = rounds
        self.policyName = policy.name
        self.csvSeparator = String(policy.output.csvSeparator)
        self.csvByteOrderMark = policy.output.csvByteOrderMark
        self.comparison = comparison
    }

    /// The policy as far as the reports read it (its name and `[output]`).
    public var reportPolicy: Policy {
        var policy = Policy()
        policy.name = policyName
        policy.output.csvSeparator = csvSeparator.first ?? ","
        policy.output.csvByteOrderMark = csvByteOrderMark
        return policy
    }

    /// The whole comparison from every shard's part, as an unsharded run
    /// computes it.
    ///
    /// - Parameter parts: Each shard's part with the name it was read
    ///   from, for messages.
    /// - Throws: ``ShardError`` when the parts ran on different inputs, a
    ///   different version of Tandem or different options, when a shard is
    ///   given twice or missing (with the Slurm `--array` specification that
    ///   runs the missing ones again), or when a round is not certified.
    public static func merge(_ parts: [(name: String, part: ComparisonPart)]) throws(ShardError) -> ComparisonPart {
        guard let (firstName, first) = parts.first else { throw ShardError("no parts to merge.") }
        for (name, part) in parts.dropFirst() {
            func differs(_ what: String) -> ShardError {
                ShardError("\(name) and \(firstName) \(what); merge the parts of one comparison.")
            }
            if part.comparison.inputsSHA256 != first.comparison.inputsSHA256 {
                throw differs("ran on different inputs (their SHA-256 differ)")
            }
            if part.comparison.tandemVersion != first.comparison.tandemVersion {
                throw differs(
                    "were written by different versions of Tandem (\(part.comparison.tandemVersion) and \(first.comparison.tandemVersion))"
                )
            }
            if part.shard.count != first.shard.count {
                throw differs("split the scenarios \(part.shard.count) and \(first.shard.count) ways")
            }
            if part.rounds != first.rounds { throw differs("differ in --rounds") }
            if part.scenarioNames != first.scenarioNames || part.comparison.baseline != first.comparison.baseline {
                throw differs("differ in their scenarios or baseline")
            }
        }
        var byShard: [Int: String] = [:]
        for (name, part) in parts {
            if let earlier = byShard[part.shard.index] {
                throw ShardError(
                    "shard \(part.shard) is given twice (\(earlier) and \(name)); give each shard's part once.")
            }
            byShard[part.shard.index] = name
        }
        let count = first.shard.count
        let missing = (0..<count).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            throw ShardError(
                "\(missing.count) of \(count) shards missing (\(missing.map { "\($0)/\(count)" }.joined(separator: ", "))); run them again (Slurm: TANDEM_SHARD_COUNT=\(count) sbatch --array=\(arraySpecification(missing)) with the same job script), then merge every part."
            )
        }
        var outcomes: [String: ScenarioOutcome] = [:]
        for (_, part) in parts {
            for outcome in part.comparison.scenarios { outcomes[outcome.name] = outcome }
        }
        let scenarios = first.scenarioNames.compactMap { outcomes[$0] }
        guard scenarios.count == first.scenarioNames.count else {
            let lost = first.scenarioNames.filter { outcomes[$0] == nil }
            throw ShardError(
                "no part holds the scenario\(lost.count == 1 ? "" : "s") \(lost.map { "\"\($0)\"" }.joined(separator: ", "))."
            )
        }
        let failed = ([first.comparison.baseline] + scenarios).filter { !$0.optimal }.map(\.name)
        guard failed.isEmpty else {
            throw ShardError("the certificate failed for \(failed.joined(separator: ", ")); nothing was merged.")
        }
        var merged = first
        merged.shard = try ShardPlan(index: 0, count: 1)
        merged.comparison = Comparison(
            inputs: first.comparison.inputs, baseline: first.comparison.baseline, scenarios: scenarios,
            prices: parts.lazy.compactMap(\.part.comparison.prices).first)
        return merged
    }

    /// `1,3-5`: indices as Slurm's `--array` takes them, runs joined.
    static func arraySpecification(_ indices: [Int]) -> String {
        var ranges: [(Int, Int)] = []
        for index in indices.sorted() {
            if let last = ranges.last, last.1 + 1 == index {
                ranges[ranges.count - 1].1 = index
            } else {
                ranges.append((index, index))
            }
        }
        return ranges.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)-\($0.1)" }.joined(separator: ",")
    }
}
