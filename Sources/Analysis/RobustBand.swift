import StatisticsKernel

/// The robust band of a metric in a group (SPEC §6): the type 7 quantiles at Φ(−1) and
/// Φ(1), where mean ∓ 1 SD would fall for normal data. Unlike the ±1 SD band it follows
/// a skewed distribution and never goes below the smallest value, so it never prints £0
/// for a cost no service had. Undefined (nil ends) when n < 2.
struct RobustBand: Sendable, Equatable {
    /// Φ(−1), the standard normal distribution function at −1.
    static let lowerProbability = 0.15865525393145707
    /// Φ(1) = 1 − Φ(−1).
    static let upperProbability = 0.8413447460685429

    var low: Double?
    var high: Double?

    /// From the values sorted ascending (a group's one sort of the metric): the same ends.
    init(sorted: [Double]) {
        guard sorted.count >= 2 else { return }
        low = OrderStatistics.quantile(sorted: sorted, probability: Self.lowerProbability)
        high = OrderStatistics.quantile(sorted: sorted, probability: Self.upperProbability)
    }

    init(_ values: [Double]) {
        self.init(sorted: values.sorted())
    }
}
