import _TandemUtilities

/// Seeded families of assignment instances used by the benchmarks and the
/// comparison with other solvers; `tandem instance` writes them to `.npy`.
///
/// - `uniform-int`: costs uniform in [0, 1000), minimised.
/// - `uniform-float`: costs uniform in [0, 1), minimised.
/// - `mentoring`: scores `G · Sᵀ` of sparse topic vectors (40 topics, 3–6 per
///   person, weights 1–3, popular topics more common), about 0–60 with very
///   many ties, maximised.
/// - `mentoring-forbidden`: the same with 2% of pairs forbidden.
/// - `popular-mentors`: `round(1000 (0.6 p_j + 0.4 u_ij))` with `p_j`, `u_ij`
///   uniform in [0, 1), maximised: every mentee wants the same mentors.
public enum InstanceFamily: String, CaseIterable, Sendable {
    case uniformIntegers = "uniform-int"
    case uniformFloats = "uniform-float"
    case mentoring
    case mentoringForbidden = "mentoring-forbidden"
    case popularMentors = "popular-mentors"

    /// Whether the family's values are scores to maximise.
    public var maximizes: Bool {
        switch self {
        case .uniformIntegers, .uniformFloats: false
        case .mentoring, .mentoringForbidden, .popularMentors: true
        }
    }

    /// Generates one instance; the same arguments always give the same values.
    ///
    /// - Parameters:
    ///   - rows: 0 or more.
    ///   - columns: 0 or more.
    ///   - seed: Any value.
    /// - Returns: Row-major values; integer families hold whole numbers.
    ///   Forbidden pairs are listed in `forbidden` (row-major indices, increasing).
    /// - Complexity: O(rows × columns), times six for the mentoring families.
    public func generate(rows: Int, columns: Int, seed: UInt64) -> GeneratedInstance {
        var random = SeededGenerator(seed: seed)
        let count = rows * columns
        var values: [Double]
        var forbidden: [Int] = []
        switch self {
        case .uniformIntegers:
            values = (0..<count).map { _ in Double(random.next() % 1000) }
        case .uniformFloats:
            values = (0..<count).map { _ in random.nextUnit() }
        case .popularMentors:
            let popularity = (0..<columns).map { _ in random.nextUnit() }
            values = [Double](repeating: 0, count: count)
            for row in 0..<rows {
                for column in 0..<columns {
                    values[row * columns + column] =
                        (1000 * (0.6 * popularity[column] + 0.4 * random.nextUnit())).rounded()
                }
            }
        case .mentoring, .mentoringForbidden:
            let goals = Self.topicVectors(count: rows, random: &random)
            let skills = Self.topicVectors(count: columns, random: &random)
            values = Self.scores(goals, rows: rows, skills, columns: columns)
            if self == .mentoringForbidden {
                forbidden = (0..<count).filter { _ in random.next() % 50 == 0 }
            }
        }
        return GeneratedInstance(
            rows: rows, columns: columns, values: values, forbidden: forbidden,
            isIntegral: self != .uniformFloats, maximizes: maximizes)
    }

    static let topicCount = 40

    /// `goals · skillsᵀ`, the score of every pair. Each person has at most six
    /// topics, so each row adds six columns of the topic-major skill matrix
    /// instead of a dense product (no BLAS in fixture code); whole numbers, so
    /// the sums are exact.
    private static func scores(_ goals: [Double], rows: Int, _ skills: [Double], columns: Int) -> [Double] {
        var skillsByTopic = [Double](repeating: 0, count: topicCount * columns)
        for column in 0..<columns {
            for topic in 0..<topicCount {
                skillsByTopic[topic * columns + column] = skills[column * topicCount + topic]
            }
        }
        var values = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for topic in 0..<topicCount where goals[row * topicCount + topic] != 0 {
                let weight = goals[row * topicCount + topic]
                for column in 0..<columns {
                    values[row * columns + column] += weight * skillsByTopic[topic * columns + column]
                }
            }
        }
        return values
    }

    /// Sparse weighted topic vectors: 3–6 distinct topics per person, chosen
    /// with probability ∝ 1 / (rank + 1), each weighted 1–3.
    private static func topicVectors(count: Int, random: inout SeededGenerator) -> [Double] {
        let weights = (0..<topicCount).map { 1.0 / Double($0 + 1) }
        let total = weights.reduce(0, +)
        var vectors = [Double](repeating: 0, count: count * topicCount)
        for person in 0..<count {
            let topics = 3 + Int(random.next() % 4)
            var chosen = 0
            while chosen < topics {
                var target = random.nextUnit() * total
                var topic = 0
                while topic < topicCount - 1 && target >= weights[topic] {
                    target -= weights[topic]
                    topic += 1
                }
                let index = person * topicCount + topic
                if vectors[index] == 0 {
                    vectors[index] = Double(1 + random.next() % 3)
                    chosen += 1
                }
            }
        }
        return vectors
    }
}

/// One generated instance: row-major values and the forbidden pairs.
public struct GeneratedInstance: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major values (whole numbers when `isIntegral`).
    public let values: [Double]
    /// Row-major indices of forbidden pairs, increasing.
    public let forbidden: [Int]
    /// Whether every value is a whole number.
    public let isIntegral: Bool
    /// Whether the values are scores to maximise.
    public let maximizes: Bool
}
