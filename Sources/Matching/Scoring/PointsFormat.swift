/// Points as text: a whole number of units times the resolution, with as many
/// decimals as the resolution has (0.01 → two), so displayed parts add up.
public enum PointsFormat {
    public static func string(units: Int64, resolution: Double) -> String {
        let decimals = self.decimals(of: resolution)
        let scaledResolution = (resolution * pow10(decimals)).rounded()
        let scaled = Int64(scaledResolution) * units  // exact: both whole numbers
        let divisor = Int64(pow10(decimals))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        guard decimals > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % UInt64(divisor))
        return sign + String(magnitude / UInt64(divisor)) + "."
            + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// The order of two figures as ``string(units:resolution:)`` writes
    /// them, whatever their resolutions: -1, 0 or 1; `nil` when either is
    /// not such a figure.
    public static func compare(_ first: String, _ second: String) -> Int? {
        guard let a = scaled(first), let b = scaled(second) else { return nil }
        let decimals = max(a.decimals, b.decimals)
        let x = a.value * power(decimals - a.decimals), y = b.value * power(decimals - b.decimals)
        return x < y ? -1 : x > y ? 1 : 0
    }

    /// `first − second` exactly, with the decimals of the finer of the two
    /// (`"12.5"` and `"0.25"` give `"12.25"`); `nil` when either is not a
    /// figure as ``string(units:resolution:)`` writes it.
    public static func difference(_ first: String, _ second: String) -> String? {
        guard let a = scaled(first), let b = scaled(second) else { return nil }
        let decimals = max(a.decimals, b.decimals)
        let units = a.value * power(decimals - a.decimals) - b.value * power(decimals - b.decimals)
        return string(units: units, resolution: 1 / pow10(decimals))
    }

    /// The resolution that writes both exactly, and each one's units in it
    /// (0.01 and 0.5 give 0.01, factors 1 and 50).
    static func commonScale(_ first: Double, _ second: Double) -> (resolution: Double, first: Int64, second: Int64) {
        let unit = 1 / pow10(max(decimals(of: first), decimals(of: second)))
        return (unit, Int64((first / unit).rounded()), Int64((second / unit).rounded()))
    }

    /// "-12.50" → (-1250, 2); at most 15 digits, so sums stay exact.
    private static func scaled(_ text: String) -> (value: Int64, decimals: Int)? {
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), digits.count <= 16,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        let value = Int64(parts[0])! * power(fraction.count) + (fraction.isEmpty ? 0 : Int64(fraction)!)
        return (negative ? -value : value, fraction.count)
    }

    private static func power(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }

    /// The fewest decimals (up to 6) that write the resolution exactly.
    static func decimals(of resolution: Double) -> Int {
        for decimals in 0...6 {
            let scaled = resolution * pow10(decimals)
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { return decimals }
        }
        return 6
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
