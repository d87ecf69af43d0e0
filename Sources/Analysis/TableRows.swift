import PipelineDefinition

// The rows of the tables of SPEC §7, one type per table; `nil` is an empty cell.

/// One group × metric of `tables/descriptives.csv`.
public struct DescriptiveRow: Sendable, Equatable {
    public var group: String
    public var metric: Metric
    /// Services in the group that have the metric.
    public var n: Int
    public var mean: Double?
    /// Sample SD (n − 1); needs n ≥ 2.
    public var sd: Double?
    public var minimum: Double?
    public var median: Double?
    public var maximum: Double?
    /// The ±1 SD band (study Table 8): mean − sd, clamped at 0 for non-negative metrics
    /// as the study printed £0; needs n ≥ 2.
    public var bandLow: Double?
    public var bandHigh: Double?
    /// The robust band (SPEC §6): type 7 quantiles at Φ(−1) and Φ(1); needs n ≥ 2.
    public var robustBandLow: Double?
    public var robustBandHigh: Double?
}

/// One group × correlation pair of `tables/correlations.csv`.
public struct CorrelationRow: Sendable, Equatable {
    public var group: String
    public var x: Metric
    public var y: Metric
    /// Pairwise-complete services.
    public var n: Int
    public var pearsonR: Double?
    public var spearmanRho: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pValue: Double?
    /// The pipeline's word for |r|; `nil` when r is undefined.
    public var strength: String?
}

/// One group of `tables/outcome_mix.csv` (study Table 5).
public struct OutcomeMixRow: Sendable, Equatable {
    public var group: String
    /// Services in the group with an outcome rate.
    public var n: Int
    public var outcomeRateMean: Double?
    /// Pooled Σgained / Σjob_outcomes over those services with the full breakdown.
    public var gainedShare: Double?
    public var retainedShare: Double?
    public var selfEmployedShare: Double?
    /// 100 × mean outcome rate × share (the study's 23 + 14 + 1 = 38 per 100 supported).
    public var gainedPer100: Double?
    public var retainedPer100: Double?
    public var selfEmployedPer100: Double?
}

/// One group of `tables/support_levels.csv` (study Table 4).
public struct SupportLevelRow: Sendable, Equatable {
    public var group: String
    /// Services in the group with support-level data (all three counts, sum > 0).
    public var n: Int
    public var shareLT7: Double?
    public var share7to40: Double?
    public var share40plus: Double?
}

/// One metric × group of `tables/bands.csv` (study Table 8).
public struct BandRow: Sendable, Equatable {
    public var metric: Metric
    public var group: String
    public var n: Int
    public var minimum: Double?
    public var maximum: Double?
    public var bandLow: Double?
    public var mean: Double?
    public var bandHigh: Double?
    /// The robust band beside the study's (SPEC §6): quantiles at Φ(−1) and Φ(1).
    public var robustBandLow: Double?
    public var robustBandHigh: Double?
}

/// Where a value sits against a ±1 SD band.
public enum BandPosition: String, Sendable, Equatable {
    case below, within, above
}

/// One service × band metric of `tables/benchmark.csv`.
public struct BenchmarkRow: Sendable, Equatable {
    public var authority: String
    public var service: String
    public var period: String?
    public var metric: Metric
    public var value: Double?
    /// Against the all-services band; `nil` when the value or the band is undefined.
    public var allBand: BandPosition?
    /// Against the evidence-based band; `nil` when the value or the band is undefined.
    public var evidenceBand: BandPosition?
}

/// One group × correlation pair of `tables/trend_lines.csv`: the least-squares line drawn
/// on the scatter charts.
public struct TrendLineRow: Sendable, Equatable {
    public var group: String
    public var x: Metric
    public var y: Metric
    public var n: Int
    public var intercept: Double?
    public var slope: Double?
}
