import PipelineDefinition

/// Every figure of the analysis (SPEC §6), one array per table of SPEC §7, in the order
/// they are written: groups in pipeline order, then metrics or pairs in pipeline order.
/// Undefined figures are `nil` and become empty cells, never NaN.
public struct AnalysisResult: Sendable, Equatable {
    public var descriptives: [DescriptiveRow]
    public var correlations: [CorrelationRow]
    public var outcomeMix: [OutcomeMixRow]
    public var supportLevels: [SupportLevelRow]
    public var bands: [BandRow]
    public var benchmark: BenchmarkTable
    public var trendLines: [TrendLineRow]
    /// What a budget buys (SPEC §6.1): per pipeline group, its scenarios, and the pooled
    /// rates both are computed from (pipeline groups, then the extra ones scenarios use).
    public var valueForMoney: [ValueForMoneyRow]
    public var scenarios: [ScenarioRow]
    public var valueForMoneyBasis: [ValueForMoneyBasis]
    /// SPEC §11: the period tables, over every accepted row (current or not).
    public var periodTables = PeriodTables()
    /// SPEC §14: the Poisson model's coefficients and its fit (both empty without `[model]`).
    package var model: [ModelRow] = []
    package var modelFit: [ModelFitRow] = []

    public init(descriptives: [DescriptiveRow], correlations: [CorrelationRow], outcomeMix: [OutcomeMixRow],
                supportLevels: [SupportLevelRow], bands: [BandRow], benchmark: BenchmarkTable,
                trendLines: [TrendLineRow], valueForMoney: [ValueForMoneyRow] = [], scenarios: [ScenarioRow] = [],
                valueForMoneyBasis: [ValueForMoneyBasis] = []) {
        self.descriptives = descriptives
        self.correlations = correlations
        self.outcomeMix = outcomeMix
        self.supportLevels = supportLevels
        self.bands = bands
        self.benchmark = benchmark
        self.trendLines = trendLines
        self.valueForMoney = valueForMoney
        self.scenarios = scenarios
        self.valueForMoneyBasis = valueForMoneyBasis
    }
}
