/// The exponentials' argument reduction in lanes: k = round(x / ln 2 hi) and 2ᵏ as two
/// powers of two, worked out with whole-vector operations.
///
/// Why: the lanes' exponentials (the model's means, a million rows a step) took these lane
/// by lane, each result written into one lane of a vector in memory and read back whole
/// — a stalled store per lane — and `rounded()` was a call into libm per lane: a third of
/// the lane function's own time at 10⁶ services (perf annotate, issue 30). These are the
/// same numbers by exact arithmetic (held to the scalar expressions for every k in
/// `ElementaryLanesTests`):
///
/// - `round(q)` (ties away from zero) for |q| < 2⁵¹: n = (q + 1.5·2⁵²) − 1.5·2⁵² rounds to
///   the nearest integer, ties to even, exactly; q − n is exact (|q − n| ≤ ½ and n is q's
///   neighbour), and where it is ±½ (a tie) n moves one away from zero if it is not already;
///   a zero takes x's sign.
/// - `(k / 2).rounded(.towardZero)`: k/2 is exact and whole or half; its nearest-even
///   rounding moves back toward zero where it went past.
/// - `Double(sign: .plus, exponent: e, significand: 1)` for whole e in [−1022, 1023]: the
///   bits (e + 1023) << 52, e + 1023 read from the low bits of e + 1023 + 2⁵² (exact).
extension Elementary {
    /// For each lane of `quotient` (|quotient| ≤ 1100, as x / ln 2 for the exponentials'
    /// domain): k = `quotient.rounded()`, half = `(k / 2).rounded(.towardZero)`, and 2^half,
    /// 2^(k − half) as the exponentials form them.
    @inline(__always)
    static func binaryScale<Lanes: SIMD>(_ quotient: Lanes) -> (k: Lanes, first: Lanes, second: Lanes)
        where Lanes.Scalar == Double {
        let k = roundedAwayFromZero(quotient)
        let halfK = k * 0.5
        var half = nearestEven(halfK)
        half.replace(with: half - 1, where: (halfK .> 0) .& (half .> halfK))
        half.replace(with: half + 1, where: (halfK .< 0) .& (half .< halfK))
        return (k, powerOfTwo(half), powerOfTwo(k - half))
    }

    /// The nearest whole number, ties to even, for |x| < 2⁵¹.
    @inline(__always)
    private static func nearestEven<Lanes: SIMD>(_ x: Lanes) -> Lanes where Lanes.Scalar == Double {
        let magic = Lanes(repeating: 0x1.8p52)
        return (x + magic) - magic
    }

    /// `x.rounded()` of each lane (to nearest, ties away from zero), for |x| < 2⁵¹.
    @inline(__always)
    static func roundedAwayFromZero<Lanes: SIMD>(_ x: Lanes) -> Lanes where Lanes.Scalar == Double {
        var n = nearestEven(x)
        let difference = x - n
        n.replace(with: n + 1, where: (difference .== 0.5) .& (x .> 0))
        n.replace(with: n - 1, where: (difference .== -0.5) .& (x .< 0))
        // `rounded()` keeps x's sign on a zero result (−0.3 → −0): so does this.
        n.replace(with: x * 0, where: n .== 0)
        return n
    }

    /// 2ᵉ of each lane, e whole in [−1022, 1023].
    @inline(__always)
    private static func powerOfTwo<Lanes: SIMD>(_ exponent: Lanes) -> Lanes where Lanes.Scalar == Double {
        let biased = exponent + Lanes(repeating: 1023 + 0x1p52)
        let bits = unsafeBitCast(biased, to: Lanes.MaskStorage.self) &- unsafeBitCast(Lanes(repeating: 0x1p52),
                                                                                         to: Lanes.MaskStorage.self)
        return unsafeBitCast(bits &<< 52, to: Lanes.self)
    }

    /// `reduced(_:)` of each lane of `x` (each ≥ 2⁻¹⁰⁰⁰ and finite): m (its low part is 0)
    /// and k with x = 2ᵏ·m, m ∈ [√½, √2). m is x's significand under the exponent field of
    /// 1, k the unbiased exponent, then m halved and k raised where m > √2 — the numbers the
    /// scalar reduction forms by scaling, without a lane's trip through memory (held to it
    /// in `ElementaryLanesTests`).
    @inline(__always)
    static func reduced<Lanes: SIMD>(_ x: Lanes) -> (m: Lanes, k: Lanes) where Lanes.Scalar == Double {
        let bits = unsafeBitCast(x, to: Lanes.MaskStorage.self)
        let significandBits = Lanes.MaskStorage(repeating: 0x000F_FFFF_FFFF_FFFF)
        var m = unsafeBitCast((bits & significandBits) | Lanes.MaskStorage(repeating: 0x3FF0_0000_0000_0000),
                              to: Lanes.self)
        var exponent = (bits &>> 52) &- 1023
        let above = m .> 0x1.6a09e667f3bcdp0  // √2
        m.replace(with: m * 0.5, where: above)
        exponent = exponent &- unsafeBitCast(above, to: Lanes.MaskStorage.self)  // a set lane is −1
        // Double(exponent): 1.5·2⁵² + e is exact for |e| < 2⁵¹, its bits those of 1.5·2⁵² plus e.
        let magic = Lanes(repeating: 0x1.8p52)
        let k = unsafeBitCast(unsafeBitCast(magic, to: Lanes.MaskStorage.self) &+ exponent, to: Lanes.self) - magic
        return (m, k)
    }
}
