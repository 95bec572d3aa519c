/// Explanations, one pair at a time: the hard rules and bonuses evaluated with
/// the same definitions the scoring kernel uses (`_HardRules`, on the same
/// person keys), and the evidence written from the participants themselves.
extension ScoringModel {
    /// The pair facts the rules read, from the two people's keys.
    private struct _PairKeys {
        var menteeMeeting: Int32, mentorMeeting: Int32
        var sameRegion: Int32, sameOrganisation: Int32
        var sharesLanguage: Int32, menteeListsLanguage: Int32, mentorListsLanguage: Int32
        var gap: Int32
    }

    private func pairKeys(mentee: Int, mentor: Int) -> _PairKeys {
        let words = menteeKeys.languageWords
        var shared: UInt64 = 0, menteeListed: UInt64 = 0, mentorListed: UInt64 = 0
        for word in 0..<words {
            let theirs = mentorKeys.languages[mentor * words + word], mine = menteeKeys.languages[mentee * words + word]
            shared |= theirs & mine
            menteeListed |= mine
            mentorListed |= theirs
        }
        return _PairKeys(
            menteeMeeting: Int32(menteeKeys.meeting[mentee]), mentorMeeting: Int32(mentorKeys.meeting[mentor]),
            sameRegion: menteeKeys.region[mentee] == mentorKeys.region[mentor] ? 1 : 0,
            sameOrganisation: menteeKeys.organisation[mentee] == mentorKeys.organisation[mentor] ? 1 : 0,
            sharesLanguage: shared != 0 ? 1 : 0, menteeListsLanguage: menteeListed != 0 ? 1 : 0,
            mentorListsLanguage: mentorListed != 0 ? 1 : 0,
            gap: mentorKeys.level[mentor] &- menteeKeys.level[mentee])
    }

