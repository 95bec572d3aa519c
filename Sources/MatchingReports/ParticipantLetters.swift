import Foundation
import Matching

/// `letters/`: one letter per participant, telling them their proposal and
/// the reasons in plain words, as plain text (`.txt`, to paste into an
/// email) and HTML (`.html`), with `index.csv` listing each file's
/// recipient, email and subject for a mail merge.
///
/// A letter speaks only of its reader and their proposed partner(s): never a
/// score (theirs or anyone's), never a conflict declaration or that one
/// exists, never another participant. Unmatched people get a reason phrased
/// without any of these.
enum _ParticipantLetters {
    /// How much of an id a letter's file name keeps.
    static let idCharacters = 100

    /// (relative path, text) for every participant's letter in both
    /// renderings, mentees first, in id order, then `letters/index.csv`.
    static func letters(
        _ round: MatchingRound, explanations: _PairExplanations
    ) async -> [(path: String, text: String)] {
        let cohort = round.cohort
        var used = Set<String>()
        // A file name from the id: ASCII letters, digits and `-_.` kept, the
        // rest `_`, at most `idCharacters` of it (file names end at 255 bytes),
        // and a number added when two ids come out the same.
        func stem(_ role: Role, _ id: String) -> String {
            let safe = String(
                id.prefix(Self.idCharacters).map {
                    $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_"
                })
            var name = "letters/\(role.rawValue)-\(safe)", suffix = 2
            while !used.insert(name).inserted {
                name = "letters/\(role.rawValue)-\(safe)-\(suffix)"
                suffix += 1
            }
            return name
        }
        var files: [(path: String, text: String)] = []
        var index = CSVWriter(
            header: ["role", "id", "name", "email", "subject", "text_file", "html_file"], format: cohort.policy.output)
        for (person, letter) in await composed(round, explanations: explanations) {
            let stem = stem(person.role, person.id.rawValue)
            files.append((stem + ".txt", letter.text))
            files.append((stem + ".html", letter.html))
            let name = String(stem.dropFirst("letters/".count))
            index.append([
                person.role.rawValue, person.id.rawValue, person.name, person.email, letter.subject, name + ".txt",
                name + ".html",
            ])
        }
        files.append(("letters/index.csv", index.text))
        return files
    }

    /// `letters/mail-merge.csv`: every letter as one row — role, id, name,
    /// email, subject and the plain-text body — mentees first, in id order.
    ///
    /// Composed and written `chunk` people at a time, so that only
    /// the file's bytes are held whole: composing every letter first, then
    /// the file as text, then its bytes held the letters three times over.
    /// On a generated 140,000 × 60,000 round (a 0.2 GB file) the peak
    /// resident memory of the whole `tandem match` fell from 1.62 to
    /// 1.24 GiB and writing the outputs from 6.2 to 4.8 s; at 700,000 ×
    /// 300,000 (a 1.0 GB file) from 8.00 to 5.67 GiB.
    static func mailMerge(
        _ round: MatchingRound, explanations: _PairExplanations, chunk: Int = mailMergeChunk
    ) async -> (path: String, data: Data) {
        let format = round.cohort.policy.output
        var data = Data(
            CSVWriter(header: ["role", "id", "name", "email", "subject", "body"], format: format).text.utf8)
        let composer = Composer(round, explanations: explanations)
        for first in stride(from: 0, to: composer.people.count, by: chunk) {
            let people = first..<min(first + chunk, composer.people.count)
            var rows = ""
            for (person, letter) in await composer.letters(people) {
                rows += CSVWriter.line(
                    [person.role.rawValue, person.id.rawValue, person.name, person.email, letter.subject, letter.body],
                    separator: format.csvSeparator)
            }
            data.append(contentsOf: rows.utf8)
        }
        return ("letters/mail-merge.csv", data)
    }

    /// People whose letters are composed at once for the mail-merge file.
    static let mailMergeChunk = 16_384

    /// Every participant's letter, mentees first, in id order.
    static func composed(
        _ round: MatchingRound, explanations: _PairExplanations
    ) async -> [(person: Participant, letter: _Letter)] {
        let composer = Composer(round, explanations: explanations)
        return await composer.letters(composer.people.indices)
    }

    /// What composing a letter needs to know of the round, worked out once:
    /// each mentee's pair, each mentor's pairs and each unmatched mentee's
    /// reason.
    struct Composer: Sendable {
        let round: MatchingRound
        let explanations: _PairExplanations
        /// Mentees, then mentors.
        let people: [Participant]
        private let pairOfMentee: [Int: MatchingRound.Pair]
        private let pairsOfMentor: [Int: [MatchingRound.Pair]]
        private let reasonOfMentee: [Int: UnmatchedReason]

