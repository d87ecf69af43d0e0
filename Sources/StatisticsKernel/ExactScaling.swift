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

/// xᵢ − centre for every value, exactly: each as the TwoSum pair hi + lo, both divided by
/// the power of two `scale` that brings the largest |hi| into [1, 2) (exact, and it keeps
/// squares and products of the deviations away from overflow and underflow).
struct ScaledDeviations {
    var hi: [Double]
    var lo: [Double]
    let scale: Double

    /// `nil` if a deviation is not finite.
    init?(of values: [Double], from centre: Double) {
        var hi = [Double](repeating: 0, count: values.count)
        var lo = [Double](repeating: 0, count: values.count)
        for (i, x) in values.enumerated() {
            let d = DoubleDouble.twoSum(x, -centre)
            hi[i] = d.hi
            lo[i] = d.lo
        }
        guard let scale = ExactScaling.powerOfTwo(coveringMagnitudesOf: hi) else { return nil }
        if let reciprocal = ExactScaling.exactReciprocal(of: scale) {
            for i in hi.indices {  // the same bits as ÷ scale, without a division
                hi[i] *= reciprocal
                lo[i] *= reciprocal
            }
        } else {
            for i in hi.indices {
                hi[i] /= scale
                lo[i] /= scale
            }
        }
        self.hi = hi
        self.lo = lo
        self.scale = scale
    }
}
