import Foundation

/// The regularized incomplete beta function Iₓ(a, b), for Student's t p-values.
enum IncompleteBeta {
    /// Iₓ(a, b) = B(x; a, b) / B(a, b) for a, b > 0 and x ∈ [0, 1].
    ///
    /// Evaluated with the continued fraction of DiDonato & Morris / Numerical Recipes
    /// (§6.4 `betacf`) by the modified Lentz method, on the side where it converges
    /// fast: directly when x < (a + 1)/(a + b + 2), otherwise as 1 − I₁₋ₓ(b, a).
    /// The prefactor xᵃ(1−x)ᵇ/B(a, b) is formed in logs with an accurate log B
    /// (`logBeta`) and log x, log(1 − x) from whichever of x, 1 − x is small, so large
    /// a, b (large degrees of freedom) keep their digits.
    ///
    /// - Parameters:
    ///   - complement: 1 − x, supplied by callers that know it more accurately than
    ///     `1 - x` would give (e.g. r² when x = 1 − r²).
    /// - Returns: `nil` if an argument is out of range or the fraction does not converge.
    ///
    /// [Numerical Recipes 3rd ed. §6.4]: https://numerical.recipes/
    static func regularized(a: Double, b: Double, x: Double, complement y: Double? = nil) -> Double? {
        let y = y ?? (1 - x)
        guard a > 0, b > 0, a.isFinite, b.isFinite,
              x >= 0, x <= 1, y >= 0, y <= 1 else { return nil }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        // log x = log1p(−y) when x is near 1 (and vice versa): with a ~ 10⁵ an ulp of x
        // in log(x) would cost ~10⁻¹¹ of the result.
        let logX = x > 0.5 ? log1p(-y) : log(x)
        let logY = y > 0.5 ? log1p(-x) : log(y)
        let logFront = a * logX + b * logY - logBeta(a, b)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            guard let fraction = continuedFraction(a: a, b: b, x: x) else { return nil }
            return min(1, max(0, front * fraction / a))
        } else {
            guard let fraction = continuedFraction(a: b, b: a, x: y) else { return nil }
            return min(1, max(0, 1 - front * fraction / b))
        }
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), without the cancellation of
    /// three large log-gammas when a or b is large: the Stirling parts are combined
    /// analytically and only the small corrections `stirlingCorrection` are added
    /// (the scheme of R's `lbeta`, Morris 1992 / Loader).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b)
        let logSqrtTwoPi = 0.918938533204672741780329736406
        if p >= 10 {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + logSqrtTwoPi + correction
                + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        } else if q >= 10 {
            let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        } else {
            return lgamma(p) + lgamma(q) - lgamma(p + q)
        }
    }

    /// log Γ(x) − [(x − ½) log x − x + ½ log 2π] for x ≥ 10, by the Stirling series
    /// 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹)
    /// + 1/(156x¹³); the first omitted term is < 3·10⁻¹⁷ at x = 10.
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let s = inverse * inverse
        let series = 1.0 / 12 + s * (-1.0 / 360 + s * (1.0 / 1260 + s * (-1.0 / 1680
            + s * (1.0 / 1188 + s * (-691.0 / 360360 + s * (1.0 / 156))))))
        return series * inverse
    }

    /// The continued fraction of Iₓ(a, b) (NR `betacf`), modified Lentz evaluation.
    /// Converges in O(√max(a, b)) steps for x < (a + 1)/(a + b + 2).
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double? {
        let tiny = 1e-300
        let tolerance = 4 * Double.ulpOfOne
        let maxIterations = 200_000
        func guarded(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 / guarded(1 - qab * x / qap)
        var h = d
        for step in 1...maxIterations {
            let m = Double(step), m2 = 2 * m
            // even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m))
            var numerator = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 / guarded(1 + numerator * d)
            c = guarded(1 + numerator / c)
            h *= d * c
            // odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1))
            numerator = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 / guarded(1 + numerator * d)
            c = guarded(1 + numerator / c)
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= tolerance { return h }
        }
        return nil
    }
}
