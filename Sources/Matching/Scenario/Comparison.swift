import _TandemUtilities

/// A what-if comparison: the baseline's figures, each scenario's against
/// them, and the prices of the baseline's constraints, with the inputs they
/// came from. No timings, no dates: the same inputs give the same value,
/// however its scenarios were shared out.
public struct Comparison: Sendable, Equatable, Codable {
    /// An input file, by name, and the SHA-256 of its bytes as read. The
    /// folder it lay in, and whether its path was typed relative or
    /// absolute, would make the same comparison's bytes differ.
    public struct Input: Sendable, Equatable, Codable {
        /// What the file is: mentors, mentees, signups, conflicts, policy, scenarios.
        public var role: String
        public var file: String
        public var sha256: String
    }

    /// The version of Tandem that ran the comparison.
    public var tandemVersion = TandemVersion.current
    public var inputs: [Input]
    /// The SHA-256 of the inputs' roles and digests together (not their
    /// paths): equal for two runs on the same files wherever they lie.
    public var inputsSHA256: String
    public var baseline: ScenarioOutcome
    /// Every scenario, in the scenarios file's order.
    public var scenarios: [ScenarioOutcome]
    /// The baseline's prices; `nil` when not computed.
    public var prices: Prices?

    /// Written with snake_case keys (`inputs_sha256`), which read back
    /// through the decoder's conversion as `inputsSha256`.
    private enum CodingKeys: String, CodingKey {
        case tandemVersion, inputs, baseline, scenarios, prices
        case inputsSHA256 = "inputsSha256"
    }

    /// A comparison of `scenarios` (in the file's order) against `baseline`.
    public init(
        inputs: [Input], baseline: ScenarioOutcome, scenarios: [ScenarioOutcome], prices: Prices?
    ) {
        self.inputs = inputs
        self.inputsSHA256 = Self.digest(of: inputs)
        self.baseline = baseline
        self.scenarios = scenarios
        self.prices = prices
    }

    /// The input files of a round of `cohort` compared by `scenarioFile`.
    public static func inputs(of cohort: Cohort, scenarioFile: ScenarioFile.Loaded) -> [Input] {
        let sources = cohort.sources
        var files: [(String, String?)] =
            sources.signups.map { [("signups", $0)] } ?? [("mentors", sources.mentors), ("mentees", sources.mentees)]
        files += [("conflicts", sources.conflicts), ("policy", sources.policy)]
        var inputs = files.compactMap { role, path in
            path.map { Input(role: role, file: fileName($0), sha256: sources.digests[$0] ?? "") }
        }
        inputs.append(Input(role: "scenarios", file: fileName(scenarioFile.path), sha256: scenarioFile.sha256))
        return inputs
    }

    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    private static func digest(of inputs: [Input]) -> String {
        SHA256.hex(Array(inputs.map { "\($0.role) \($0.sha256)\n" }.joined().utf8))
    }
}
