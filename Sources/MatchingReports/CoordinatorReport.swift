import Matching

/// `report.md` and `report.html`, the round for the coordinator, and
/// `summary.html`, its figures alone, safe to circulate.
///
/// The report answers the coordinator's questions in the order they come:
/// what to do before the letters go out (who has no mentor and what would
/// place them, free places, goals to signpost, pairs that meet none of the
/// mentee's goals), the pairs by mentor with their reasons in words, then
/// the figures, each said in plain words. The summary holds no name, email
/// or id — counts, rates, distributions and breakdowns only.
enum _CoordinatorReport {
    /// The report, which `report.md` and `report.html` render.
    static func report(
        _ round: MatchingRound, prices: Prices?, mergedLetters: Bool, explanations: _PairExplanations
    ) -> _ReportDocument {
        let figures = RoundFigures(round)
        var document = _ReportDocument(
            title: "\(round.cohort.policy.name): matching report", lead: lead(figures))
        let explanations = explanations.all
        document.sections.append(toDo(round, figures, explanations, mergedLetters: mergedLetters))
        if let chase = prices.flatMap(_PricesSections.whoToChase) { document.sections.append(chase) }
        document.sections.append(pairsByMentor(round, explanations))
        document.sections += figureSections(round, figures, explanations)
        return document
    }

    /// The summary, which `summary.html` renders.
    static func summary(_ round: MatchingRound, explanations: _PairExplanations) -> _ReportDocument {
        let figures = RoundFigures(round)
        var document = _ReportDocument(
            title: "\(round.cohort.policy.name): summary",
            lead: lead(figures) + " These are figures only: no participant is named.")
        document.sections += figureSections(round, figures, explanations.all)
        return document
    }

    /// The mentee listed goals and the pair meets none of them.
    private static func meetsNoGoal(
        _ round: MatchingRound, _ pair: MatchingRound.Pair, _ explanation: PairExplanation
    )
        -> Bool
    {
        !round.cohort.mentees[pair.mentee].goals.isEmpty && explanation.goalMatches.isEmpty
    }

    private static func lead(_ figures: RoundFigures) -> String {
        "\(figures.matched) of \(figures.mentees) mentees have a proposed mentor (\(RoundFigures.percent(figures.matchRate))); \(figures.matched) of \(figures.places) mentor places are filled."
    }

    // MARK: To do

    private static func toDo(
        _ round: MatchingRound, _ figures: RoundFigures, _ explanations: [PairExplanation], mergedLetters: Bool
    ) -> _ReportDocument.Section {
        let cohort = round.cohort
        var items: [_ReportDocument.Item] = []
        if !round.unmatched.isEmpty {
            items.append(
                .init(
                    text:
                        "\(count(round.unmatched.count, "mentee has", "mentees have")) no mentor. What would place each:",
                    children: listed(round.unmatched, in: "unmatched.csv lists every one with the reason") {
                        "\(person(cohort.mentees[$0.mentee])): \(placing(round, $0))"
                    }))
        }
        let free = round.freePlaces
        if !free.isEmpty {
            items.append(
                .init(
                    text:
                        "\(count(free.count, "mentor has", "mentors have")) free places, for a late sign-up or a next round:",
                    children: listed(free, in: "unmatched.csv lists every one") {
                        "\(person(cohort.mentors[$0.mentor])): \($0.free) of \(round.places[$0.mentor])"
                    }))
        }
        if !figures.outOfScope.isEmpty {
            items.append(
                .init(
                    text:
                        "Point \(count(figures.outOfScope.count, "mentee", "mentees")) to the right support for goals mentoring does not cover:",
                    children: listed(figures.outOfScope, in: "warnings.txt lists every one") {
                        "\(person(cohort.mentees[$0.mentee])): \($0.goals.joined(separator: ", "))"
                    }))
        }
        let goalless = zip(round.pairs, explanations).filter { meetsNoGoal(round, $0, $1) }.map(\.0)
        if !goalless.isEmpty {
            items.append(
                .init(
                    text:
                        "Check \(count(goalless.count, "pair", "pairs")) that \(goalless.count == 1 ? "meets" : "meet") none of the mentee's goals (other factors placed them):",
                    children: listed(
                        goalless, in: "in pairs.csv, they are the pairs whose reasons do not start with \"goals met\""
                    ) {
                        "\(person(cohort.mentees[$0.mentee])) with \(person(cohort.mentors[$0.mentor]))"
                    }))
        }
        if !round.certificate.isOptimal {
            items.append(
                .init(
                    text: "The independent check of optimality FAILED; do not send the letters, and report it: "
                        + round.certificate.violations.joined(separator: "; ")))
        }
        let letters = cohort.mentees.count + cohort.mentors.count
        items.append(
            .init(
                text: mergedLetters
                    ? "Send the letters: letters/mail-merge.csv holds all \(letters), one row each with the recipient's email, the subject and the letter, for a mail merge."
                    : "Send the letters: letters/index.csv lists all \(letters) with each recipient's email and subject; each letter is in letters/ as .txt (to paste into an email) and .html."
            ))
        return .init(title: "To do before the letters go out", blocks: [.list(items)], isAction: true)
    }

