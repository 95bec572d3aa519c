/// One participant's letter as content — a subject and blocks of text with
/// the partner's name in bold — rendered as plain text (to paste into an
/// email: no markup shows) and as HTML (to send as a formatted email or
/// print).
struct _Letter: Sendable {
    /// A run of text, in bold or not.
    struct Span: Sendable {
        var text: String
        var strong = false
    }

    enum Block: Sendable {
        case heading(String)
        case paragraph([Span])
        case list([String])
    }

    var subject: String
    var blocks: [Block] = []

    mutating func paragraph(_ text: String) { blocks.append(.paragraph([Span(text: text)])) }

    /// Plain text: the subject line, then the ``body``.
    var text: String { "Subject: \(subject)\n\n" + body }

    /// The blocks as plain text, a blank line apart; list items start with "- ".
    var body: String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text): parts.append(text)
            case .paragraph(let spans): parts.append(spans.map(\.text).joined())
            case .list(let items): parts.append(items.map { "- \($0)" }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// A small standalone HTML page: the subject as its title, everything
    /// participants wrote escaped.
    var html: String {
        var body: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text): body.append("<h2>\(_HTML.escape(text))</h2>")
            case .paragraph(let spans):
                body.append(
                    "<p>"
                        + spans.map { $0.strong ? "<strong>\(_HTML.escape($0.text))</strong>" : _HTML.escape($0.text) }
                        .joined() + "</p>")
            case .list(let items):
                body.append("<ul>\n" + items.map { "<li>\(_HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(_HTML.escape(subject))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #1a1a1a; }
            h2 { font-size: 1.1em; margin-top: 1.5em; }
            li { margin: 0.3em 0; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
