/// One correlation pair of SPEC §6: pairwise-complete n, Pearson r with its 95% CI and
/// two-sided p-value, and Spearman ρ. Every undefined figure is `nil`, never NaN.
public struct CorrelationEstimate: Sendable, Equatable {
    /// Pairs where both values are present (the study prints n per figure).
    public var n: Int
    /// Pearson's r; `nil` when n < 3 or either variable is constant over the n pairs.
    public var pearsonR: Double?
    /// Spearman's ρ (Pearson's r on average ranks); `nil` under the same conditions as r.
    public var spearmanRho: Double?
    /// 95% CI of r by Fisher's z: tanh(atanh r ∓ 1.959963984540054/√(n−3)); needs n ≥ 4.
    /// [r, r] when |r| = 1.
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Two-sided p for H₀: ρ = 0 from Student's t with n − 2 df; 0 when |r| = 1.
    public var pValue: Double?

    public init(n: Int, pearsonR: Double?, spearmanRho: Double?,
                ciLow: Double?, ciHigh: Double?, pValue: Double?) {
        self.n = n
        self.pearsonR = pearsonR
        self.spearmanRho = spearmanRho
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.pValue = pValue
    }

    /// The 97.5% point of the standard normal (scipy.stats.norm.ppf(0.975)), per SPEC §6.
    static let normalQuantile975 = 1.959963984540054

    /// Completes an estimate from n, r and ρ: CI by Fisher's z and p by Student's t.
    init(n: Int, pearsonR r: Double?, spearmanRho rho: Double?) {
        var low: Double?, high: Double?, p: Double?
        if let r {
            p = StudentT.correlationPValue(r: r, n: n)
            if abs(r) == 1 {
                (low, high) = (r, r)
            } else if n >= 4 {
                let z = Elementary.atanh(r)
                let halfWidth = Self.normalQuantile975 / Double(n - 3).squareRoot()
                (low, high) = (Elementary.tanh(z - halfWidth), Elementary.tanh(z + halfWidth))
            }
        }
        self.init(n: n, pearsonR: r, spearmanRho: rho, ciLow: low, ciHigh: high, pValue: p)
    }
}