    /// How many entries a list or table of the report shows. A national
    /// cohort's report listed every pair: at 68,000 × 32,000 report.html was
    /// 19.6 MB and building and writing the reports took 13 s of a 62 s
    /// round; a list this long is already one to search in the CSV files,
    /// which hold every entry.
    static let listedAtMost = 1_000

    /// The first ``listedAtMost`` entries as `line` words them, and then how
    /// many more there are and where (`whereAll`) all of them are.
    private static func listed<Entry>(
        _ entries: [Entry], in whereAll: String, _ line: (Entry) -> String
    ) -> [String] {
        var lines = entries.prefix(listedAtMost).map(line)
        if entries.count > listedAtMost {
            lines.append("… and \(entries.count - listedAtMost) more (\(entries.count) in all): \(whereAll).")
        }
        return lines
    }

    /// What would place an unmatched mentee: one more place for the best
    /// eligible mentor who is full, or the rule that stands in the way.
    private static func placing(_ round: MatchingRound, _ unmatched: MatchingRound.Unmatched) -> String {
        let cohort = round.cohort
        let points = { (units: Int64) in PointsFormat.string(units: units, resolution: cohort.policy.resolution) }
        let best = unmatched.bestAllowed
        switch unmatched.reason {
        case .noEligibleMentor:
            return "\(unmatched.reason.sentence); a new mentor, or an exception to that rule, would be needed."
        case .eligibleMentorsFull:
            guard let best else { return unmatched.reason.sentence }
            return
                "every mentor they could have is full; one more place for \(person(cohort.mentors[best.mentor])) (their best option, \(points(Int64(best.units))) points) would place them."
        case .belowMinimumScore:
            return
                "\(unmatched.reason.sentence)\(best.map { " (their best: \(points(Int64($0.units))) points)" } ?? ""); lower matching.minimum_score to place them."
        case .belowFairnessFloor, .notWorthTheTotal:
            return unmatched.reason.sentence + "."
        }
    }

    // MARK: Pairs

    private static func pairsByMentor(
        _ round: MatchingRound, _ explanations: [PairExplanation]
    ) -> _ReportDocument.Section {
        let cohort = round.cohort
        let points = { (units: Int32) in PointsFormat.string(units: Int64(units), resolution: cohort.policy.resolution)
        }
        var rows: [[String]] = []
        var previousMentor: Int?
        let pairs = round.pairs
        let order = pairs.indices.sorted {
            (pairs[$0].mentor, pairs[$0].mentee) < (pairs[$1].mentor, pairs[$1].mentee)
        }
        for index in order.prefix(listedAtMost) {
            let pair = pairs[index], explanation = explanations[index]
            let mentee = cohort.mentees[pair.mentee], mentor = cohort.mentors[pair.mentor]
            var reasons = _RoundTables.reasons(explanation, policy: cohort.policy)
            if meetsNoGoal(round, pair, explanation) {
                reasons = "Meets none of the mentee's goals. " + reasons
            }
            // A mentor's name heads their first pair only, so their mentees read as a group.
            rows.append([
                previousMentor == pair.mentor ? "" : person(mentor), person(mentee), reasons, points(pair.units),
                place(pair.rank),
            ])
            previousMentor = pair.mentor
        }
        return .init(
            title: "The proposed pairs, by mentor",
            blocks: [
                .paragraph(
                    "Each pair with the reasons for it. \"Place\" is the mentor's place among the mentee's best-scoring options (1st = no eligible mentor scores higher; equal scores share a place)."
                ),
                .table(.init(header: ["mentor", "mentee", "reasons", "points", "place"], rows: rows, unwrapped: 2)),
            ]
                + (pairs.count > listedAtMost
                    ? [
                        .paragraph(
                            "The first \(listedAtMost) of \(pairs.count) pairs, by mentor; pairs.csv has every pair with its reasons."
                        )
                    ] : []))
    }

