import ArgumentParser
import Foundation
import Matching
import MatchingReports

extension Tandem {
    /// `tandem init`: a commented starter policy from a scheme's sign-up files.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented starter policy for a scheme's sign-up files.",
            discussion: """
                Reads the headers and values of the sign-ups, maps every column it recognises (ids, \
                emails, names, the role column, skills, goals, capacity, …), guesses what the others \
                hold (yes/no, numbers, lists, categories, levels, people named, free text), and \
                writes a policy that runs as written: recognised fields are mapped, each with how it \
                was found; guessed criteria are commented out to switch on (or switched on, as \
                points only, when the form asks no skills and goals). Check it with tandem validate. \
                Two headers that could both be the same field (two email columns) are an error that \
                names both.

                Example:
                  tandem init --mentors datasets/forms/time-slots/mentors.csv \\
                    --mentees datasets/forms/time-slots/mentees.csv --out policy.toml
                """
        )

        @OptionGroup var signupFiles: SignupOptions

        @Option(
            help: ArgumentHelp(
                "Where to write the policy; an existing file is never overwritten. Default: standard output.",
                valueName: "file"))
        var out: String?

        func run() throws {
            let text: String
            do {
                if let signups = signupFiles.signups {
                    text = try StarterPolicy.write(signups: signups)
                } else {
                    text = try StarterPolicy.write(
                        mentors: signupFiles.mentors ?? "", mentees: signupFiles.mentees ?? "")
                }
            } catch { throw ErrorReporter.fail(error) }
            guard let out else {
                print(text, terminator: "")
                return
            }
            do {
                try AtomicFile.create(Data(text.utf8), at: out)
            } catch {
                throw ErrorReporter.fail(out, error.reason)
            }
            FileHandle.standardError.write(
                Data("wrote \(out); check it, then: tandem validate \(signupFiles.arguments) --policy \(out)\n".utf8))
        }
    }
}
