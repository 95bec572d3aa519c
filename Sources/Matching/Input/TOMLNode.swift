import TOMLKit

/// A parsed TOML value as plain Swift data, so the rest of the policy code
/// neither depends on TOMLKit's reference types nor on its key order.
indirect enum _TOMLNode {
    case table([(key: String, value: _TOMLNode)])
    case array([_TOMLNode])
    case string(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case date(year: Int, month: Int, day: Int)
    /// Times and date-times, which no policy field takes.
    case other(String)

    /// Parses a TOML document.
    ///
    /// - Throws: the parser's message with its line and column.
    static func parse(_ text: String) throws(_TOMLSyntaxError) -> _TOMLNode {
        try _TOMLGuard.check(text)
        do {
            return _TOMLNode(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            throw _TOMLSyntaxError(
                line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        } catch {
            throw _TOMLSyntaxError(line: 1, column: 1, message: "\(error)")
        }
    }

    private init(_ value: any TOMLValueConvertible) {
        switch value.type {
        case .table:
            let table = value.table!
            self = .table(table.keys.map { ($0, _TOMLNode(table[$0]!)) })
        case .array:
            self = .array(value.array!.map { _TOMLNode($0) })
        case .string: self = .string(value.string!)
        case .int: self = .integer(value.int!)
        case .double: self = .real(value.double!)
        case .bool: self = .boolean(value.bool!)
        case .date:
            let date = value.date!
            self = .date(year: date.year, month: date.month, day: date.day)
        case .time, .dateTime: self = .other(value.debugDescription)
        }
    }

    /// The kind of value, as a policy error names it.
    var kind: String {
        switch self {
        case .table: "a table"
        case .array: "a list"
        case .string: "text"
        case .integer: "a whole number"
        case .real: "a number"
        case .boolean: "true or false"
        case .date: "a date"
        case .other: "a time"
        }
    }
}

struct _TOMLSyntaxError: Error {
    let line: Int
    let column: Int
    let message: String
}
