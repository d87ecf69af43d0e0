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

    /// 1 / `scale` when x × it is x ÷ `scale` for every x: `scale` a power of two whose
    /// reciprocal is a normal double (both are then the exact quotient, rounded once), so
    /// a loop can multiply instead of divide; `nil` otherwise (divide then).
    static func exactReciprocal(of scale: Double) -> Double? {
        guard scale >= 0x1p-1022, scale <= 0x1p1022, scale.significandBitPattern == 0 else { return nil }
        return 1 / scale
    }
}

/// xᵢ − centre, exactly, as the TwoSum pair hi + lo, both divided by the power of two
/// `scale` that brings the largest |hi| into [1, 2) (exact, and it keeps squares and
/// products of the deviations away from overflow and underflow): the scale worked out here,
/// the deviations value by value by whoever sums them, so no array of them is made.
enum ScaledDeviations {
    /// The scale: 2^e with max |fl(xᵢ − centre)| / 2^e in [1, 2), 1 when every deviation is
    /// 0; `nil` if one is not finite. fl(x − centre) is monotonic in x, so the largest
    /// magnitude is at the least or the greatest value: one min/max pass.
    static func scale(of values: [Double], from centre: Double) -> Double? {
        guard var least = values.first else { return 1 }
        var greatest = least
        for x in values {
            least = min(least, x)
            greatest = max(greatest, x)
        }
        guard least.isFinite, greatest.isFinite else { return nil }
        return ExactScaling.powerOfTwo(coveringMagnitudesOf: [least - centre, greatest - centre])
    }
}
