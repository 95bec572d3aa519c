extension Duration {
    /// The duration in seconds as a `Double`, for timings on the terminal.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
