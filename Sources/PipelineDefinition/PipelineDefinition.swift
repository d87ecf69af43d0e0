/// The analysis as data (SPEC §1, §6): which groups, metrics, correlation pairs, outlier
/// rules and bands a run computes. `Pipelines/ndti-2014.toml` reproduces the published
/// analysis and is the built-in default.
public struct PipelineDefinition: Sendable, Equatable {
    /// Human name shown in the report.
    public var name: String
    /// Cell values read as *missing* (case-insensitive), not zero: the study's
    /// questionnaire asked respondents to write such words instead of leaving boxes blank.
    public var missingValueWords: [String]
    /// `[input] sheet`: the worksheet of `.xlsx` inputs to read (SPEC §3–§4); `nil` reads
    /// the first worksheet that holds a header row. `--sheet` overrides it.
    public var inputSheet: String? = nil
    /// `[input] totals_labels`: the `authority`/`service` labels that mark a totals row,
    /// rejected as `total-row` (SPEC §4); `nil` (the key left out) is SPEC §4's list
    /// (`total`, `totals`, `grand total`, `sub-total`, `subtotal`, `sum`, `all services`).
    /// Optional so that the built-in pipeline, and the hash that names it, stay as they are.
    public var totalsLabels: [String]? = nil
    /// Client-group or support-level counts that differ from people_supported by this
    /// fraction or more are flagged (SPEC §5; default 0.10).
    public var countMismatchTolerance: Double
    /// Reported cost per person / per outcome that differ from the derived ones by this
    /// fraction or more are flagged.
    public var reportedRatioTolerance: Double
    /// What to do with duplicate (authority, service, period) rows.
    public var duplicatePolicy: DuplicatePolicy
    /// Outlier screens, one per metric.
    public var outlierRules: [OutlierRuleSetting]
    /// Drop outliers from statistics (they stay in `clean/services.csv`, flagged).
    public var excludeOutliers: Bool
    /// Groups in report order: built-ins and filters.
    public var groups: [GroupDefinition]
    /// Metrics described per group (`tables/descriptives.csv`).
    public var descriptiveMetrics: [Metric]
    /// Correlation pairs, computed for every group, x and y in this order.
    public var correlationPairs: [CorrelationPair]
    /// Metrics in the evidence-based vs all bands comparison (study Table 8) and benchmark.
    public var bandMetrics: [Metric]
    /// Words for |r|, checked from the top: the first whose `minimum` ≤ |r| applies.
    public var strengthScale: [StrengthThreshold]
    /// What a budget buys (SPEC §6.1), in file order; none when the file has no
    /// `[[scenarios]]`.
    public var scenarios: [Scenario]
    /// `[periods]` (SPEC §11): the current period and the period-to-period edits.
    public var periods = PeriodSettings()
    /// `kind` (SPEC §12): the service returns (§4–§6) or the commissioners' spending
    /// survey. A spending-survey pipeline uses `name`, the `[input]` settings and `survey`;
    /// the service returns' groups, metrics and checks are then empty and unused.
    public var kind: PipelineKind = .serviceReturns
    /// `[survey]` (SPEC §12), for `kind = "spending-survey"`.
    public var survey = SurveySettings()
    /// `[model]` (SPEC §14): the covariates of the Poisson model of job outcomes per
    /// pound; `nil` (the table left out) fits no model.
    package var model: ModelSettings? = nil

    public init(name: String, missingValueWords: [String], countMismatchTolerance: Double,
                reportedRatioTolerance: Double, duplicatePolicy: DuplicatePolicy,
                outlierRules: [OutlierRuleSetting], excludeOutliers: Bool, groups: [GroupDefinition],
                descriptiveMetrics: [Metric], correlationPairs: [CorrelationPair], bandMetrics: [Metric],
                strengthScale: [StrengthThreshold], scenarios: [Scenario] = []) {
        self.name = name
        self.missingValueWords = missingValueWords
        self.countMismatchTolerance = countMismatchTolerance
        self.reportedRatioTolerance = reportedRatioTolerance
        self.duplicatePolicy = duplicatePolicy
        self.outlierRules = outlierRules
        self.excludeOutliers = excludeOutliers
        self.groups = groups
        self.descriptiveMetrics = descriptiveMetrics
        self.correlationPairs = correlationPairs
        self.bandMetrics = bandMetrics
        self.strengthScale = strengthScale
        self.scenarios = scenarios
    }
}

public enum DuplicatePolicy: String, Sendable, Equatable, CaseIterable {
    /// Keep every duplicate, flag each (default: the study checked rather than deleted).
    case keepAll = "keep-all"
    /// Keep the first by (source file, line); the others are rejected as duplicates.
    case keepFirst = "keep-first"
    /// Keep the last by (source file name, line): a council's resubmission (`returns_v2.csv`
    /// after `returns.csv`) supersedes the rows it repeats, which are rejected as
    /// `superseded` (issue 28). File names are compared without their extension first, so
    /// `returns-v2.csv` is later than `returns.csv` although `-` sorts before `.`.
    case keepLatest = "keep-latest"
}

/// How outliers of one metric are found (SPEC §5).
public enum OutlierMethod: String, Sendable, Equatable, CaseIterable {
    /// Iglewicz–Hoaglin modified z-score M = 0.6745 (x − median) / MAD; |M| > threshold (3.5).
    case modifiedZScore = "modified-z"
    /// Tukey fences: outside [Q1 − k·IQR, Q3 + k·IQR] (k = 1.5).
    case tukeyFences = "tukey"
    /// Classic z-score (x − mean) / sd; |z| > threshold (3).
    case zScore = "z"
}

public struct OutlierRuleSetting: Sendable, Equatable {
    public var metric: Metric
    public var method: OutlierMethod
    /// |M| or |z| limit, or Tukey's k.
    public var threshold: Double
    /// Screen log(value) instead of value (values ≤ 0 are then not screened).
    public var logScale: Bool

    public init(metric: Metric, method: OutlierMethod, threshold: Double, logScale: Bool) {
        self.metric = metric
        self.method = method
        self.threshold = threshold
        self.logScale = logScale
    }
}

/// A group of services: a built-in (by client focus or evidence base) or a filter on any
/// column, including carried-through extra columns such as `region`.
public struct GroupDefinition: Sendable, Equatable {
    public var name: String
    public var selection: GroupSelection

    public init(name: String, selection: GroupSelection) {
        self.name = name
        self.selection = selection
    }
}

public enum GroupSelection: Sendable, Equatable {
    case all
    /// client_focus == LD / MH / mixed (the study's >50% rule).
    case clientFocus(String)
    /// evidence_based is ips-fidelity or observed-good-practice.
    case evidenceBased
    /// Text of `column` (case-insensitive, trimmed) is one of `values`.
    case columnIn(column: String, values: [String])
}

public struct CorrelationPair: Sendable, Equatable, Hashable {
    public var x: Metric
    public var y: Metric

    public init(x: Metric, y: Metric) {
        self.x = x
        self.y = y
    }
}

public struct StrengthThreshold: Sendable, Equatable {
    public var minimum: Double
    public var word: String

    public init(minimum: Double, word: String) {
        self.minimum = minimum
        self.word = word
    }
}
