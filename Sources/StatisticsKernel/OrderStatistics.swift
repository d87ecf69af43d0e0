/// Order statistics: median, Hyndman–Fan type 7 quantile, raw median absolute deviation.
///
/// These feed the outlier rules of SPEC §5 (modified z-score on median/MAD,
/// Iglewicz–Hoaglin; Tukey fences on the quartiles) and the medians of the
/// descriptives table (SPEC §6).
///
/// Every function returns `nil` for an empty input or when any value is not finite
/// (NaN or ±∞), so an undefined statistic is missing rather than NaN (STYLE.md habit 4).
public enum OrderStatistics {
    /// The sample median: the middle value of the sorted sample, or the midpoint of the
    /// two middle values when the count is even.
    ///
    /// Equal to `quantile(values, probability: 0.5)` and to `numpy.median`; the midpoint
    /// is formed as `a/2 + b/2`, which is the correctly rounded `(a + b)/2` and cannot
    /// overflow.
    /// - Returns: `nil` if `values` is empty or holds a non-finite value.
    public static func median(_ values: [Double]) -> Double? {
        guard let sorted = sortedFinite(values) else { return nil }
        return sortedMedian(sorted)
    }

    /// The `p`-quantile by Hyndman & Fan (1996) definition 7, the default of R's
    /// `quantile()` and numpy's `method="linear"`.
    ///
    /// With the sample sorted as x₀ ≤ … ≤ xₙ₋₁, let h = (n − 1)·p, j = ⌊h⌋, g = h − j;
    /// then Q(p) = xⱼ + g·(xⱼ₊₁ − xⱼ). Q(0) is the minimum and Q(1) the maximum.
    /// The interpolation is exact until one final rounding (see `sortedQuantile`), so the
    /// result is within an ulp of the exact quantile; numpy agrees except in last bits.
    ///
    /// - Parameters:
    ///   - values: the sample, in any order.
    ///   - p: the probability, in [0, 1].
    /// - Returns: `nil` if `values` is empty, holds a non-finite value, or `p` is outside [0, 1].
    ///
    /// [Hyndman & Fan 1996]: https://doi.org/10.1080/00031305.1996.10473566
    public static func quantile(_ values: [Double], probability p: Double) -> Double? {
        guard p >= 0, p <= 1, let sorted = sortedFinite(values) else { return nil }
        return sortedQuantile(sorted, probability: p)
    }

    /// The raw median absolute deviation, median(|xᵢ − median(x)|), with no
    /// consistency constant.
    ///
    /// The modified z-score of Iglewicz & Hoaglin applies its own 0.6745 factor
    /// (Mᵢ = 0.6745 (xᵢ − x̃) / MAD), so the caller scales; this is R's
    /// `mad(x, constant = 1)` and scipy's `median_abs_deviation(x, scale=1.0)`.
    /// - Returns: `nil` if `values` is empty or holds a non-finite value; `0` when more
    ///   than half the values are equal (callers must handle a zero MAD).
    public static func medianAbsoluteDeviation(_ values: [Double]) -> Double? {
        guard let sorted = sortedFinite(values) else { return nil }
        let centre = sortedMedian(sorted)
        let deviations = sorted.map { abs($0 - centre) }.sorted()
        let mad = sortedMedian(deviations)
        return mad.isFinite ? mad : nil  // |x − median| can overflow only near ±Double.greatestFiniteMagnitude
    }

    // MARK: - Internals shared with Descriptive

    /// `values` sorted ascending, or `nil` if empty or any value is NaN/±∞.
    static func sortedFinite(_ values: [Double]) -> [Double]? {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        return SortOrder.sortedValues(values)  // values.sorted(), in linear time
    }

    /// Median of a non-empty ascending array.
    static func sortedMedian(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return sorted[middle - 1] / 2 + sorted[middle] / 2
    }

    /// Type 7 quantile of a non-empty ascending array, p in [0, 1]: xⱼ + g·(xⱼ₊₁ − xⱼ)
    /// with h = (n − 1)·p, j = ⌊h⌋, g = h − j all exact (h as Dekker's exact product, g and
    /// the difference as double-doubles), rounded once — within an ulp of the exact
    /// quantile of the binary64 data (numpy's two-roundings `_lerp` can be a few ulps off
    /// where the gap xⱼ₊₁ − xⱼ is wide), and the same bits on every machine.
    static func sortedQuantile(_ sorted: [Double], probability p: Double) -> Double {
        let last = sorted.count - 1
        let h = DoubleDouble.twoProduct(Double(last), p)
        var floor = h.hi.rounded(.down)
        if floor == h.hi, h.lo < 0 { floor -= 1 }
        let j = max(0, min(Int(floor), last))
        let g = DoubleDouble.twoSum(h.hi - floor, h.lo)  // h.hi − ⌊h.hi⌋ is exact
        guard g.hi > 0, j < last else { return sorted[j] }
        let a = sorted[j], b = sorted[j + 1]
        let width = DoubleDouble.twoSum(b, -a)
        // Only when a and b are near ±Double.greatestFiniteMagnitude with opposite signs.
        guard width.hi.isFinite else { return a * (1 - g.hi) + b * g.hi }
        return (g * width + a).value
    }
}
