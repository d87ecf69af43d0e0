import VFMCore

// The analysis tables (`tables/*.csv`, SPEC §6, §6.1, §7): every figure of report.md at
// full precision. A group is one of `all`, `LD`, `MH`, `mixed`, `evidence_based` or one
// the pipeline defines; a metric is a column name of `clean/services.csv`. Figures whose
// unit is the metric's own (a mean of costs is in pounds, of rates a fraction) carry no
// unit of their own.

extension RunFileSchema {
    private static let group = RunFileColumn.key("group", "group of services (all, LD, MH, mixed, evidence_based, or one the pipeline defines)")
    private static let metric = RunFileColumn.key("metric", "the measure described: a column of clean/services.csv")
    private static func servicesCount(_ what: String = "services of the group with the value known") -> RunFileColumn {
        .count("n", what)
    }
    private static let mean = RunFileColumn.figure("mean", "mean, in the metric's unit")
    private static let minimum = RunFileColumn.figure("min", "smallest value")
    private static let maximum = RunFileColumn.figure("max", "largest value")
    private static let bandLow = RunFileColumn.figure("band_low", "mean − 1 sd, clamped at 0 for measures that cannot be negative")
    private static let bandHigh = RunFileColumn.figure("band_high", "mean + 1 sd")
    private static let robustBandLow = RunFileColumn.figure("robust_band_low", "lower end of the robust band: the type 7 quantile at Φ(−1)")
    private static let robustBandHigh = RunFileColumn.figure("robust_band_high", "upper end of the robust band: the type 7 quantile at Φ(1)")
    private static let x = RunFileColumn.key("x", "the measure on the horizontal axis: a column of clean/services.csv")
    private static let y = RunFileColumn.key("y", "the measure on the vertical axis: a column of clean/services.csv")

    package static let descriptives = RunFileSchema(
        path: RunLayout.descriptives, description: "one row per group and metric: the study's Table 4–5 statistics",
        columns: [
            group, metric, servicesCount(),
            mean,
            .figure("sd", "sample standard deviation, in the metric's unit"),
            minimum,
            .figure("median", "median"),
            maximum,
            bandLow,
            bandHigh,
            robustBandLow,
            robustBandHigh,
        ],
        primaryKey: ["group", "metric"])

    package static let correlations = RunFileSchema(
        path: RunLayout.correlations, description: "one row per group and pair of measures: how they move together",
        columns: [
            group, x, y, servicesCount("services of the group with both values known"),
            .figure("pearson_r", "Pearson's correlation coefficient r"),
            .figure("spearman_rho", "Spearman's rank correlation ρ"),
            .figure("ci_low", "lower end of the 95% confidence interval of r (Fisher z)"),
            .figure("ci_high", "upper end of the 95% confidence interval of r (Fisher z)"),
            .figure("p_value", "two-sided p-value of r ≠ 0"),
            .label("strength", "the strength of the correlation in words, as the report prints it"),
        ],
        primaryKey: ["group", "x", "y"])

    package static let outcomeMix = RunFileSchema(
        path: RunLayout.outcomeMix, description: "one row per group: the kinds of job outcome (study Table 6)",
        columns: [
            group, servicesCount("services of the group"),
            .figure("outcome_rate_mean", unit: .fraction, "mean outcome rate over the group's services"),
            .figure("gained_share", unit: .fraction, "share of the group's job outcomes that were new jobs"),
            .figure("retained_share", unit: .fraction, "share of the group's job outcomes that were jobs retained"),
            .figure("self_employed_share", unit: .fraction, "share of the group's job outcomes that were self-employment"),
            .figure("gained_per_100", "new jobs per 100 people supported"),
            .figure("retained_per_100", "jobs retained per 100 people supported"),
            .figure("self_employed_per_100", "people self-employed per 100 people supported"),
        ],
        primaryKey: ["group"])

    package static let supportLevels = RunFileSchema(
        path: RunLayout.supportLevels, description: "one row per group: the people supported by level of need (study Table 7)",
        columns: [
            group, servicesCount("services of the group with support-level data"),
            .figure("share_lt7", unit: .fraction, "share of people with under 7 hours a week of support"),
            .figure("share_7to40", unit: .fraction, "share of people with 7 to 40 hours a week of support"),
            .figure("share_40plus", unit: .fraction, "share of people with over 40 hours a week of support"),
        ],
        primaryKey: ["group"])

