import StatisticsKernel
import PipelineDefinition

/// The ±1 SD band of a metric in a group (study Table 8): `mean − sd` (clamped at 0 for
/// non-negative metrics, as the study printed £0 for cost per job outcome) to `mean + sd`.
/// Undefined (nil ends) when n < 2.
struct Band: Sendable, Equatable {
    var low: Double?
    var high: Double?

    init(low: Double?, high: Double?) {
        self.low = low
        self.high = high
    }

    init(summary: SampleSummary?, metric: Metric) {
        guard let summary, let sd = summary.standardDeviation else { return }
        let low = summary.mean - sd
        self.low = metric.isNonNegative ? max(0, low) : low
        self.high = summary.mean + sd
    }

    /// `below` if value < low, `above` if value > high, else `within` (SPEC §6 Benchmark).
    func position(of value: Double?) -> BandPosition? {
        guard let value, let low, let high else { return nil }
        if value < low { return .below }
        if value > high { return .above }
        return .within
    }
}
