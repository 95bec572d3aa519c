extension SourceLocation {
    /// Where the first bytes that are not UTF-8 are in a text file: the line,
    /// and the column counted in characters (Unicode scalars) from 1; `nil`
    /// when every byte is valid.
    ///
    /// - Complexity: O(bytes), one pass, nothing allocated.
    public static func firstInvalidUTF8(in bytes: some Collection<UInt8>, file: String) -> SourceLocation? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return SourceLocation(file: file, row: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }
}