    private static func place(_ rank: Int) -> String {
        switch rank % 100 {
        case 11, 12, 13: "\(rank)th"
        default:
            switch rank % 10 {
            case 1: "\(rank)st"
            case 2: "\(rank)nd"
            case 3: "\(rank)rd"
            default: "\(rank)th"
            }
        }
    }

    // MARK: Figures

    /// The figures both documents share, each in plain words.
    private static func figureSections(
        _ round: MatchingRound, _ figures: RoundFigures, _ explanations: [PairExplanation]
    ) -> [_ReportDocument.Section] {
        let policy = round.cohort.policy
        let points = { (units: Int64) in PointsFormat.string(units: units, resolution: policy.resolution) }
        var headline: [(name: String, value: String)] = [
            (
                "Mentees with a mentor",
                "\(figures.matched) of \(figures.mentees) (\(RoundFigures.percent(figures.matchRate)))"
            ),
            ("Places filled", "\(figures.matched) of \(figures.places) (\(RoundFigures.percent(figures.fillRate)))"),
            ("Lowest pair score", figures.minimumUnits.map { points(Int64($0)) + " points" } ?? "–"),
            ("Median pair score", figures.medianUnits.map { points(Int64($0)) + " points" } ?? "–"),
        ]
        if let floor = round.floorUnits { headline.append(("Fairness floor", "no pair below \(points(floor)) points")) }
        var sections: [_ReportDocument.Section] = [
            .init(
                title: "The round in figures",
                blocks: [
                    .figures(headline),
                    .paragraph(objective(policy)),
                    .paragraph(
                        round.certificate.isOptimal
                            ? "No other set of pairs scores higher under the policy: this was checked independently of the solver that found them."
                            : "The independent check that no other set of pairs scores higher FAILED."),
                    .paragraph(stability(round.blockingPairs)),
                ]),
            .init(
                title: "Scores and places",
                blocks: [
                    .chart(
                        .init(title: "Pairs by score", bars: scoreBins(round), xAxis: "score (points)", yAxis: "pairs")),
                    .chart(
                        .init(
                            title: "The mentor's place among the mentee's best-scoring options",
                            bars: [
                                ("1st", figures.rankFirst), ("2nd or 3rd", figures.rankTopThree),
                                ("lower", figures.rankOther),
                            ], xAxis: "place (equal scores share a place)", yAxis: "pairs")),
                ]),
        ]
        // Breakdowns only for columns the sign-ups have.
        for (title, column, rows) in [
            ("Mentees with a mentor, by organisation", "organisation", figures.byOrganisation),
            ("Mentees with a mentor, by region", "region", figures.byRegion),
        ] where rows.contains(where: { $0.name != "(none)" }) {
            sections.append(
                .init(
                    title: title,
                    blocks: [
                        .table(
                            .init(
                                header: [column, "mentees", "with a mentor", "rate"],
                                rows: rows.map {
                                    [
                                        $0.name, String($0.mentees), String($0.matched),
                                        RoundFigures.percent(
                                            $0.mentees == 0 ? 0 : Double($0.matched) / Double($0.mentees)),
                                    ]
                                }))
                    ]))
        }
        if !figures.uncoveredGoals.isEmpty {
            sections.append(
                .init(
                    title: "Goals no mentor offers",
                    blocks: [
                        .paragraph("Worth recruiting mentors for, for the next round."),
                        .table(
                            .init(
                                header: ["goal", "mentees asking"],
                                rows: figures.uncoveredGoals.map { [$0.topic, String($0.mentees)] })),
                    ]))
        }
        if !policy.criteria.isEmpty {
            sections.append(
                .init(
                    title: "The policy's criteria in the proposed pairs",
                    blocks: [.table(criteriaTable(round, explanations))]))
        }
        return sections
    }

