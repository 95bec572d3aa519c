import Matching

/// Changes as a report writes them: `+3`, `−2`, `±0`; `+12.50`, `−0.30`, `±0.00`.
enum _Signed {
    static func count(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "±0" }

    /// A point figure as ``PointsFormat`` writes it, signed.
    static func points(_ points: String) -> String {
        let sign: Int? = PointsFormat.compare(points, "0")
        return sign == 1 ? "+" + points : sign == -1 ? "−" + points.dropFirst() : "±" + points
    }
}
