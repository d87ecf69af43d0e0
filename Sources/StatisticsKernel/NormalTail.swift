/// Two-sided p-values from the standard normal distribution, with the same bits on every
/// CPU (only +, −, ×, ÷, √ and `Elementary.exp`; glibc's erfc is picked per CPU).
///
/// p = erfc(|z|/√2) = Q(½, z²/2), the regularised upper incomplete gamma function,
/// evaluated as in Press et al., *Numerical Recipes* §6.2: its series for z²/2 < 1.5,
/// else its continued fraction (modified Lentz), each to full double precision.
public enum NormalTail {
    /// 1/√π.
    private static let inverseRootPi = 0.5641895835477563

    /// P(|Z| ≥ |z|) for a standard normal Z; `nil` for a non-finite z.
    public static func twoSidedPValue(z: Double) -> Double? {
        guard z.isFinite else { return nil }
        let x = abs(z) / 2.0.squareRoot()
        let x2 = x * x
        if x2 == 0 { return 1 }
        // e^(−x²)·x/√π = e^(−x²)·(x²)^½/Γ(½): the gamma function's common factor.
        let factor = Elementary.exp(-x2) * x * inverseRootPi
        if x2 < 1.5 {
            var term = 2.0, sum = 2.0, a = 0.5  // 1/a with a = ½
            for _ in 0..<200 {
                a += 1
                term *= x2 / a
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return max(0, 1 - sum * factor)
        }
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        var b = x2 + 0.5, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<300 {
            let an = -Double(i) * (Double(i) - 0.5)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-17 { break }
        }
        return h * factor
    }
}