    package static let benchmark = RunFileSchema(
        path: RunLayout.benchmark,
        description: "one row per service and benchmarked metric: where the service lies against the bands",
        columns: [
            .key("authority", "local authority area of the service"),
            .key("service", "service name"),
            .key("period", "period of the return"),
            metric,
            .figure("value", "the service's value of the metric, in the metric's unit"),
            .label("all_band", "below, within or above the band of all services"),
            .label("evidence_band", "below, within or above the band of the evidence-based services"),
        ])

    package static let bands = RunFileSchema(
        path: RunLayout.bands, description: "one row per metric and group: the bands the benchmark and charts draw",
        columns: [
            metric, group, servicesCount(),
            minimum,
            maximum,
            bandLow,
            mean,
            bandHigh,
            robustBandLow,
            robustBandHigh,
        ],
        primaryKey: ["metric", "group"])

    package static let trendLines = RunFileSchema(
        path: RunLayout.trendLines, description: "one row per group and pair of measures: the least-squares line of y on x",
        columns: [
            group, x, y, servicesCount("services of the group with both values known"),
            .figure("intercept", "y at x = 0, in y's unit"),
            .figure("slope", "change in y per unit of x"),
        ],
        primaryKey: ["group", "x", "y"])

    package static let valueForMoney = RunFileSchema(
        path: RunLayout.valueForMoney, description: "one row per group: what a budget buys at the group's pooled rate (SPEC §6.1)",
        columns: [
            group, servicesCount("services of the group with total cost and job outcomes known"),
            .figure("total_cost", unit: .gbp, "sum of the services' total cost"),
            .figure("job_outcomes", unit: .people, "sum of the services' job outcomes"),
            .figure("pooled_cost_per_outcome", unit: .gbp, "total_cost / job_outcomes"),
            .figure("mean_cost_per_outcome", unit: .gbp, "mean of the services' cost per job outcome (the study's figure)"),
            .figure("outcomes_per_100k", "job outcomes per £100,000 at the pooled rate"),
            .figure("ci_low", "lower end of the 95% interval of outcomes_per_100k"),
            .figure("ci_high", "upper end of the 95% interval of outcomes_per_100k"),
        ],
        primaryKey: ["group"])

    package static let scenarios = RunFileSchema(
        path: RunLayout.scenarios, description: "one row per scenario, group and quantity: the pipeline's scenarios priced (SPEC §6.1)",
        columns: [
            .key("scenario", "the scenario's name in the pipeline"),
            .label("kind", "budget, reallocation or alternative"),
            group,
            .key("quantity", "what value measures: job_outcomes, moved_spend, extra_job_outcomes or saving_per_outcome"),
            .figure("value", "the quantity (people for job outcomes, pounds for spend and savings)"),
            .figure("ci_low", "lower end of its 95% interval"),
            .figure("ci_high", "upper end of its 95% interval"),
        ],
        primaryKey: ["scenario", "group", "quantity"])

    package static let valueForMoneyBasis = RunFileSchema(
        path: RunLayout.valueForMoneyBasis,
        description: "one row per group: the pooled rate the scenarios are priced at, read back by vfm scenario",
        columns: [
            group, servicesCount("services of the group with total cost and job outcomes known"),
            .figure("total_cost", unit: .gbp, "S: sum of the services' total cost"),
            .figure("job_outcomes", unit: .people, "J: sum of the services' job outcomes"),
            .figure("outcomes_per_pound", "q = J / S: job outcomes per pound"),
            .figure("standard_error", "standard error of q (ratio estimator, Cochran 1977 §6.3)"),
        ],
        primaryKey: ["group"])

    /// The analysis tables in the order the analyze stage writes them.
    package static let tables: [RunFileSchema] = [
        descriptives, correlations, outcomeMix, supportLevels, bands, benchmark, trendLines, valueForMoney, scenarios,
        valueForMoneyBasis, model, modelFit,
    ]
}
