/// Mean, sample standard deviation, minimum, median and maximum of a sample.
public enum Descriptive {
    /// Summarises a sample; mean and SD within an ulp or two of the exact statistics of
    /// the binary64 values, and the same bits on every machine.
    ///
    /// Both are formed in double-double (`DoubleDouble`, plain IEEE operations in a fixed
    /// order — no BLAS, no FMA, no libm):
    ///
    ///     mean = (Σxᵢ) / n                          Σ accumulated in double-double
    ///     dᵢ = xᵢ − m exactly (TwoSum, m = mean)    S = Σdᵢ² − (Σdᵢ)²/n   (exact identity)
    ///     SD = √(S / (n − 1))                       rounded once at the end
    ///
    /// dᵢ² is accumulated as Dekker's exact product plus the cross term 2·hi·lo of the
    /// TwoSum pair. Near-constant data (NIST StRD NumAcc4: 1,001 values around
    /// 10,000,000.2 with SD 0.1) thus gets the exact SD of the stored values to the last
    /// bit, where a one-pass Σx² − n x̄² formula gets no digit right. The deviations are
    /// scaled by a power of two before squaring (exact) so the SD neither overflows nor
    /// underflows.
    ///
    /// - Returns: `nil` if `values` is empty or holds a NaN or infinity; the SD is `nil`
    ///   when n < 2.
    ///
    /// [Chan, Golub & LeVeque 1983]: https://doi.org/10.1080/00031305.1983.10483115
    /// [Ogita, Rump & Oishi 2005, accurate sum and dot product]: https://doi.org/10.1137/030601818
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

    /// `summarize(values)?.mean` without the SD, median and extremes: `nil` for no values
    /// or a NaN or infinity among them, else the mean of the values sorted ascending (the
    /// order `summarize` adds them in, so the same bits).
    public static func mean(_ values: [Double]) -> Double? {
        OrderStatistics.sortedFinite(values).flatMap { mean(of: $0) }
    }

    /// The sum of finite `values`, accumulated in double-double and rounded once, so that
    /// the order of the values does not change the result's bits (0 for none): the
    /// spending survey's totals of pounds (SPEC §12).
    package static func sum(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : DoubleDouble.sum(values).value + 0
    }

    /// The mean of finite, non-empty `values`, rounded once from a double-double sum.
    /// Values are divided by n before summing only if the plain sum would overflow.
    static func mean(of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return mean(sum: DoubleDouble.sum(values), of: values)
    }

    /// `mean(of: values)` given `DoubleDouble.sum(values)` (worked out beside another sample's,
    /// `summarize(sorted:_:)`): the sum over n, or, past the plain sum's range, the values
    /// divided by n first.
    static func mean(sum: DoubleDouble, of values: [Double]) -> Double? {
        let n = Double(values.count)
        var mean = (sum / n).value
        if !mean.isFinite { mean = DoubleDouble.sum(values.lazy.map { $0 / n }).value }
        return mean.isFinite ? mean : nil
    }

    /// `mean(of:)` of two equally long columns, both sums taken at once in the two lanes of
    /// a `DoubleDoubleLanes` (each lane the same operations as `DoubleDouble.sum`, so the
    /// same bits): a double-double sum is one long chain of dependent additions, and two
    /// side by side take little longer than one (each pair of the analysis's correlations
    /// centres both its columns so, issue 30).
    static func means(of first: [Double], _ second: [Double]) -> (Double?, Double?) {
        guard first.count == second.count, !first.isEmpty else { return (mean(of: first), mean(of: second)) }
        var total = DoubleDoubleLanes<SIMD2<Double>>(.zero)
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                for i in first.indices { total = total + SIMD2(first[i], second[i]) }
            }
        }
        let n = Double(first.count)
        let means = ((total[lane: 0] / n).value, (total[lane: 1] / n).value)
        // Past the plain sum's range, `mean(of:)` divides first: its own way, one column.
        return (means.0.isFinite ? means.0 : mean(of: first), means.1.isFinite ? means.1 : mean(of: second))
    }

    /// Sample SD (divisor n − 1) of finite `values` about their `mean` (any double near
    /// the mean: the identity S = Σd² − (Σd)²/n makes the result exact for any centre);
    /// `nil` for n < 2.
    static func standardDeviation(of values: [Double], mean: Double) -> Double? {
        standardDeviation(scaledVariance(of: values, mean: mean))
    }

    /// √(variance) × scale, rounded once; `nil` for no variance or past the double range.
    static func standardDeviation(_ scaled: (variance: DoubleDouble, scale: Double)?) -> Double? {
        guard let scaled else { return nil }
        let sd = scaled.variance.squareRoot().value * scaled.scale
        return sd.isFinite ? sd : nil
    }

    /// The sample variance S / (n − 1) of finite `values` about any centre near their mean,
    /// as a double-double divided by `scale²` (the power of two that keeps the squares of
    /// the deviations in range); `nil` for n < 2. Shared by the SD and Welch's t-test.
    static func scaledVariance(of values: [Double], mean: Double) -> (variance: DoubleDouble, scale: Double)? {
        guard values.count >= 2, let scale = ScaledDeviations.scale(of: values, from: mean) else { return nil }
        // Each deviation formed, scaled and added in one pass: the same values as storing
        // them all first, which cost two fresh arrays of n doubles per metric and group at
        // 10⁶ services (each page of them faulted in and zeroed by the kernel, issue 30).
        var sums = (sum: DoubleDouble.zero, squares: DoubleDouble.zero)
        values.withUnsafeBufferPointer { values in
            if let reciprocal = ExactScaling.exactReciprocal(of: scale) {
                for x in values { accumulateDeviation(x, mean: mean, reciprocal: reciprocal, into: &sums) }
            } else {
                for x in values {
                    let d = DoubleDouble.twoSum(x, -mean)
                    accumulate(d.hi / scale, d.lo / scale, into: &sums)
                }
            }
        }
        return scaledVariance(sum: sums.sum, squares: sums.squares, count: values.count, scale: scale)
    }

    /// Adds x − mean, scaled by × `reciprocal` (÷ the scale, the same bits), to the sums.
    @inline(__always)
    static func accumulateDeviation(_ x: Double, mean: Double, reciprocal: Double,
                                    into sums: inout (sum: DoubleDouble, squares: DoubleDouble)) {
        let d = DoubleDouble.twoSum(x, -mean)
        accumulate(d.hi * reciprocal, d.lo * reciprocal, into: &sums)
    }

    /// Adds the scaled deviation h + l to Σd and Σd² (its square as Dekker's exact h² plus
    /// the cross term 2hl + l²).
    @inline(__always)
    private static func accumulate(_ h: Double, _ l: Double, into sums: inout (sum: DoubleDouble, squares: DoubleDouble)) {
        sums.sum = sums.sum + DoubleDouble.twoSum(h, l)
        var square = DoubleDouble.twoProduct(h, h)
        square.lo += 2 * h * l + l * l
        sums.squares = sums.squares + square
    }

    /// S / (n − 1) from Σd and Σd² of n scaled deviations: S = Σd² − (Σd)²/n, never below 0.
    static func scaledVariance(sum: DoubleDouble, squares: DoubleDouble, count: Int,
                               scale: Double) -> (variance: DoubleDouble, scale: Double) {
        let n = Double(count)
        var centred = squares - sum * sum / n
        if centred.hi < 0 { centred = .zero }
        return (centred / (n - 1), scale)
    }
}
