import PipelineDefinition

// The rows of the tables of SPEC §7, one type per table; `nil` is an empty cell.

/// One group × metric of `tables/descriptives.csv`.
package struct DescriptiveRow: Sendable, Equatable {
    package var group: String
    package var metric: Metric
    /// Services in the group that have the metric.
    package var n: Int
    package var mean: Double?
    /// Sample SD (n − 1); needs n ≥ 2.
    package var sd: Double?
    package var minimum: Double?
    package var median: Double?
    package var maximum: Double?
    /// The ±1 SD band (study Table 8): mean − sd, clamped at 0 for non-negative metrics
    /// as the study printed £0; needs n ≥ 2.
    package var bandLow: Double?
    package var bandHigh: Double?
    /// The robust band (SPEC §6): type 7 quantiles at Φ(−1) and Φ(1); needs n ≥ 2.
    package var robustBandLow: Double?
    package var robustBandHigh: Double?
}

/// One group × correlation pair of `tables/correlations.csv`.
package struct CorrelationRow: Sendable, Equatable {
    package var group: String
    package var x: Metric
    package var y: Metric
    /// Pairwise-complete services.
    package var n: Int
    package var pearsonR: Double?
    package var spearmanRho: Double?
    package var ciLow: Double?
    package var ciHigh: Double?
    package var pValue: Double?
    /// The pipeline's word for |r|; `nil` when r is undefined.
    package var strength: String?
}

/// One group of `tables/outcome_mix.csv` (study Table 5).
package struct OutcomeMixRow: Sendable, Equatable {
    package var group: String
    /// Services in the group with an outcome rate.
    package var n: Int
    package var outcomeRateMean: Double?
    /// Pooled Σgained / Σjob_outcomes over those services with the full breakdown.
    package var gainedShare: Double?
    package var retainedShare: Double?
    package var selfEmployedShare: Double?
    /// 100 × mean outcome rate × share (the study's 23 + 14 + 1 = 38 per 100 supported).
    package var gainedPer100: Double?
    package var retainedPer100: Double?
    package var selfEmployedPer100: Double?
}

/// One group of `tables/support_levels.csv` (study Table 4).
package struct SupportLevelRow: Sendable, Equatable {
    package var group: String
    /// Services in the group with support-level data (all three counts, sum > 0).
    package var n: Int
    package var shareLT7: Double?
    package var share7to40: Double?
    package var share40plus: Double?
}

/// One metric × group of `tables/bands.csv` (study Table 8).
package struct BandRow: Sendable, Equatable {
    package var metric: Metric
    package var group: String
    package var n: Int
    package var minimum: Double?
    package var maximum: Double?
    package var bandLow: Double?
    package var mean: Double?
    package var bandHigh: Double?
    /// The robust band beside the study's (SPEC §6): quantiles at Φ(−1) and Φ(1).
    package var robustBandLow: Double?
    package var robustBandHigh: Double?
}

/// Where a value sits against a ±1 SD band.
package enum BandPosition: String, Sendable, Equatable {
    case below, within, above
}

/// One service × band metric of `tables/benchmark.csv`.
package struct BenchmarkRow: Sendable, Equatable {
    package var authority: String
    package var service: String
    package var period: String?
    package var metric: Metric
    package var value: Double?
    /// Against the all-services band; `nil` when the value or the band is undefined.
    package var allBand: BandPosition?
    /// Against the evidence-based band; `nil` when the value or the band is undefined.
    package var evidenceBand: BandPosition?
}

/// One group × correlation pair of `tables/trend_lines.csv`: the least-squares line drawn
/// on the scatter charts.
package struct TrendLineRow: Sendable, Equatable {
    package var group: String
    package var x: Metric
    package var y: Metric
    package var n: Int
    package var intercept: Double?
    package var slope: Double?
}
