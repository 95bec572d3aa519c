/// Orders ids as people read them: runs of digits compare by value, so
/// "E3" < "E20" < "E112"; other characters compare by code point. Ties in
/// value ("E7" and "E07") fall back to plain code-point order, so the order
/// is total and the same on every machine.
enum _NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        var left = a.unicodeScalars.makeIterator(), right = b.unicodeScalars.makeIterator()
        var x = left.next(), y = right.next()
        while let l = x, let r = y {
            if l.properties.numericType == .decimal, r.properties.numericType == .decimal, l.isASCII, r.isASCII {
                var leftDigits = "", rightDigits = ""
                while let scalar = x, scalar.isASCII, ("0"..."9").contains(scalar) {
                    leftDigits.unicodeScalars.append(scalar)
                    x = left.next()
                }
                while let scalar = y, scalar.isASCII, ("0"..."9").contains(scalar) {
                    rightDigits.unicodeScalars.append(scalar)
                    y = right.next()
                }
                let leftValue = leftDigits.drop { $0 == "0" }, rightValue = rightDigits.drop { $0 == "0" }
                if leftValue.count != rightValue.count { return leftValue.count < rightValue.count }
                if leftValue != rightValue { return leftValue < rightValue }
                continue
            }
            if l != r { return l.value < r.value }
            x = left.next()
            y = right.next()
        }
        if (x == nil) != (y == nil) { return x == nil }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
