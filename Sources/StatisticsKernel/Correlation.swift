/// Pearson and Spearman correlation with pairwise-complete cases (SPEC §6).
public enum Correlation {
    /// The correlation matrix of several variables, each pair over the services that
    /// have both values (`estimate(x:y:)` for every pair).
    ///
    /// - Parameter columns: `columns[k][i]` is variable k for service i; `nil` is
    ///   missing. NaN and ±∞ count as missing; a shorter column is missing at the end.
    /// - Returns: a symmetric `columns.count × columns.count` matrix; the diagonal holds
    ///   each variable against itself (r = ρ = 1 when defined).
    public static func matrix(_ columns: [[Double?]]) -> [[CorrelationEstimate]] {
        let p = columns.count
        let empty = CorrelationEstimate(n: 0, pearsonR: nil, spearmanRho: nil)
        var result = [[CorrelationEstimate]](repeating: [CorrelationEstimate](repeating: empty, count: p), count: p)
        for j in 0..<p {
            let own = columns[j].compactMap { $0 }.filter(\.isFinite)
            let usable = own.count >= 3 && own.min() != own.max()
            result[j][j] = CorrelationEstimate(n: own.count, pearsonR: usable ? 1 : nil, spearmanRho: usable ? 1 : nil)
            for k in (j + 1)..<p {
                let estimate = estimate(x: columns[j], y: columns[k])
                result[j][k] = estimate
                result[k][j] = estimate
            }
        }
        return result
    }

    /// Pearson's r and Spearman's ρ of two variables over the services that have both,
    /// with r's 95% CI and p-value.
    ///
    /// r is Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²) from `CentredMoments`: BLAS `dsyrk`
    /// on error-free slices of the exactly centred columns, so r is the same bits on every
    /// BLAS kernel and within an ulp or two of the exact r of the binary64 data. Spearman's
    /// ρ is the same computation on average ranks (ties share their mean rank) taken within
    /// the pair's complete cases, as `scipy.stats.spearmanr` does.
    ///
    /// Undefined figures are `nil` (see `CorrelationEstimate`): r and ρ need n ≥ 3 and
    /// both variables non-constant over the pair's rows.
    public static func estimate(x: [Double?], y: [Double?]) -> CorrelationEstimate {
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<min(x.count, y.count) {
            guard let a = x[i], let b = y[i], a.isFinite, b.isFinite else { continue }
            xs.append(a)
            ys.append(b)
        }
        let n = xs.count
        guard n >= 3, xs.min() != xs.max(), ys.min() != ys.max() else {
            return CorrelationEstimate(n: n, pearsonR: nil, spearmanRho: nil)
        }
        let r = CentredMoments(columns: [xs, ys])?.correlation(0, 1)
        let rho = CentredMoments(columns: [Ranking.averageRanks(xs), Ranking.averageRanks(ys)])?.correlation(0, 1)
        return CorrelationEstimate(n: n, pearsonR: r, spearmanRho: rho)
    }
}
