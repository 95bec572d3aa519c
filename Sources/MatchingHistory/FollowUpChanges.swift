import Matching
import MatchingReports

/// What a follow-up round changed, mentee by mentee: `changes.csv` and
/// `changes.md` in its folder. Only mentees whose proposal is not simply
/// carried over are listed (accepted pairs kept in place and proposals kept
/// as they were are counted, not listed).
public enum FollowUpChanges {
    /// One mentee's change.
    public struct Change: Sendable, Equatable {
        public var mentee: ParticipantID
        public var name: String
        /// Their proposal before ("" when they had none) and now ("" when none).
        public var before: String
        public var now: String
        public var why: String
    }

    /// The changes, in mentee id order, and how many proposals were carried over.
    public static func changes(
        _ followUp: Ledger.FollowUp, round: MatchingRound
    ) -> (
        changes: [Change], kept: Int, locked: Int
    ) {
        let cohort = round.cohort
        let mentorOf = Dictionary(uniqueKeysWithValues: round.pairs.map { ($0.mentee, $0) })
        var changes: [Change] = [], kept = 0, locked = 0
        for (index, mentee) in cohort.mentees.enumerated() {
            let pair = mentorOf[index]
            let now = pair.map { cohort.mentors[$0.mentor] }
            let nowText = now.map { "\($0.name) (\($0.id))" } ?? ""
            guard let earlier = followUp.earlier[mentee.id] else {
                if followUp.unmatchedBefore.contains(mentee.id) {
                    if now != nil {
                        changes.append(
                            Change(
                                mentee: mentee.id, name: mentee.name, before: "", now: nowText,
                                why: "no mentor in the last round; one proposed now"))
                    }
                    continue
                }
                changes.append(
                    Change(
                        mentee: mentee.id, name: mentee.name, before: "", now: nowText,
                        why: now == nil ? "joined late; no mentor could be proposed" : "joined late"))
                continue
            }
            let beforeText = "\(earlier.mentorName) (\(earlier.mentor), \(earlier.standing.rawValue))"
            if now?.id == earlier.mentor {
                if pair?.locked == true { locked += 1 } else { kept += 1 }
                continue
            }
            let why: String
            switch earlier.standing {
            case .declined:
                why = now == nil ? "declined; no other mentor could be proposed" : "declined; a new mentor proposed"
            case .ended:
                why =
                    now == nil
                    ? "pairing ended; no other mentor could be proposed" : "pairing ended; a new mentor proposed"
            default:
                if cohort.mentorIndex(named: earlier.mentor.rawValue) == nil {
                    why = "their proposed mentor withdrew"
                } else {
                    why = "moved so that the round's objective is met (the fewest changes that allow it)"
                }
            }
            changes.append(Change(mentee: mentee.id, name: mentee.name, before: beforeText, now: nowText, why: why))
        }
        for name in followUp.withdrawn {
            changes.append(
                Change(mentee: "", name: name, before: "", now: "", why: "withdrew (no longer in the sign-ups)"))
        }
        return (changes, kept, locked)
    }

    /// `changes.csv` and `changes.md`.
    public static func files(_ followUp: Ledger.FollowUp, round: MatchingRound) -> [(path: String, text: String)] {
        let (changes, kept, locked) = self.changes(followUp, round: round)
        var csv = CSVWriter(header: ["mentee", "name", "before", "now", "why"], format: round.cohort.policy.output)
        var markdown = """
            # What changed since "\(followUp.round.name)"

            \(locked) accepted pair\(locked == 1 ? "" : "s") kept in place; \(kept) proposal\(kept == 1 ? "" : "s") awaiting a reply kept as they were; \(changes.count) change\(changes.count == 1 ? "" : "s"):

            | Mentee | Before | Now | Why |
            |---|---|---|---|

            """
        for change in changes {
            csv.append([change.mentee.rawValue, change.name, change.before, change.now, change.why])
            let cells = [
                change.mentee.rawValue.isEmpty ? change.name : "\(change.name) (\(change.mentee))",
                change.before.isEmpty ? "—" : change.before, change.now.isEmpty ? "none" : change.now, change.why,
            ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            markdown += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return [("changes.csv", csv.text), ("changes.md", markdown)]
    }
}
