/// Many problems told briefly, for a terminal: a national cohort's sign-ups
/// can give thousands of warnings of one kind (a goal out of scope), and a
/// screenful of them hides everything else. Problems of a kind are those
/// whose messages differ only in their quoted values; each kind shows its
/// count and its first few problems, in the order the kinds first appear.
public enum ProblemSummary {
    /// The message with each quoted value (`"…"`) left out: what problems of
    /// one kind share.
    public static func kind(of problem: InputProblem) -> String {
        var kind = ""
        var quoted = false
        for character in problem.message {
            if character == "\"" {
                if !quoted { kind += "\"…\"" }
                quoted.toggle()
            } else if !quoted {
                kind.append(character)
            }
        }
        return "\(problem.severity.rawValue): \(kind)"
    }

    /// Every problem, one per line, when there are `limit` or fewer; else
    /// each kind's first `perKind` problems and how many more there are,
    /// and a last line saying where the whole list is (`fullList`).
    public static func text(
        _ problems: [InputProblem], limit: Int = 20, perKind: Int = 3, fullList: String
    ) -> String {
        guard problems.count > limit else { return problems.map(\.description).joined(separator: "\n") }
        var order: [String] = []
        var byKind: [String: [InputProblem]] = [:]
        for problem in problems {
            let kind = kind(of: problem)
            if byKind[kind] == nil { order.append(kind) }
            byKind[kind, default: []].append(problem)
        }
        var lines: [String] = []
        for kind in order {
            let members = byKind[kind]!
            lines += members.prefix(perKind).map(\.description)
            if members.count > perKind {
                lines.append("  … and \(members.count - perKind) more like this (\(members.count) in all)")
            }
        }
        lines.append("all \(problems.count) problems, one per line, in \(fullList)")
        return lines.joined(separator: "\n")
    }
}