    /// Every factor of the pair's score with its evidence, or the rules that
    /// forbid the pair, and how the pair can meet.
    ///
    /// - Complexity: O(goals + skills + languages + exclusions' log).
    public func explain(mentee menteeIndex: Int, mentor mentorIndex: Int) -> PairExplanation {
        let mentee = cohort.mentees[menteeIndex], mentor = cohort.mentors[mentorIndex]
        let policy = cohort.policy
        let keys = pairKeys(mentee: menteeIndex, mentor: mentorIndex)
        var parts: [PairExplanation.Part] = []
        var matches: [PairExplanation.GoalMatch] = []
        for goal in mentee.goals {
            guard let skill = mentor.skills.first(where: { $0.topic == goal.topic }) else { continue }
            matches.append(
                PairExplanation.GoalMatch(
                    rank: goal.rank, goal: goal.written, skill: skill.written, level: skill.level,
                    levelStated: skill.levelStated, goalUnits: goalUnits[goal.rank - 1],
                    multiplier: levelMultipliers[skill.level - 1]))
        }
        if !matches.isEmpty {
            let detail = matches.map {
                "goal #\($0.rank) \"\($0.goal)\" meets skill \"\($0.skill)\" at level \($0.level)"
            }.joined(separator: "; ")
            parts.append(.init(factor: .goals, units: matches.reduce(0) { $0 + $1.units }, detail: detail))
        }
        let levels = policy.seniority.levels
        if !levels.isEmpty, let menteeLevel = mentee.seniority, let mentorLevel = mentor.seniority {
            let units = Int64(seniorityUnits(gap: Int(keys.gap)))
            if units != 0 {
                let gap = Int(keys.gap)
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
        if keys.sameRegion == 1, regionUnits != 0 {
            parts.append(.init(factor: .region, units: Int64(regionUnits), detail: "same region (\(mentor.region))"))
        }
        let menteeLanguages = Set(mentee.languages.map(_Term.normalised))
        let common = mentor.languages.filter { menteeLanguages.contains(_Term.normalised($0)) }
        if keys.sharesLanguage == 1, languageUnits != 0 {
            parts.append(
                .init(
                    factor: .language, units: Int64(languageUnits),
                    detail: "a language in common (\(common.joined(separator: ", ")))"))
        }
        if keys.sameOrganisation == 1, organisationUnits != 0 {
            let how = organisationUnits < 0 ? "penalised" : "preferred"
            parts.append(
                .init(
                    factor: .organisation, units: Int64(organisationUnits),
                    detail: "same organisation (\(mentor.organisation)), \(how) by the policy"))
        }
        parts += criterionParts(mentee: menteeIndex, mentor: mentorIndex)
        if repeatPairUnits != 0, cohort.isPenalisedRepeat(mentee: menteeIndex, mentor: mentorIndex) {
            parts.append(
                .init(
                    factor: .history, units: Int64(repeatPairUnits),
                    detail: "paired in an earlier round, penalised by the policy"))
        }
        let regionAlwaysFine: Int32 = policy.inPersonNeedsSameRegion ? 0 : 1
        let meeting = PairExplanation.Meeting(
            online: _HardRules.online(keys.menteeMeeting, keys.mentorMeeting) == 1,
            inPerson: _HardRules.bothInPerson(keys.menteeMeeting, keys.mentorMeeting)
                & (keys.sameRegion | regionAlwaysFine) == 1,
            sharedRegion: keys.sameRegion == 1 ? mentor.region : nil)
        let reasons = forbiddingRules(mentee: menteeIndex, mentor: mentorIndex, keys: keys)
        return PairExplanation(
            mentee: menteeIndex, mentor: mentorIndex, resolution: policy.resolution,
            parts: parts, goalMatches: matches, forbiddenBecause: reasons, meeting: meeting,
            sharedLanguages: common)
    }

    /// Each hard rule the pair breaks, in ``PairExplanation/HardRule`` order.
    private func forbiddingRules(
        mentee menteeIndex: Int, mentor mentorIndex: Int, keys: _PairKeys
    )
        -> [PairExplanation.Exclusion]
    {
        let mentee = cohort.mentees[menteeIndex], mentor = cohort.mentors[mentorIndex]
        let policy = cohort.policy
        var reasons: [PairExplanation.Exclusion] = []
        let regionAlwaysFine: Int32 = policy.inPersonNeedsSameRegion ? 0 : 1
        let canMeet = _HardRules.canMeet(
            keys.menteeMeeting, keys.mentorMeeting, sameRegion: keys.sameRegion, regionAlwaysFine: regionAlwaysFine)
        if canMeet == 0 {
            if _HardRules.bothInPerson(keys.menteeMeeting, keys.mentorMeeting) == 0 {
                reasons.append(
                    .init(
                        rule: .meetingMode,
                        sentence:
                            "they cannot meet: the mentee meets \(mentee.meeting.rawValue) only and the mentor \(mentor.meeting.rawValue) only"
                    ))
            } else {
                let regions =
                    "\(mentee.region.isEmpty ? "no region given" : mentee.region) and \(mentor.region.isEmpty ? "no region given" : mentor.region)"
                reasons.append(
                    .init(
                        rule: .inPersonRegion,
                        sentence: "they can only meet in person, which needs the same region (\(regions))"))
            }
        }
        let levels = policy.seniority.levels
        if !levels.isEmpty, let menteeLevel = mentee.seniority, let mentorLevel = mentor.seniority,
            _HardRules.tooJunior(gap: keys.gap, minimumGap: Int32(policy.seniority.minimumGap)) == 1
        {
            reasons.append(
                .init(
                    rule: .seniorityGap,
                    sentence:
                        "the mentor (\(levels[mentorLevel])) is not at least \(policy.seniority.minimumGap) level\(policy.seniority.minimumGap == 1 ? "" : "s") above the mentee (\(levels[menteeLevel]))"
                ))
        }
        let forbid: Int32 = policy.sameOrganisation == .forbid ? 1 : 0
        if _HardRules.sameOrganisationForbidden(sameOrganisation: keys.sameOrganisation, forbid: forbid) == 1 {
            reasons.append(
                .init(
                    rule: .sameOrganisation,
                    sentence: "both are from \(mentor.organisation), and the policy forbids same-organisation pairs"))
        }
        let check: Int32 = policy.sharedLanguageRequired ? keys.menteeListsLanguage : 0
        if _HardRules.noSharedLanguage(check: check, mentorLists: keys.mentorListsLanguage, shares: keys.sharesLanguage)
            == 1
        {
            reasons.append(
                .init(rule: .sharedLanguage, sentence: "they have no language in common, and the policy requires one"))
        }
        reasons += criterionExclusions(mentee: menteeIndex, mentor: mentorIndex)
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
        let mentorOrganisation = _Term.normalised(mentor.organisation)
        let menteeOrganisation = _Term.normalised(mentee.organisation)
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
