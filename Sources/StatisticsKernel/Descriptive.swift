/// Mean, sample standard deviation, minimum, median and maximum of a sample.
public enum Descriptive {
    /// Summarises a sample accurately even when its values share many leading digits.
    ///
    /// The mean and SD use the corrected two-pass algorithm with compensated sums:
    ///
    ///     m₀ = Σxᵢ / n                      (Neumaier-compensated Σ)
    ///     dᵢ = xᵢ − m₀,  δ = Σdᵢ / n        (second pass; δ corrects m₀'s rounding)
    ///     mean = m₀ + δ
    ///     s² = (Σdᵢ² − n δ²) / (n − 1)      (Chan, Golub & LeVeque 1983, eq. 1.7)
    ///
    /// Near-constant data (NIST StRD NumAcc4: 1,001 values around 10,000,000.2 with
    /// SD 0.1) keeps ≥ 13 correct digits relative to the exact statistic of the values as
    /// stored in binary64 (SPEC §6); a one-pass Σx² − n x̄² formula gets none. The
    /// deviations are scaled by a power of two before squaring so the SD neither
    /// overflows nor underflows, and the power of two keeps the scaling exact.
    ///
    /// - Returns: `nil` if `values` is empty or holds a NaN or infinity; the SD is `nil`
    ///   when n < 2.
    ///
    /// [Chan, Golub & LeVeque 1983]: https://doi.org/10.1080/00031305.1983.10483115
    /// [NIST StRD univariate]: https://www.itl.nist.gov/div898/strd/univ/homepage.html
    public static func summarize(_ values: [Double]) -> SampleSummary? {
        guard let sorted = OrderStatistics.sortedFinite(values),
              let first = sorted.first, let last = sorted.last,
              let mean = mean(of: sorted)
        else { return nil }
        return SampleSummary(
            n: sorted.count,
            mean: mean,
            standardDeviation: standardDeviation(of: sorted, mean: mean),
            minimum: first,
            median: OrderStatistics.sortedMedian(sorted),
            maximum: last)
    }

    /// The accurate mean of finite, non-empty `values` (see `summarize`). Values are
    /// divided by n before summing only if the plain sum would overflow.
    static func mean(of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        var first = CompensatedSum.of(values) / n
        if !first.isFinite { first = CompensatedSum.of(values.lazy.map { $0 / n }) }
        guard first.isFinite else { return nil }
        let correction = CompensatedSum.of(values.lazy.map { $0 - first }) / n
        let mean = first + correction
        return mean.isFinite ? mean : first
    }

    /// Sample SD (divisor n − 1) about an accurate `mean`; `nil` for n < 2.
    static func standardDeviation(of values: [Double], mean: Double) -> Double? {
        guard values.count >= 2 else { return nil }
        let deviations = values.map { $0 - mean }
        guard let scale = ExactScaling.powerOfTwo(coveringMagnitudesOf: deviations) else { return nil }
        let scaled = deviations.map { $0 / scale }
        let n = Double(values.count)
        let residual = CompensatedSum.of(scaled) / n
        var squares = CompensatedSum()
        for d in scaled { squares.add(d * d) }
        let sumOfSquares = max(0, squares.value - n * residual * residual)
        let sd = (sumOfSquares / (n - 1)).squareRoot() * scale
        return sd.isFinite ? sd : nil
    }
}