    private static func objective(_ policy: Policy) -> String {
        let what =
            policy.matching.objective == .coverage
            ? "as many mentees as possible have a mentor, and among such sets of pairs the total score is the highest"
            : "the total score is the highest (a mentee stays without a mentor rather than take a pair below the minimum score)"
        let spreading =
            policy.matching.slotDiscount > 0
            ? " Each further place of a mentor counts \(policy.matching.slotDiscount) points less, to spread the load."
            : ""
        return "The pairs are chosen so that \(what).\(spreading)"
    }

    /// Blocking pairs, said so a coordinator knows whether to act.
    private static func stability(_ blocking: Int) -> String {
        guard blocking > 0 else {
            return
                "Stability: no mentee and mentor would both rather be paired with each other than with their proposals."
        }
        return
            "Stability: \(count(blocking, "mentee–mentor pair", "mentee–mentor pairs")) would both score higher together than with their proposals (\"blocking pairs\"). That is expected when the best total is the aim — one person's better pair would cost others more — and needs no action unless those people ask to swap."
    }

    /// Scores in bins of a whole, readable width (1, 2, 5, 10, 20, 50, …
    /// points), about eight of them, starting at a multiple of the width.
    static func scoreBins(_ round: MatchingRound) -> [(label: String, value: Int)] {
        let resolution = round.cohort.policy.resolution
        let scores = round.pairs.map { Double($0.units) * resolution }
        guard let low = scores.min(), let high = scores.max() else { return [] }
        var width = 1.0
        for candidate in [
            1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 100_000, 1_000_000,
        ]
        where candidate >= width {
            width = candidate
            if (high - low) / candidate <= 8 { break }
        }
        let first = (low / width).rounded(.down) * width
        let bins = Int(((high - first) / width).rounded(.down)) + 1
        var counts = [Int](repeating: 0, count: bins)
        for score in scores { counts[min(bins - 1, Int(((score - first) / width).rounded(.down)))] += 1 }
        func label(_ value: Double) -> String {
            value == value.rounded() ? String(Int64(value)) : String(value)
        }
        return counts.indices.map { bin in
            let from = first + Double(bin) * width
            return (width == 1 ? label(from) : "\(label(from))–\(label(from + width))", counts[bin])
        }
    }

    /// For each criterion, how many proposed pairs it counted in (points,
    /// or a required rule met): counts only, so private criteria show no answer.
    private static func criteriaTable(
        _ round: MatchingRound, _ explanations: [PairExplanation]
    ) -> _ReportDocument.Table {
        let criteria = round.cohort.policy.criteria
        var counted = [Int](repeating: 0, count: criteria.count)
        for part in explanations.flatMap(\.parts) {
            if let index = part.criterion { counted[index] += 1 }
        }
        return .init(
            header: ["criterion", "kind", "rule", "pairs it counted in"],
            rows: criteria.enumerated().map { index, criterion in
                [
                    criterion.label + (criterion.isPrivate ? " (private)" : ""), criterion.kind.rawValue,
                    criterion.rule.rawValue, "\(counted[index]) of \(round.pairs.count)",
                ]
            })
    }

    // MARK: Words

    /// "Alice Archer (E101)", or the id alone when the name is the id.
    private static func person(_ participant: Participant) -> String {
        participant.name == participant.id.rawValue ? participant.name : "\(participant.name) (\(participant.id))"
    }

    /// "1 mentee has" / "3 mentees have".
    private static func count(_ number: Int, _ one: String, _ many: String) -> String {
        number == 1 ? "1 \(one)" : "\(number) \(many)"
    }
}
