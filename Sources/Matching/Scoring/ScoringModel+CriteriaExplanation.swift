/// The policy's criteria, explained for one pair: each criterion's points
/// with its evidence, and each of its rules the pair breaks, from the same
/// compiled keys and rule functions (`_CriterionRules`) the kernel uses. A
/// private criterion's evidence never shows its values.
extension ScoringModel {
    /// The points and evidence of every criterion that adds to the pair.
    func criterionParts(mentee: Int, mentor: Int) -> [PairExplanation.Part] {
        criteria.terms.compactMap { term in
            let (units, detail, evidence) = criterionUnits(term, mentee: mentee, mentor: mentor)
            let criterion = term.criterion
            guard units != 0 || requiredAndMet(term, mentee: mentee, mentor: mentor) else { return nil }
            return PairExplanation.Part(
                criterion: term.index, label: criterion.label, units: units,
                detail: criterion.isPrivate ? "met (a private criterion: its answers are not shown)" : detail,
                evidence: criterion.isPrivate ? [] : evidence)
        }
    }

    /// Whether the pair meets a criterion that requires something in
    /// common (a reason to name in letters even when it earns no points).
    private func requiredAndMet(_ term: _CriterionTerms.Term, mentee: Int, mentor: Int) -> Bool {
        guard term.comparesKeys, term.criterion.rule == .required,
            term.menteeActive[mentee] & term.mentorActive[mentor] == 1
        else { return false }
        let (mine, theirs) = answers(term, mentee, mentor)
        return !Self.common(mine, theirs).isEmpty
    }

    /// Every rule of a criterion that forbids the pair.
    func criterionExclusions(mentee: Int, mentor: Int) -> [PairExplanation.Exclusion] {
        criteria.terms.compactMap { term in
            guard let why = criterionFailure(term, mentee: mentee, mentor: mentor) else { return nil }
            let criterion = term.criterion
            let sentence =
                criterion.isPrivate
                ? "the private criterion \"\(criterion.label)\" is not met"
                : "\"\(criterion.label)\" is not met: \(why)"
            return PairExplanation.Exclusion(rule: .criterion, sentence: sentence, criterion: term.index)
        }
    }

    private func answers(
        _ term: _CriterionTerms.Term, _ mentee: Int, _ mentor: Int
    ) -> (Criterion.Answer, Criterion.Answer) {
        (cohort.mentees[mentee].answers[term.index], cohort.mentors[mentor].answers[term.index])
    }

    /// The criterion's units for the pair, the evidence in words, and the values behind it.
    private func criterionUnits(
        _ term: _CriterionTerms.Term, mentee: Int, mentor: Int
    ) -> (Int64, String, [String]) {
        let active = term.menteeActive[mentee] & term.mentorActive[mentor]
        let (mine, theirs) = answers(term, mentee, mentor)
        switch term.criterion.kind {
        case .same, .share, .requested:
            guard active == 1 else { return (0, "", []) }
            let common = Self.common(mine, theirs)
            let units = term.isProduct ? Int64(term.units) * Int64(common.count) : 0
            let detail = term.criterion.kind == .same ? common.joined() : "in common: \(common.joined(separator: ", "))"
            return (units, detail, common)
        case .overlap:
            guard active == 1 else { return (0, "", []) }
            var total: Int64 = 0
            var evidence: [String] = [], values: [String] = []
            for (rank, value) in mine.values.enumerated() {
                guard
                    let position = theirs.values.firstIndex(where: { _Term.normalised($0) == _Term.normalised(value) })
                else { continue }
                let level = theirs.levels.indices.contains(position) ? theirs.levels[position] : 1
                total += term.rankUnits[rank] * levelMultipliers[level - 1]
                evidence.append("#\(rank + 1) \"\(value)\" meets \"\(theirs.values[position])\" at level \(level)")
                values.append(theirs.values[position])
            }
            return (total, evidence.joined(separator: "; "), values)
        case .levels, .difference:
            guard active == 1, let ideal = term.criterion.ideal else { return (0, "", []) }
            let gap = term.mentorNumber[mentor] - term.menteeNumber[mentee]
            let bands = term.bonusBands
            let units = _CriterionRules.gapUnits(
                active: active, gap: gap, ideal: ideal, fullWithin: bands.full, halfWithin: bands.half,
                full: term.units, half: term.halfUnits)
            let closeness = gap == ideal ? "the ideal" : "close to the ideal of \(Self.number(ideal))"
            return (Int64(units), "\(describe(gap: gap, term, mine, theirs)), \(closeness)", [])
        case .preferences:
            guard let rank = term.named[mentee].first(where: { $0.mentor == Int32(mentor) })?.rank else {
                return (0, "", [])
            }
            let who = term.criterion.namingSide == .mentee ? "the mentee's" : "the mentor's"
            return (term.rankUnits[Int(rank) - 1], "\(who) choice #\(rank)", ["#\(rank)"])
        }
    }