        init(_ round: MatchingRound, explanations: _PairExplanations) {
            self.round = round
            self.explanations = explanations
            people = round.cohort.mentees + round.cohort.mentors
            pairOfMentee = Dictionary(uniqueKeysWithValues: round.pairs.map { ($0.mentee, $0) })
            pairsOfMentor = Dictionary(grouping: round.pairs, by: \.mentor)
            reasonOfMentee = Dictionary(uniqueKeysWithValues: round.unmatched.map { ($0.mentee, $0.reason) })
        }

        /// The letters of `people[range]`, in order, written on every core.
        func letters(_ range: Range<Int>) async -> [(person: Participant, letter: _Letter)] {
            let mentees = round.cohort.mentees.count
            let letters = await _mapInOrderedChunks(range.count) { [self] offset in
                let index = range.lowerBound + offset
                return index < mentees
                    ? _ParticipantLetters.menteeLetter(
                        round, mentee: index, pair: pairOfMentee[index], reason: reasonOfMentee[index],
                        explanations: explanations)
                    : _ParticipantLetters.mentorLetter(
                        round, mentor: index - mentees, pairs: pairsOfMentor[index - mentees] ?? [],
                        explanations: explanations)
            }
            return Array(zip(people[range], letters))
        }
    }

    /// "Review checkpoints: 3-month review on 2027-05-01; …", or nothing
    /// when the start date is not known.
    private static func checkpoints(_ policy: Policy) -> String? {
        let dates = _RoundTables.checkpoints(policy)
        guard let first = dates.first, !first.isEmpty else { return nil }
        return "Review checkpoints: "
            + zip(policy.matching.checkpointMonths, dates).map { "\($0)-month review on \($1)" }.joined(
                separator: "; ") + "."
    }

    /// Whom to reply to and by when: "Sam Jones (mentoring@example.org) by
    /// 15 March 2027", from the policy's `[letters]`.
    private static func replyTo(_ policy: Policy) -> String {
        let letters = policy.letters
        let who = letters.coordinator ?? "the scheme's coordinator"
        let contact = letters.contact.map { " (\($0))" } ?? ""
        return who + contact + (letters.replyBy.map { " by \(longDate($0))" } ?? "")
    }

