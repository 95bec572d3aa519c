/// The topics goals and skills are matched on, with synonyms and the
/// out-of-scope list, and each topic's column in the score matrices.
///
/// Closed when the policy lists its topics (anything else is an error);
/// open otherwise, growing with every goal and skill the sign-ups use.
public struct Taxonomy: Sendable {
    /// Display name of each topic; a topic's index is its column in the
    /// goal and skill matrices.
    public private(set) var topics: [String]
    /// Whether terms outside `topics` are errors.
    public let isClosed: Bool
    fileprivate var indexOfTerm: [String: Int] = [:]
    private var outOfScope: [String: String] = [:]

    /// What a goal or skill written in a sign-up means.
    public enum Lookup: Sendable, Equatable {
        case topic(Int)
        /// Out of scope: never matched on; the display name of the scope entry.
        case outOfScope(String)
        /// Not in a closed taxonomy.
        case unknown
    }

    public init(_ settings: Policy.TaxonomySettings) {
        topics = []
        isClosed = !settings.topics.isEmpty
        for term in settings.outOfScope { outOfScope[_Term.normalised(term)] = term }
        for topic in settings.topics where indexOfTerm[_Term.normalised(topic)] == nil {
            indexOfTerm[_Term.normalised(topic)] = topics.count
            topics.append(topic)
        }
        // Synonyms sorted by key so an open taxonomy numbers its topics the same way every run.
        for (alternative, target) in settings.synonyms.sorted(by: { $0.key < $1.key }) {
            let key = _Term.normalised(target)
            if let scope = outOfScope[key] {
                outOfScope[_Term.normalised(alternative)] = scope
            } else if let index = indexOfTerm[key] {
                indexOfTerm[_Term.normalised(alternative)] = index
            } else if !isClosed {
                indexOfTerm[key] = topics.count
                indexOfTerm[_Term.normalised(alternative)] = topics.count
                topics.append(target)
            }
        }
        knownTerms = indexOfTerm.keys.sorted()
    }

    /// The meaning of `term`, adding it as a new topic when the taxonomy is open.
    public mutating func resolve(_ term: some StringProtocol) -> Lookup {
        let key = _Term.normalised(term)
        if let scope = outOfScope[key] { return .outOfScope(scope) }
        if let index = indexOfTerm[key] { return .topic(index) }
        guard !isClosed else { return .unknown }
        indexOfTerm[key] = topics.count
        topics.append(key)
        return .topic(topics.count - 1)
    }

    /// Every spelling the policy names (topics and synonyms), sorted once, for
    /// "did you mean" when a closed taxonomy meets an unknown term (an open
    /// one knows every term it meets).
    private(set) var knownTerms: [String] = []
}

extension Taxonomy {
    /// The index of `term`'s topic (added when the taxonomy is open), or `nil`
    /// when it is out of scope or not in a closed taxonomy.
    public mutating func topic(_ term: some StringProtocol) -> Int? {
        guard case let .topic(index) = resolve(term) else { return nil }
        return index
    }

    /// Renumbers an open taxonomy's topics in name order, so topic indices do
    /// not depend on which row used a term first; returns old index → new.
    mutating func sortOpenTopics() -> [Int] {
        guard !isClosed else { return Array(topics.indices) }
        let order = topics.indices.sorted { topics[$0] < topics[$1] }
        var newIndex = [Int](repeating: 0, count: topics.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        topics = order.map { topics[$0] }
        indexOfTerm = indexOfTerm.mapValues { newIndex[$0] }
        return newIndex
    }
}
