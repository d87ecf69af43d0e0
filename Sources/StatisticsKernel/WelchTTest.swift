/// Welch's two-sample t-test (unequal variances), for the Work Choice table of SPEC §12:
/// do the areas that spend most per head on employment support differ in Work Choice starts
/// from those that spend least (the study's Section 4 top-20/bottom-20 question)?
///
///     t  = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂)
///     ν  = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))   (Welch–Satterthwaite)
///     p  = P(|T_ν| ≥ |t|), two-sided, from Student's t (`StudentT`)
///
/// Means and variances are the module's exact moments (`Descriptive`: double-double sums of
/// exact deviations, no BLAS, a fixed order), and t and ν are formed in double-double and
/// rounded once, so the result is the same bits everywhere and keeps its digits where a
/// plain two-pass formula cancels (values near 10⁷ differing in the eighth digit: scipy
/// 1.17's `ttest_ind` loses ~2·10⁻⁸ of t there — `Fixtures/numerics/two_sample/`). This is
/// scipy's `ttest_ind(first, second, equal_var=False)`.
///
/// [Welch 1947]: https://doi.org/10.1093/biomet/34.1-2.28
package struct WelchTTest: Sendable, Equatable {
    /// Welch's t; positive when the first group's mean is the larger.
    package let t: Double
    /// The Welch–Satterthwaite degrees of freedom (fractional in general).
    package let degreesOfFreedom: Double
    /// Two-sided p-value.
    package let pValue: Double

    /// - Returns: `nil` when a group has fewer than 2 values, both variances are 0 (t is
    ///   undefined), or a value is not finite.
    package init?(_ first: [Double], _ second: [Double]) {
        guard let a = GroupMoments(first), let b = GroupMoments(second) else { return nil }
        let squaredError = a.squaredStandardError + b.squaredStandardError
        guard squaredError.hi > 0, squaredError.hi.isFinite else { return nil }
        let t = ((a.mean - b.mean) / squaredError.squareRoot()).value
        let denominator = a.squaredStandardError * a.squaredStandardError / (a.count - 1)
            + b.squaredStandardError * b.squaredStandardError / (b.count - 1)
        let degreesOfFreedom = (squaredError * squaredError / denominator).value
        guard t.isFinite, degreesOfFreedom.isFinite,
              let pValue = StudentT.twoSidedPValue(t: t, degreesOfFreedom: degreesOfFreedom)
        else { return nil }
        self.t = t
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
    }
}

/// One group's mean and s²/n in double-double, for Welch's t.
private struct GroupMoments {
    let count: Double
    let mean: DoubleDouble
    let squaredStandardError: DoubleDouble

    init?(_ values: [Double]) {
        guard values.count >= 2, values.allSatisfy(\.isFinite) else { return nil }
        count = Double(values.count)
        mean = DoubleDouble.sum(values) / count
        guard mean.hi.isFinite,
              let (variance, scale) = Descriptive.scaledVariance(of: values, mean: mean.value)
        else { return nil }
        squaredStandardError = variance.scaled(by: scale).scaled(by: scale) / count
    }
}
