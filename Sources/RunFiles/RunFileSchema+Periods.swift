import VFMCore

// The period tables (SPEC §11): each period as a cross-section, the matched change between
// consecutive periods, and the Hidiroglou–Berthelot period-to-period edits.

extension RunFileSchema {
    private static let periodGroup = RunFileColumn.key("group", "group of services (all, LD, MH, mixed, evidence_based, or one the pipeline defines)")
    private static let from = RunFileColumn.key("from", "the earlier period of the pair (canonical label, e.g. 2011/12)")
    private static let to = RunFileColumn.key("to", "the later period of the pair")

    package static let periods = RunFileSchema(
        path: RunLayout.periods, description: "one row per period and group: the period's own rows as a cross-section (SPEC §11)",
        columns: [
            .key("period", "reporting period (canonical label, e.g. 2012/13)"), periodGroup,
            .count("services", "the group's rows in the period"),
            .count("n", "rows with total cost and job outcomes known"),
            .figure("total_cost", unit: .gbp, "sum of those rows' total cost"),
            .figure("job_outcomes", unit: .people, "sum of those rows' job outcomes"),
            .figure("pooled_cost_per_outcome", unit: .gbp, "total_cost / job_outcomes"),
            .figure("outcomes_per_100k", "job outcomes per £100,000 at the pooled rate"),
            .figure("ci_low", "lower end of the 95% interval of outcomes_per_100k"),
            .figure("ci_high", "upper end of the 95% interval of outcomes_per_100k"),
            .figure("mean_cost_per_outcome", unit: .gbp, "mean of the rows' cost per job outcome"),
            .count("mean_cost_per_outcome_n", "rows with a cost per job outcome"),
            .figure("outcome_rate_mean", unit: .fraction, "mean of the rows' outcome rates"),
            .count("outcome_rate_n", "rows with an outcome rate"),
        ],
        primaryKey: ["period", "group"])

    package static let periodChange = RunFileSchema(
        path: RunLayout.periodChange,
        description: "one row per pair of consecutive periods and group: the matched services' change in job outcomes per £100,000",
        columns: [
            from, to, periodGroup,
            .count("n", "matched services with total cost and job outcomes known in both periods"),
            .figure("outcomes_per_100k_from", "job outcomes per £100,000 of the matched services in the earlier period"),
            .figure("outcomes_per_100k_to", "job outcomes per £100,000 of the matched services in the later period"),
            .figure("change", "outcomes_per_100k_to − outcomes_per_100k_from"),
            .figure("ci_low", "lower end of the 95% interval of the change (paired linearisation)"),
            .figure("ci_high", "upper end of the 95% interval of the change"),
            .figure("p_value", "two-sided p-value of the change (normal)"),
        ],
        primaryKey: ["from", "to", "group"])

    package static let periodEdits = RunFileSchema(
        path: RunLayout.periodEdits,
        description: "one row per matched service, pair of consecutive periods and edit variable: the Hidiroglou–Berthelot edit",
        columns: [
            .key("authority", "local authority area, as in the later period's row"),
            .key("service", "service name, as in the later period's row"),
            from, to,
            .key("variable", "the edit variable: a column of clean/services.csv"),
            .figure("value_from", inUnitOf: "variable", "the variable in the earlier period"),
            .figure("value_to", inUnitOf: "variable", "the variable in the later period"),
            .figure("ratio", "value_to / value_from"),
            .figure("effect", "Hidiroglou–Berthelot effect: centred ratio × max(value_from, value_to)^U"),
            .figure("effect_low", "lower bound of the accepted effects"),
            .figure("effect_high", "upper bound of the accepted effects"),
            .label("outcome", "within, below, above, unchanged or not-screened"),
        ])

    /// The period tables in the order the analyze stage writes them.
    package static let periodTables: [RunFileSchema] = [periods, periodChange, periodEdits]
}
