import Matching

/// The prices of a round's constraints in a report: the value of one more
/// place, the price of each rule, and who is hardest to place.
enum _PricesSections {
    /// The three sections of a comparison.
    static func sections(_ prices: Prices) -> [_ReportDocument.Section] {
        var sections = [_ReportDocument.Section(title: "The value of one more place", blocks: placeBlocks(prices))]
        if !prices.rules.isEmpty {
            sections.append(.init(title: "The price of each rule", blocks: ruleBlocks(prices)))
        }
        sections.append(.init(title: "Who is hardest to place", blocks: unplacedBlocks(prices)))
        return sections
    }

    /// `tandem match`'s short "who to chase" section: the mentors worth
    /// asking for one more place, and what would place each unmatched
    /// mentee; `nil` when there is nobody to chase.
    static func whoToChase(_ prices: Prices) -> _ReportDocument.Section? {
        let worth = prices.places.filter(\.isWorthAsking)
        guard !worth.isEmpty || !prices.unplaced.isEmpty else { return nil }
        var items = worth.map { place in
            _ReportDocument.Item(text: "Ask \(place.mentor) for one more place: \(gain(place.matched, place.points)).")
        }
        items += prices.unplaced.prefix(mostListed).map { unplaced in
            _ReportDocument.Item(
                text: "\(unplaced.mentee) is unmatched: \(unplaced.reason)."
                    + (unplaced.remedies.isEmpty ? "" : " " + remedySentence(unplaced.remedies)))
        }
        if prices.unplaced.count > mostListed {
            items.append(
                .init(text: "… and \(prices.unplaced.count - mostListed) more unmatched mentees (unmatched.csv)."))
        }
        return .init(title: "Who to chase", blocks: [.list(items)], isAction: true)
    }

    /// At most this many unmatched mentees are listed one by one.
    static let mostListed = 20

    private static func placeBlocks(_ prices: Prices) -> [_ReportDocument.Block] {
        guard !prices.places.isEmpty else {
            return [.paragraph("No mentor has every place taken, so no extra place would change the round.")]
        }
        return [
            .table(
                .init(
                    header: ["Mentor", "Places now", "Mentees matched", "Total score", "Newly matched"],
                    rows: prices.places.map { place in
                        [
                            place.mentor.rawValue, String(place.places), _Signed.count(place.matched),
                            _Signed.points(place.points),
                            place.newlyMatched.isEmpty
                                ? "–" : place.newlyMatched.map(\.rawValue).joined(separator: ", "),
                        ]
                    }, unwrapped: 1)),
            .paragraph(
                "The mentors with every place taken whose potentials promised most, each priced by solving the round again with one more place for them: the exact gain, certified. Potentials alone mislead on assignment problems, so they only chose whom to price."
            ),
        ]
    }

    private static func ruleBlocks(_ prices: Prices) -> [_ReportDocument.Block] {
        [
            .list(
                prices.rules.map { rule in
                    let costs = cost(matched: rule.matched, points: rule.points)
                    return .init(
                        text: "\(capitalised(rule.rule)) \(costs) (measured with \(rule.change)).",
                        children: rule.newlyMatched.isEmpty
                            ? []
                            : ["Matched only without it: \(rule.newlyMatched.map(\.rawValue).joined(separator: ", "))."]
                    )
                }),
            .paragraph(
                "Each price is the round with the rule minus the round without it, both solved exactly; a negative cost means the rule does not hold the round back."
            ),
        ]
    }

    private static func unplacedBlocks(_ prices: Prices) -> [_ReportDocument.Block] {
        guard !prices.unplaced.isEmpty else { return [.paragraph("Every mentee is matched.")] }
        var items = prices.unplaced.prefix(mostListed).map { unplaced in
            _ReportDocument.Item(
                text: "\(unplaced.mentee): \(unplaced.reason). "
                    + (unplaced.remedies.isEmpty
                        ? "No priced change would place them." : remedySentence(unplaced.remedies)))
        }
        if prices.unplaced.count > mostListed {
            items.append(
                .init(text: "… and \(prices.unplaced.count - mostListed) more (comparison.json lists them all)."))
        }
        return [.list(items)]
    }

    /// "costs 312.40 points and 3 matched mentees", from what the round
    /// gains without the rule.
    private static func cost(matched: Int, points: String) -> String {
        let sign = PointsFormat.compare(points, "0") ?? 0
        var parts: [String] = []
        if matched > 0 { parts.append("\(matched) matched mentee\(matched == 1 ? "" : "s")") }
        if sign > 0 { parts.append("\(points) points") }
        guard !parts.isEmpty else {
            return matched == 0 && sign == 0
                ? "costs nothing: the round is as good without it" : "costs nothing the objective counts"
        }
        let lower = sign < 0 ? " (matching them lowers the total by \(points.dropFirst()) points)" : ""
        return "costs " + parts.joined(separator: " and ") + lower
    }

    private static func remedySentence(_ remedies: [String]) -> String {
        "Would be placed by " + remedies.joined(separator: ", or by ") + "."
    }

    private static func gain(_ matched: Int, _ points: String) -> String {
        let people = matched == 0 ? "" : "\(matched) more mentee\(matched == 1 ? "" : "s") matched, "
        return people + "\(_Signed.points(points)) points in all"
    }

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
