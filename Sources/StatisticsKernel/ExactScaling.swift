/// Scaling by a power of two: exact in binary64 (only the exponent changes), so it can
/// keep sums of squares and cross-products away from overflow and underflow without
/// costing a digit.
enum ExactScaling {
    /// 2^e with `max |values| / 2^e` in [1, 2); `1` when every value is 0; `nil` if a
    /// value is not finite.
    static func powerOfTwo(coveringMagnitudesOf values: [Double]) -> Double? {
        let largest = values.reduce(0) { max($0, abs($1)) }
        guard largest.isFinite else { return nil }
        guard largest > 0 else { return 1 }
        return Double(sign: .plus, exponent: largest.exponent, significand: 1)
    }
}
