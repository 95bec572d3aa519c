import ArgumentParser
import Diagnostics
import Foundation
import Matching
import MatchingHistory
import MatchingReports

extension Tandem {
    /// `tandem rematch`: a follow-up round after responses and endings.
    struct Rematch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a follow-up round: accepted pairs kept, declined and ended pairs never proposed again.",
            discussion: """
                Reads the latest published round from the ledger and the sign-up files it used \
                (or the files given, with late sign-ups added and withdrawals removed). Accepted \
                pairs keep their places; declined and ended pairs are never proposed again; \
                proposals still awaiting a reply are kept wherever the policy's objective allows: \
                the answer is exactly the best for the objective, then the one changing the \
                fewest pending proposals, then the best total, and its certificate covers all \
                three. Writes DIR as tandem match does, plus changes.md and changes.csv (what \
                changed and why, mentee by mentee), and records the round as a draft that \
                tandem publish sends to the people whose proposals changed.

                Example:
                \(RoundLifeExample.answered) \\
                    && tandem rematch --ledger scheme.sqlite --out round-2
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(help: ArgumentHelp("Mentors' sign-ups now (default: the file the round read).", valueName: "file"))
        var mentors: String?

        @Option(help: ArgumentHelp("Mentees' sign-ups now (default: the file the round read).", valueName: "file"))
        var mentees: String?

        @Option(
            help: ArgumentHelp("Everybody's sign-ups in one file, by role (default: as the round).", valueName: "file"))
        var signups: String?

        @Option(help: ArgumentHelp("Declared conflicts (default: the file the round read).", valueName: "file"))
        var conflicts: String?

        @Option(help: ArgumentHelp("The policy (default: the file the round read).", valueName: "file"))
        var policy: String?

        @Option(help: ArgumentHelp("The folder to write, as for tandem match.", valueName: "dir"))
        var out: String

        @Option(
            name: .customLong("follows"),
            help: ArgumentHelp("The published round to follow up (default: the latest).", valueName: "name"))
        var follows: String?

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp(
                "This round's name (default: the first round's name and \"follow-up N\").", valueName: "name"))
        var roundName: String?

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func run() async throws {
            let ledger = try ledgerOptions.open()
            var followUp: Ledger.FollowUp
            do { followUp = try ledger.followUp(roundNamed: follows) } catch { throw ErrorReporter.fail(error) }
            let sources = try self.sources(followUp)
            let inputFiles = [sources.signups, sources.mentors, sources.mentees, sources.conflicts, sources.policy]
                .compactMap { $0 }
            do {
                try OutputFolder.check(out, outputs: .round, inputs: inputFiles)
            } catch {
                throw ErrorReporter.fail(out, error.description)
            }
            let round: MatchingRound
            let clock = ContinuousClock()
            let start = clock.now
            var (scored, solved) = (start, start)
            do {
                let loaded = try CohortLoader.load(sources)
                followUp = try ledger.constraints(followUp, cohort: loaded.cohort)
                var spec = RoundSpec(loaded: loaded)
                spec.locks = followUp.locks
                spec.exclusions = followUp.exclusions
                spec.earlierPairs = followUp.earlierPairs
                spec.pending = followUp.pending
                spec.startingPotentials = followUp.potentials
                let check = try spec.score()
                scored = clock.now
                round = try await spec.solve(check)
                solved = clock.now
            } catch {
                throw ErrorReporter.fail(error)
            }
            if !quiet {
                ErrorReporter.summarise(round.check.warnings, fullList: out + "/" + RoundOutputs.warningsPath)
            }
            let changes = FollowUpChanges.changes(followUp, round: round)
            var files = await RoundOutputs.files(round)
            files += FollowUpChanges.files(followUp, round: round).map { ($0.path, Data($0.text.utf8)) }
            let kept = Set(followUp.pending)
            var origins: [ParticipantID: RoundRecord.Origin] = [:]
            for pair in round.pairs {
                let mentee = round.cohort.mentees[pair.mentee].id, mentor = round.cohort.mentors[pair.mentor].id
                origins[mentee] =
                    pair.locked ? .accepted : kept.contains(Pairing(mentee: mentee, mentor: mentor)) ? .kept : .new
            }
            let name = try roundName ?? defaultName(ledger, followUp)
            let recorded: Ledger.Recorded
            do {
                recorded = try ledger.recordDraft(
                    RoundRecord(
                        name: name, date: .today, round: round, letters: await RoundLetters.letters(round),
                        origins: origins), follows: followUp.round)
                _ = try AtomicDirectory.write(files, to: out)
            } catch {
                throw ErrorReporter.fail(error)
            }
            if !quiet {
                print(RoundOutputs.summary(round, folder: out))
                print(
                    "changes:     \(changes.locked) accepted pairs kept in place, \(changes.kept) pending proposals kept, \(changes.changes.count) changes (\(out)/changes.md)"
                )
                print(
                    "ledger:      round \"\(recorded.round.name)\" recorded as a draft; tandem publish --ledger \(ledger.path) sends it to the people whose proposals changed"
                )
                print(Match.effort(round, scoring: scored - start, solving: solved - scored))
            }
            if !round.certificate.isOptimal { throw ExitCode(2) }
        }

        /// The files to read: those given, else those the round followed read.
        private func sources(_ followUp: Ledger.FollowUp) throws -> Cohort.Sources {
            let inputs = followUp.inputs
            let conflicts = conflicts ?? inputs["conflicts"], policy = policy ?? inputs["policy"]
            if let signups = signups ?? (mentors == nil && mentees == nil ? inputs["signups"] : nil) {
                return Cohort.Sources(signups: signups, conflicts: conflicts, policy: policy)
            }
            guard let mentors = mentors ?? inputs["mentors"], let mentees = mentees ?? inputs["mentees"] else {
                throw ValidationError(
                    "the round read one sign-up file; give --signups, or both --mentors and --mentees.")
            }
            return Cohort.Sources(mentors: mentors, mentees: mentees, conflicts: conflicts, policy: policy)
        }

        /// "Spring round · follow-up 2": the chain's first round and how many rounds follow it.
        private func defaultName(_ ledger: Ledger, _ followUp: Ledger.FollowUp) throws -> String {
            let chain = try ledger.rounds().filter { $0.chain == followUp.round.chain && $0.status != .draft }
            let first = chain.first?.name ?? followUp.round.name
            return "\(first) · follow-up \(chain.count)"
        }
    }
}
