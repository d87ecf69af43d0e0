/// The files of a run directory (SPEC §7), relative to it. Each stage reads the previous
/// stage's files and writes its own, so the four stage executables run by hand give the
/// same bytes as `vfm run`.
public enum RunLayout {
    // Ingest
    /// Accepted rows, canonical columns normalised, extras, `source`.
    public static let ingestReturns = "ingest/returns.csv"
    /// Rows rejected while reading (same columns as `clean/rejected.csv`).
    public static let ingestRejected = "ingest/rejected.csv"
    /// Per input file: path, sha256, bytes, encoding, rows read/accepted/rejected; warnings.
    public static let ingestInputs = "ingest/inputs.json"
    // Clean
    public static let cleanServices = "clean/services.csv"
    public static let cleanRejected = "clean/rejected.csv"
    public static let cleanFlags = "clean/flags.csv"
    /// Per input file row accounting after cleaning (clean rejects more rows).
    public static let cleanInputs = "clean/inputs.json"
    // Analyze
    public static let descriptives = "tables/descriptives.csv"
    public static let correlations = "tables/correlations.csv"
    public static let outcomeMix = "tables/outcome_mix.csv"
    public static let supportLevels = "tables/support_levels.csv"
    public static let benchmark = "tables/benchmark.csv"
    public static let bands = "tables/bands.csv"
    /// `group,x,y,n,intercept,slope` — least-squares lines (StatisticsKernel.LeastSquares) for the charts.
    public static let trendLines = "tables/trend_lines.csv"
    /// What a budget buys (SPEC §6.1): per group, and the pipeline's scenarios in long form.
    public static let valueForMoney = "tables/value_for_money.csv"
    public static let scenarios = "tables/scenarios.csv"
    /// `group,n,total_cost,job_outcomes,outcomes_per_pound,standard_error` — the pooled
    /// rates scenarios are priced at, full precision, read back by `vfm scenario`.
    public static let valueForMoneyBasis = "tables/value_for_money_basis.csv"
    /// What explains value for money (SPEC §14): the Poisson model's coefficients, and
    /// its n, parameters, dispersion, deviance and iterations.
    public static let model = "tables/model.csv"
    public static let modelFit = "tables/model_fit.csv"
    /// Successive returns (SPEC §11): each period as a cross-section, the matched change
    /// between consecutive periods, and the period-to-period edits.
    public static let periods = "tables/periods.csv"
    public static let periodChange = "tables/period_change.csv"
    public static let periodEdits = "tables/period_edits.csv"
    /// The commissioners' spending survey (SPEC §12): accepted responses, areas, and the
    /// tables of the study's Section 4 (`clean/rejected.csv` and `clean/flags.csv` as above).
    public static let ingestResponses = "ingest/responses.csv"
    public static let cleanResponses = "clean/responses.csv"
    public static let cleanAreas = "clean/areas.csv"
    public static let surveyResponses = "tables/responses.csv"
    public static let spendByYear = "tables/spend_by_year.csv"
    public static let budgetChange = "tables/budget_change.csv"
    public static let budgetRatio = "tables/budget_ratio.csv"
    public static let fiveYear = "tables/five_year.csv"
    public static let spendByType = "tables/spend_by_type.csv"
    public static let dataCollected = "tables/data_collected.csv"
    public static let personalBudgets = "tables/personal_budgets.csv"
    public static let factors = "tables/factors.csv"
    public static let workChoice = "tables/work_choice.csv"
    // Report
    public static let report = "report.md"
    /// The same report as one self-contained page (charts and CSS inline).
    public static let reportHTML = "report.html"
    public static let chartsDirectory = "charts"
    public static let manifest = "manifest.json"
    /// Every CSV of the run described for other programs (SPEC §13), from the schemas.
    public static let dataPackage = "datapackage.json"
    /// The directories of the stages before the report: what `vfm-report` reads and never
    /// writes.
    public static let earlierStageDirectories = ["ingest", "clean", "tables"]
}
