/// Pearson and Spearman correlation with pairwise-complete cases (SPEC §6).
public enum Correlation {
    /// The correlation matrix of several variables, each pair over the services that
    /// have both values.
    ///
    /// For a pair (j, k) the n rows where both are present are taken; each column is
    /// centred on its own mean over those rows (the accurate mean of `Descriptive`),
    /// scaled by a power of two (exact), and the cross-products come from BLAS
    /// `cblas_dsyrk` (row-major, upper): r = c_jk / √(c_jj c_kk), clamped to [−1, 1].
    /// Rows complete in every column share one `dsyrk` over all the columns; a pair
    /// whose pairwise-complete rows are more than those gets its own two-column
    /// `dsyrk`. Either way each r is the Pearson r of exactly that pair's complete
    /// cases, as `scipy.stats.pearsonr` on the pair would give. Spearman's ρ is the same
    /// computation on average ranks taken within the pair's complete cases.
    ///
    /// Undefined figures are `nil` (see `CorrelationEstimate`): r and ρ need n ≥ 3 and
    /// both variables non-constant over the pair's rows. The diagonal holds each
    /// variable against itself (r = ρ = 1 when defined).
    ///
    /// - Parameter columns: `columns[k][i]` is variable k for service i; `nil` is
    ///   missing. NaN and ±∞ count as missing; a shorter column is missing at the end.
    ///   `ascendingOrders`, when given: column k's rows with a finite value in ascending
    ///   order (a column sorted once and reused), so that ranks need no sort per pair.
    /// - Returns: a symmetric `columns.count × columns.count` matrix.
    public static func matrix(_ columns: [[Double?]], ascendingOrders: [[Int]]? = nil) -> [[CorrelationEstimate]] {
        let p = columns.count
        guard p > 0 else { return [] }
        let rowCount = columns.map(\.count).max() ?? 0
        let present: [[Bool]] = columns.map { column in
            (0..<rowCount).map { i in i < column.count && (column[i]?.isFinite ?? false) }
        }
        let everyColumnRows = (0..<rowCount).filter { i in present.allSatisfy { $0[i] } }
        let shared = CentredGram(columns: columns, columnIndices: Array(0..<p), rows: everyColumnRows,
                                 ascendingOrders: ascendingOrders)

        var result = [[CorrelationEstimate]](
            repeating: [CorrelationEstimate](repeating: CorrelationEstimate(n: 0, pearsonR: nil, spearmanRho: nil),
                                             count: p),
            count: p)
        for j in 0..<p {
            let ownRows = (0..<rowCount).filter { present[j][$0] }
            let withItself = CentredGram.isUsable(columns[j], rows: ownRows) ? 1.0 : nil
            result[j][j] = CorrelationEstimate(n: ownRows.count, pearsonR: withItself, spearmanRho: withItself)
            for k in (j + 1)..<p {
                let pairRows = (0..<rowCount).filter { present[j][$0] && present[k][$0] }
                let estimate: CorrelationEstimate
                if pairRows.count == everyColumnRows.count {
                    estimate = shared.estimate(j, k)
                } else {
                    estimate = CentredGram(columns: columns, columnIndices: [j, k], rows: pairRows,
                                           ascendingOrders: ascendingOrders).estimate(0, 1)
                }
                result[j][k] = estimate
                result[k][j] = estimate
            }
        }
        return result
    }

    /// The correlation of two variables over the services that have both
    /// (`matrix([x, y])[0][1]`).
    public static func estimate(x: [Double?], y: [Double?]) -> CorrelationEstimate {
        matrix([x, y])[0][1]
    }
}
