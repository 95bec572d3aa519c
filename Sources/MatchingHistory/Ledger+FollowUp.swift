import GRDB
import Matching

extension Ledger {
    /// What a follow-up round (`tandem rematch`) takes from the ledger: the
    /// round it follows, the files that round read, and (once the cohort is
    /// loaded) the pairs to lock, exclude and keep.
    public struct FollowUp: Sendable {
        /// How one mentee's proposal stood in the round followed.
        public struct Earlier: Sendable, Equatable {
            public var mentor: ParticipantID
            public var mentorName: String
            public var standing: ProposalStanding
        }

        public var round: LedgerRound
        /// The files the round read, by input (`mentors`, `mentees`,
        /// `signups`, `conflicts`, `policy`).
        public var inputs: [String: String]
        /// Accepted pairs: kept in place.
        public var locks: [Pairing] = []
        /// Declined and ended pairs of the chain: never proposed again.
        public var exclusions: [PairExclusion] = []
        /// Pairs of earlier rounds outside the chain (earlier years), which
        /// the policy's `[history] repeat_pairs` forbids, penalises or allows.
        public var earlierPairs: [Pairing] = []
        /// Proposals awaiting a reply: kept where the objective allows.
        public var pending: [Pairing] = []
        /// Each mentee's proposal in the round followed, by the mentee's id
        /// now (for the report of what changed).
        public var earlier: [ParticipantID: Earlier] = [:]
        /// Mentees of the round followed who are not in the files now.
        public var withdrawn: [String] = []
        /// Mentees in the round followed who were proposed no mentor.
        public var unmatchedBefore: Set<ParticipantID> = []
        /// The round followed's potentials, by the ids people have now:
        /// where the follow-up round's solve starts.
        public var potentials = RoundPotentials()
    }

    /// The published round a follow-up round follows (the latest, or the one
    /// named) and its input files.
    public func followUp(roundNamed name: String?) throws -> FollowUp {
        let round = try self.round(named: name, among: [.published], for: "tandem rematch")
        let inputs = try read { db in
            try Row.fetchAll(db, sql: "SELECT input, path FROM round_inputs WHERE round = ?", arguments: [round.id])
                .reduce(into: [String: String]()) { $0[$1[0]] = $1[1] }
        }
        return FollowUp(round: round, inputs: inputs)
    }

    /// Fills in what the follow-up round keeps and excludes for the cohort
    /// loaded now: people are found again by email or id, so late sign-ups
    /// are new and people no longer in the files have withdrawn.
    ///
    /// - Throws: ``LedgerError`` when an accepted pair's mentee or mentor is
    ///   no longer in the files (their pairing must be ended first).
    public func constraints(_ followUp: FollowUp, cohort: Cohort) throws -> FollowUp {
        var followUp = followUp
        try read { db in
            let ids = try _LedgerPeople.ids(db, in: cohort)
            let menteeOf = ids.mentees.mapValues { $0[0] }, mentorOf = ids.mentors.mapValues { $0[0] }
            let pairs = try _CurrentPairs(db, round: followUp.round)
            let proposed = Set(pairs.proposals.map(\.mentee.person))
            for person in pairs.people where person.role == "mentee" && !proposed.contains(person.person) {
                if let mentee = menteeOf[person.person] { followUp.unmatchedBefore.insert(mentee) }
            }
            var missing: [String] = []
            for proposal in pairs.proposals {
                let mentee = menteeOf[proposal.mentee.person], mentor = mentorOf[proposal.mentor.person]
                guard let mentee else {
                    if proposal.standing == .accepted {
                        missing.append("\(proposal.mentee.name) (mentee \(proposal.mentee.participantID))")
                    } else {
                        followUp.withdrawn.append(proposal.mentee.name)
                    }
                    continue
                }
                followUp.earlier[mentee] = FollowUp.Earlier(
                    mentor: ParticipantID(proposal.mentor.participantID), mentorName: proposal.mentor.name,
                    standing: proposal.standing)
                if proposal.standing == .accepted {
                    if let mentor {
                        followUp.locks.append(Pairing(mentee: mentee, mentor: mentor))
                    } else {
                        missing.append("\(proposal.mentor.name) (mentor \(proposal.mentor.participantID))")
                    }
                } else if proposal.standing.isPending, let mentor {
                    followUp.pending.append(Pairing(mentee: mentee, mentor: mentor))
                }
            }
            guard missing.isEmpty else {
                throw LedgerError(
                    path,
                    "accepted pairings include people no longer in the sign-ups: \(missing.joined(separator: ", ")); record their end with tandem end first, or keep them in the files."
                )
            }
            // Every pair of the chain whose latest answer is a decline, and every ended pair.
            let outcomes = try _ChainOutcomes(db, chain: followUp.round.chain)
            var exclusions = Set<PairExclusion>()
            let declined = outcomes.answers.filter { $0.value.response == .declined && outcomes.endings[$0.key] == nil }
            for (pairs, reason) in [
                (Array(declined.keys), ExclusionReason.declined), (Array(outcomes.endings.keys), .earlierPair),
            ] {
                for pair in pairs {
                    guard let mentee = menteeOf[pair.mentee], let mentor = mentorOf[pair.mentor] else { continue }
                    exclusions.insert(PairExclusion(mentee: mentee, mentor: mentor, reason: reason))
                }
            }
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT person, role, place, potential FROM round_duals WHERE round = ? ORDER BY role, person, place",
                arguments: [followUp.round.id])
            {
                let person: Int64 = row[0], potential: Int64 = row[3]
                if (row[1] as String) == "mentee" {
                    if let mentee = menteeOf[person] { followUp.potentials.mentees[mentee] = potential }
                } else if let mentor = mentorOf[person] {
                    followUp.potentials.mentors[mentor, default: []].append(potential)
                }
            }
            followUp.earlierPairs = try Self.earlierPairs(db, in: cohort, outside: followUp.round.chain)
            followUp.exclusions = exclusions.sorted {
                ($0.mentee, $0.mentor, $0.reason) < ($1.mentee, $1.mentor, $1.reason)
            }
        }
        return followUp
    }
}
