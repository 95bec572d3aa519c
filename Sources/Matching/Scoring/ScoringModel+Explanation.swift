/// Explanations, computed per pair from the participants themselves (not
/// read back from the matrix), so a test can hold the two against each other.
extension ScoringModel {
    /// Every factor of the pair's score with its evidence, or the rules that
    /// forbid the pair.
    ///
    /// - Complexity: O(goals + skills + exclusions' log).
    public func explain(mentee menteeIndex: Int, mentor mentorIndex: Int) -> PairExplanation {
        let mentee = cohort.mentees[menteeIndex], mentor = cohort.mentors[mentorIndex]
        let policy = cohort.policy
        var parts: [PairExplanation.Part] = []
        var matches: [PairExplanation.GoalMatch] = []
        for goal in mentee.goals {
            guard let skill = mentor.skills.first(where: { $0.topic == goal.topic }) else { continue }
            matches.append(
                PairExplanation.GoalMatch(
                    rank: goal.rank, goal: goal.written, skill: skill.written, level: skill.level,
                    goalUnits: goalUnits[goal.rank - 1], multiplier: levelMultipliers[skill.level - 1]))
        }
        if !matches.isEmpty {
            let detail = matches.map {
                "goal #\($0.rank) \"\($0.goal)\" meets skill \"\($0.skill)\" at level \($0.level)"
            }.joined(separator: "; ")
            parts.append(.init(factor: .goals, units: matches.reduce(0) { $0 + $1.units }, detail: detail))
        }
        let levels = policy.seniority.levels
        if let menteeLevel = mentee.seniority, let mentorLevel = mentor.seniority, !levels.isEmpty {
            let gap = mentorLevel - menteeLevel
            let units = Int64(seniorityUnits(gap: gap))
            if units != 0 {
                let ideal =
                    gap == policy.seniority.idealGap
                    ? "the ideal gap" : "one level off the ideal gap of \(policy.seniority.idealGap)"
                parts.append(
                    .init(
                        factor: .seniority, units: units,
                        detail:
                            "mentor \(gap) level\(gap == 1 ? "" : "s") above (\(levels[mentorLevel]) and \(levels[menteeLevel])), \(ideal)"
                    ))
            }
        }
        let sameRegion = !mentee.region.isEmpty && _Term.normalised(mentee.region) == _Term.normalised(mentor.region)
        if sameRegion, regionUnits != 0 {
            parts.append(.init(factor: .region, units: Int64(regionUnits), detail: "same region (\(mentor.region))"))
        }
        let menteeLanguages = Set(mentee.languages.map(_Term.normalised))
        let common = mentor.languages.filter { menteeLanguages.contains(_Term.normalised($0)) }
        if !common.isEmpty, languageUnits != 0 {
            parts.append(
                .init(
                    factor: .language, units: Int64(languageUnits),
                    detail: "a language in common (\(common.joined(separator: ", ")))"))
        }
        let sameOrganisation =
            !mentee.organisation.isEmpty
            && _Term.normalised(mentee.organisation) == _Term.normalised(mentor.organisation)
        if sameOrganisation, organisationUnits != 0 {
            let how = organisationUnits < 0 ? "penalised" : "preferred"
            parts.append(
                .init(
                    factor: .organisation, units: Int64(organisationUnits),
                    detail: "same organisation (\(mentor.organisation)), \(how) by the policy"))
        }
        let meeting = PairExplanation.Meeting(
            online: mentee.meeting.allowsOnline && mentor.meeting.allowsOnline,
            inPerson: mentee.meeting.allowsInPerson && mentor.meeting.allowsInPerson
                && (sameRegion || !policy.inPersonNeedsSameRegion),
            sharedRegion: sameRegion ? mentor.region : nil)
        let reasons = forbiddingRules(
            mentee: menteeIndex, mentor: mentorIndex, meeting: meeting,
            sameOrganisation: sameOrganisation, sharesLanguage: !common.isEmpty)
        return PairExplanation(
            mentee: menteeIndex, mentor: mentorIndex, resolution: policy.resolution,
            parts: parts, goalMatches: matches, forbiddenBecause: reasons, meeting: meeting,
            sharedLanguages: common)
    }

    private func forbiddingRules(
        mentee menteeIndex: Int, mentor mentorIndex: Int, meeting: PairExplanation.Meeting,
        sameOrganisation: Bool, sharesLanguage: Bool
    ) -> [PairExplanation.Exclusion] {
        let mentee = cohort.mentees[menteeIndex], mentor = cohort.mentors[mentorIndex]
        let policy = cohort.policy
        var reasons: [PairExplanation.Exclusion] = []
        let bothInPerson = mentee.meeting.allowsInPerson && mentor.meeting.allowsInPerson
        if !meeting.online && !bothInPerson {
            reasons.append(
                .init(
                    rule: .meetingMode,
                    sentence:
                        "they cannot meet: the mentee meets \(mentee.meeting.rawValue) only and the mentor \(mentor.meeting.rawValue) only"
                ))
        } else if !meeting.online, !meeting.inPerson {
            let regions =
                "\(mentee.region.isEmpty ? "no region given" : mentee.region) and \(mentor.region.isEmpty ? "no region given" : mentor.region)"
            reasons.append(
                .init(
                    rule: .inPersonRegion,
                    sentence: "they can only meet in person, which needs the same region (\(regions))"))
        }
        let levels = policy.seniority.levels
        if !levels.isEmpty, let menteeLevel = mentee.seniority, let mentorLevel = mentor.seniority,
            mentorLevel - menteeLevel < policy.seniority.minimumGap
        {
            reasons.append(
                .init(
                    rule: .seniorityGap,
                    sentence:
                        "the mentor (\(levels[mentorLevel])) is not at least \(policy.seniority.minimumGap) level\(policy.seniority.minimumGap == 1 ? "" : "s") above the mentee (\(levels[menteeLevel]))"
                ))
        }
        if sameOrganisation, policy.sameOrganisation == .forbid {
            reasons.append(
                .init(
                    rule: .sameOrganisation,
                    sentence: "both are from \(mentor.organisation), and the policy forbids same-organisation pairs"))
        }
        if policy.sharedLanguageRequired, !sharesLanguage, !mentee.languages.isEmpty, !mentor.languages.isEmpty {
            reasons.append(
                .init(rule: .sharedLanguage, sentence: "they have no language in common, and the policy requires one"))
        }
        var conflictOnRecord = false
        for reason in cohort.exclusionReasons(mentee: menteeIndex, mentor: mentorIndex) {
            switch reason {
            case .samePerson:
                reasons.append(.init(rule: .samePerson, sentence: "the same person signed up as mentor and mentee"))
            case .lineManagement: reasons.append(.init(rule: .lineManagement, sentence: "one line-manages the other"))
            case .declaredConflict: conflictOnRecord = true
            case .declined, .earlierPair, .coordinator:
                reasons.append(
                    .init(
                        rule: .excludedThisRound, sentence: "the pair is excluded for this round (\(reason.rawValue))"))
            }
        }
        let mentorOrganisation = _Term.normalised(mentor.organisation),
            menteeOrganisation = _Term.normalised(mentee.organisation)
        if cohort.menteeOrganisationConflicts[menteeIndex].contains(mentorOrganisation)
            || cohort.mentorOrganisationConflicts[mentorIndex].contains(menteeOrganisation)
        {
            conflictOnRecord = true
        }
        if conflictOnRecord {
            reasons.append(.init(rule: .conflictOfInterest, sentence: "a conflict of interest is on record"))
        }
        return reasons
    }
}