    /// "15 March 2027".
    static func longDate(_ date: CalendarDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// The closing lines: the coordinator's name (or the scheme's) and the scheme.
    private static func signOff(_ letter: inout _Letter, _ policy: Policy) {
        letter.paragraph("With best wishes,")
        letter.blocks.append(
            .paragraph([_Letter.Span(text: (policy.letters.coordinator ?? "The coordinator") + ", " + policy.name)]))
    }

    private static func menteeLetter(
        _ round: MatchingRound, mentee index: Int, pair: MatchingRound.Pair?, reason: UnmatchedReason?,
        explanations: _PairExplanations
    ) -> _Letter {
        let cohort = round.cohort, policy = cohort.policy, mentee = cohort.mentees[index]
        var letter = _Letter(
            subject: "\(policy.name): \(pair == nil ? "no mentor this round" : "your proposed mentor")")
        letter.paragraph("Dear \(mentee.name),")
        if let pair {
            let mentor = cohort.mentors[pair.mentor]
            letter.blocks.append(
                .paragraph([
                    .init(text: "We propose "), .init(text: mentor.name, strong: true),
                    .init(text: "\(contact(mentor, policy)) as your mentor."),
                ]))
            letter.paragraph("Why this pairing:")
            letter.blocks.append(
                .list(reasons(round, explanations[mentee: index]!, mentee: index, mentor: pair.mentor, reader: .mentee))
            )
            if let checkpoints = checkpoints(policy) { letter.paragraph(checkpoints) }
            askToReply(&letter, policy, proposals: 1)
        } else {
            let why: String =
                switch reason {
                case .noEligibleMentor?:
                    "no mentor this round met the scheme's requirements for your pairing (such as meeting mode, region or seniority)"
                case .eligibleMentorsFull?: "the mentors who matched your goals were fully booked this round"
                default: "no available mentor was a close enough match for your goals this round"
                }
            letter.paragraph(
                "We could not propose a mentor for you in this round: \(why). The coordinator will be in touch about the next round."
            )
        }
        if !mentee.outOfScopeGoals.isEmpty {
            letter.paragraph(
                "Some of the goals you listed (\(mentee.outOfScopeGoals.joined(separator: ", "))) are outside what mentoring in this scheme covers; the coordinator will point you to the right support."
            )
        }
        signOff(&letter, policy)
        return letter
    }

    private static func mentorLetter(
        _ round: MatchingRound, mentor index: Int, pairs: [MatchingRound.Pair], explanations: _PairExplanations
    ) -> _Letter {
        let cohort = round.cohort, policy = cohort.policy, mentor = cohort.mentors[index]
        let subject =
            pairs.isEmpty
            ? "no mentee this round"
            : pairs.count == 1 ? "your proposed mentee" : "your \(pairs.count) proposed mentees"
        var letter = _Letter(subject: "\(policy.name): \(subject)")
        letter.paragraph("Dear \(mentor.name),")
        if pairs.isEmpty {
            letter.paragraph(
                "We have not proposed a mentee for you in this round. Thank you for offering your time; the coordinator will be in touch about the next round."
            )
            signOff(&letter, policy)
            return letter
        }
        letter.paragraph(
            pairs.count == 1
                ? "We propose that you mentor:" : "We propose that you mentor these \(pairs.count) mentees:")
        for pair in pairs {
            let mentee = cohort.mentees[pair.mentee]
            letter.blocks.append(.heading("\(mentee.name)\(contact(mentee, policy))"))
            letter.blocks.append(
                .list(
                    reasons(
                        round, explanations[mentee: pair.mentee]!, mentee: pair.mentee, mentor: index, reader: .mentor))
            )
        }
        if let checkpoints = checkpoints(policy) { letter.paragraph(checkpoints) }
        askToReply(&letter, policy, proposals: pairs.count)
        signOff(&letter, policy)
        return letter
    }

    /// " (email)" after a partner's name when the policy gives contact
    /// details in the first letter, or nothing (also when the form asked for none).
    private static func contact(_ partner: Participant, _ policy: Policy) -> String {
        policy.letters.revealContact == .immediately && !partner.email.isEmpty ? " (\(partner.email))" : ""
    }

    /// Asks for an answer; when contact details wait for acceptance, says so.
    private static func askToReply(_ letter: inout _Letter, _ policy: Policy, proposals: Int) {
        letter.paragraph(
            proposals == 1
                ? "This is a proposal: please tell \(replyTo(policy)) whether you accept it."
                : "These are proposals: please tell \(replyTo(policy)) which of them you accept.")
        if policy.letters.revealContact == .afterAcceptance {
            letter.paragraph("Once a proposal is accepted, we will introduce you to each other by email.")
        }
    }

    /// The pair's reasons in words, addressed to `reader`; no numbers but levels.

    private static func reasons(
        _ round: MatchingRound, _ explanation: PairExplanation, mentee: Int, mentor: Int, reader: Role
    ) -> [String] {
        let cohort = round.cohort, policy = cohort.policy
        var lines: [String] = []
        for match in explanation.goalMatches {
            let priority = match.rank == 1 ? "first priority" : "priority #\(match.rank)"
            lines.append(
                reader == .mentee
                    ? "Your goal \"\(match.goal)\" (your \(priority)) matches their experience in \"\(match.skill)\"."
                    : "Their goal \"\(match.goal)\" (their \(priority)) matches your experience in \"\(match.skill)\".")
        }
        if explanation.goalMatches.isEmpty, !cohort.mentees[mentee].goals.isEmpty {
            lines.append(
                "None of the goals listed met an offered skill directly; the pairing rests on the other factors below.")
        }
        // How the pair can meet, unless the sign-up files never asked (a
        // letter must not claim "You can meet online" from a default).
        let columns = round.check.columns
        if columns.isEmpty || columns.contains(where: { $0.used.contains { $0.field == SignupField.meeting.rawValue } })
        {
            let meeting = explanation.meeting
            switch (meeting.online, meeting.inPerson) {
            case (true, true):
                lines.append(
                    "You can meet online or in person\(meeting.sharedRegion.map { " (you are both in \($0))" } ?? "")."
                )
            case (true, false): lines.append("You can meet online.")
            default: lines.append("You can meet in person\(meeting.sharedRegion.map { " in \($0)" } ?? "").")
            }
        }
        let common = explanation.sharedLanguages
        if !common.isEmpty {
            lines.append(
                "You share \(common.count == 1 ? "a language" : "languages"): \(common.joined(separator: ", ")).")
        }
        if let seniority = explanation.parts.first(where: { $0.factor == .seniority }), seniority.units > 0 {
            lines.append(
                reader == .mentee
                    ? "Their seniority is a good step ahead of yours."
                    : "You are a good step ahead of them in seniority.")
        }
        if explanation.parts.contains(where: { $0.factor == .organisation && $0.units > 0 }) {
            lines.append("You are both from \(cohort.mentors[mentor].organisation), which the scheme favours.")
        }
        lines += criterionReasons(explanation, policy: policy, reader: reader)
        return lines
    }

    /// Each of the policy's criteria that added to the pair, in the
    /// policy's words; private criteria are never named.
    private static func criterionReasons(_ explanation: PairExplanation, policy: Policy, reader: Role) -> [String] {
        explanation.parts.compactMap { part -> String? in
            guard let index = part.criterion else { return nil }
            let criterion = policy.criteria[index]
            guard !criterion.isPrivate, part.units > 0 || criterion.rule == .required else { return nil }
            let label = criterion.label.prefix(1).uppercased() + criterion.label.dropFirst()
            if criterion.kind == .preferences {
                let choice = part.evidence.first ?? ""
                return reader == criterion.namingSide
                    ? "\(label): you named them (your choice \(choice))."
                    : "\(label): they named you (their choice \(choice))."
            }
            return part.evidence.isEmpty ? "\(label)." : "\(label): \(part.evidence.joined(separator: ", "))."
        }
    }
}
