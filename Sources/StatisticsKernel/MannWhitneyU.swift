/// The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, for the Work Choice table of
/// SPEC §12: a check on Welch's t that does not assume starts per head are near normal.
///
/// U₁ = R₁ − n₁(n₁ + 1)/2 with R₁ the first group's sum of average ranks in the pooled
/// sample (scipy's `mannwhitneyu` statistic), and U = max(U₁, n₁n₂ − U₁) for the p-value:
///
/// - **exact** when both groups have at most 50 values and no value is tied (SPEC §12;
///   scipy `method="exact"`): p = min(1, 2·P(U' ≤ n₁n₂ − U)) under the null, from the exact
///   count of arrangements (`MannWhitneyDistribution`);
/// - otherwise the **normal approximation** (scipy `method="asymptotic"`,
///   `use_continuity=True`): z = (U − n₁n₂/2 − ½) / σ with the tie-corrected
///   σ² = n₁n₂/12 · ((n + 1) − Σ(tᵢ³ − tᵢ)/(n(n − 1))), p = min(1, 2·(1 − Φ(z))); when every
///   value is tied (σ = 0) there is no evidence of a difference and p = 1, as scipy gives.
///
/// Ranks are half-integers and their sums exact; the p-values use only the module's
/// reproducible functions (`NormalTail`, exact integer counts), so the same bits everywhere.
///
/// [Mann & Whitney 1947]: https://doi.org/10.1214/aoms/1177730491
/// [scipy.stats.mannwhitneyu]: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
package struct MannWhitneyU: Sendable, Equatable {
    /// The first group's U (U₁ above): the number of (first, second) pairs in which the
    /// first group's value is the larger, ties counting ½.
    package let u: Double
    /// Two-sided p-value.
    package let pValue: Double
    /// Whether `pValue` is the exact one (no ties, both groups ≤ 50) or the normal
    /// approximation.
    package let isExact: Bool

    /// The largest group for which the exact distribution is used (SPEC §12).
    static let exactLimit = 50

    /// - Returns: `nil` when a group is empty or a value is not finite.
    package init?(_ first: [Double], _ second: [Double]) {
        guard !first.isEmpty, !second.isEmpty,
              first.allSatisfy(\.isFinite), second.allSatisfy(\.isFinite) else { return nil }
        let (ranks, tieSizes) = Ranking.averageRanksAndTies(first + second)
        let n1 = first.count, n2 = second.count
        // Ranks are multiples of ½ far below 2⁵², so this sum is exact in any order.
        let rankSum = ranks[..<n1].reduce(0, +)
        u = rankSum - Double(n1) * Double(n1 + 1) / 2
        let pairs = Double(n1) * Double(n2)
        let larger = max(u, pairs - u)
        isExact = n1 <= Self.exactLimit && n2 <= Self.exactLimit && tieSizes.allSatisfy { $0 == 1 }
        if isExact {
            pValue = MannWhitneyDistribution.twoSidedPValue(n1: n1, n2: n2, larger: Int(larger))
        } else {
            pValue = Self.normalApproximation(larger: larger, n1: n1, n2: n2, tieSizes: tieSizes)
        }
    }

    /// p from the tie-corrected normal approximation with continuity correction.
    private static func normalApproximation(larger: Double, n1: Int, n2: Int, tieSizes: [Int]) -> Double {
        let n = Double(n1 + n2)
        // Σ(t³ − t) in double-double: exact for every realistic sample.
        var tieTerm = DoubleDouble.zero
        for size in tieSizes where size > 1 {
            let t = Double(size)
            tieTerm = tieTerm + DoubleDouble.twoProduct(t * t, t) - t
        }
        let spread = DoubleDouble(n + 1) - tieTerm / DoubleDouble.twoProduct(n, n - 1)
        let variance = DoubleDouble.twoProduct(Double(n1), Double(n2)) / 12 * spread
        let numerator = larger - Double(n1) * Double(n2) / 2 - 0.5
        guard variance.hi > 0, numerator > 0 else { return 1 }
        let z = (DoubleDouble(numerator) / variance.squareRoot()).value
        return min(1, NormalTail.twoSidedPValue(z: z) ?? 1)
    }
}