    /// Why the pair breaks the criterion's rule, or `nil`.
    private func criterionFailure(_ term: _CriterionTerms.Term, mentee: Int, mentor: Int) -> String? {
        let criterion = term.criterion
        let active = term.menteeActive[mentee] & term.mentorActive[mentor]
        let (mine, theirs) = answers(term, mentee, mentor)
        let both =
            "the mentee: \(mine.values.joined(separator: ", ")); the mentor: \(theirs.values.joined(separator: ", "))"
        switch criterion.kind {
        case .same, .share, .requested, .overlap:
            guard term.comparesKeys else { return nil }
            let matches: Int32 = Self.common(mine, theirs).isEmpty ? 0 : 1
            guard _CriterionRules.keysFail(active: active, matches: matches, wanted: term.wanted) == 1 else {
                return nil
            }
            if criterion.rule == .forbidden {
                return "both answered \(Self.common(mine, theirs).joined(separator: ", ")), and the policy forbids it"
            }
            return criterion.kind == .same
                ? "they differ (\(both)), and the policy requires the same"
                : "nothing in common (\(both)), and the policy requires something"
        case .levels, .difference:
            let gap = term.mentorNumber[mentor] - term.menteeNumber[mentee]
            let minimum = criterion.minimum ?? -.infinity, maximum = criterion.maximum ?? .infinity
            guard _CriterionRules.gapFails(active: active, gap: gap, minimum: minimum, maximum: maximum) == 1 else {
                return nil
            }
            let bounds = [
                criterion.minimum.map { "at least \(Self.number($0))" },
                criterion.maximum.map { "at most \(Self.number($0))" },
            ].compactMap { $0 }.joined(separator: " and ")
            return "\(describe(gap: gap, term, mine, theirs)); the policy requires \(bounds)"
        case .preferences:
            guard criterion.rule == .required else { return nil }
            let named: Int32 = term.named[mentee].contains { $0.mentor == Int32(mentor) } ? 1 : 0
            let binds: Int32 =
                criterion.namingSide == .mentee
                ? (term.named[mentee].isEmpty ? 0 : 1) : term.mentorNamedAnyone[mentor]
            guard _CriterionRules.notNamed(binds: binds, named: named) == 1 else { return nil }
            let namer = criterion.namingSide == .mentee ? "the mentee" : "the mentor"
            return "\(namer) named others, and the policy keeps to those named"
        }
    }

    /// "mentor 2 levels above (senior and junior)" or "mentor 3 more (8 and 5)".
    private func describe(
        gap: Double, _ term: _CriterionTerms.Term, _ mine: Criterion.Answer, _ theirs: Criterion.Answer
    ) -> String {
        let values = "(\(theirs.values.first ?? "") and \(mine.values.first ?? ""))"
        if term.criterion.kind == .levels {
            let steps = Int(abs(gap))
            return "mentor \(steps) level\(steps == 1 ? "" : "s") \(gap < 0 ? "below" : "above") \(values)"
        }
        return "mentor \(Self.number(abs(gap))) \(gap < 0 ? "less" : "more") \(values)"
    }

    /// The mentor's values the mentee also gave, as the mentor wrote them.
    private static func common(_ mine: Criterion.Answer, _ theirs: Criterion.Answer) -> [String] {
        let wanted = Set(mine.values.map(_Term.normalised))
        return theirs.values.filter { wanted.contains(_Term.normalised($0)) }
    }

    /// 5 rather than 5.0; 2.5 as written.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
