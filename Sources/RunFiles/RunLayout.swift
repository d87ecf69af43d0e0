/// The files of a run directory (SPEC §7), relative to it. Each stage reads the previous
/// stage's files and writes its own, so the four stage executables run by hand give the
/// same bytes as `vfm run`.
package enum RunLayout {
    // Ingest
    /// Accepted rows, canonical columns normalised, extras, `source`.
    package static let ingestReturns = "ingest/returns.csv"
    /// Rows rejected while reading (same columns as `clean/rejected.csv`).
    package static let ingestRejected = "ingest/rejected.csv"
    /// Per input file: path, sha256, bytes, encoding, rows read/accepted/rejected; warnings.
    package static let ingestInputs = "ingest/inputs.json"
    // Clean
    package static let cleanServices = "clean/services.csv"
    package static let cleanRejected = "clean/rejected.csv"
    package static let cleanFlags = "clean/flags.csv"
    /// Per input file row accounting after cleaning (clean rejects more rows).
    package static let cleanInputs = "clean/inputs.json"
    // Analyze
    package static let descriptives = "tables/descriptives.csv"
    package static let correlations = "tables/correlations.csv"
    package static let outcomeMix = "tables/outcome_mix.csv"
    package static let supportLevels = "tables/support_levels.csv"
    package static let benchmark = "tables/benchmark.csv"
    package static let bands = "tables/bands.csv"
    /// `group,x,y,n,intercept,slope` — least-squares lines (StatisticsKernel.LeastSquares) for the charts.
    package static let trendLines = "tables/trend_lines.csv"
    /// What a budget buys (SPEC §6.1): per group, and the pipeline's scenarios in long form.
    package static let valueForMoney = "tables/value_for_money.csv"
    package static let scenarios = "tables/scenarios.csv"
    /// `group,n,total_cost,job_outcomes,outcomes_per_pound,standard_error` — the pooled
    /// rates scenarios are priced at, full precision, read back by `vfm scenario`.
    package static let valueForMoneyBasis = "tables/value_for_money_basis.csv"
    /// What explains value for money (SPEC §14): the Poisson model's coefficients, and
    /// its n, parameters, dispersion, deviance and iterations.
    package static let model = "tables/model.csv"
    package static let modelFit = "tables/model_fit.csv"
    /// Successive returns (SPEC §11): each period as a cross-section, the matched change
    /// between consecutive periods, and the period-to-period edits.
    package static let periods = "tables/periods.csv"
    package static let periodChange = "tables/period_change.csv"
    package static let periodEdits = "tables/period_edits.csv"
    /// The commissioners' spending survey (SPEC §12): accepted responses, areas, and the
    /// tables of the study's Section 4 (`clean/rejected.csv` and `clean/flags.csv` as above).
    package static let ingestResponses = "ingest/responses.csv"
    package static let cleanResponses = "clean/responses.csv"
    package static let cleanAreas = "clean/areas.csv"
    package static let surveyResponses = "tables/responses.csv"
    package static let spendByYear = "tables/spend_by_year.csv"
    package static let budgetChange = "tables/budget_change.csv"
    package static let budgetRatio = "tables/budget_ratio.csv"
    package static let fiveYear = "tables/five_year.csv"
    package static let spendByType = "tables/spend_by_type.csv"
    package static let dataCollected = "tables/data_collected.csv"
    package static let personalBudgets = "tables/personal_budgets.csv"
    package static let factors = "tables/factors.csv"
    package static let workChoice = "tables/work_choice.csv"
    // Report
    package static let report = "report.md"
    /// The same report as one self-contained page (charts and CSS inline).
    package static let reportHTML = "report.html"
    package static let chartsDirectory = "charts"
    package static let manifest = "manifest.json"
    /// Every CSV of the run described for other programs (SPEC §13), from the schemas.
    package static let dataPackage = "datapackage.json"
}
