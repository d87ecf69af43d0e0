/// Student's t distribution, for the p-value of a correlation (SPEC §6).
enum StudentT {
    /// Two-sided p-value P(|T| ≥ |t|) for T ~ t(ν):
    /// p = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1 with 26.5.27).
    /// - Returns: `nil` if ν ≤ 0 or t is NaN; `0` for infinite t.
    static func twoSidedPValue(t: Double, degreesOfFreedom df: Double) -> Double? {
        guard df > 0, df.isFinite, !t.isNaN else { return nil }
        let t2 = t * t
        if t2.isInfinite { return 0 }
        return IncompleteBeta.regularized(a: df / 2, b: 0.5, x: df / (df + t2), complement: t2 / (df + t2))
    }

    /// Two-sided p-value of Pearson's r from n pairs: t = r√((n−2)/(1−r²)) on n − 2 df.
    /// Since ν/(ν + t²) = 1 − r², this is I_{1−r²}((n−2)/2, ½), evaluated with
    /// 1 − r² = (1 − |r|)(1 + |r|) and complement r² so |r| near 1 keeps its digits.
    /// - Returns: `nil` if n < 3 or |r| > 1; `0` when |r| = 1.
    static func correlationPValue(r: Double, n: Int) -> Double? {
        guard n >= 3, abs(r) <= 1 else { return nil }
        let magnitude = abs(r)
        if magnitude == 1 { return 0 }
        return IncompleteBeta.regularized(a: Double(n - 2) / 2, b: 0.5,
                                          x: (1 - magnitude) * (1 + magnitude),
                                          complement: magnitude * magnitude)
    }
}
