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
