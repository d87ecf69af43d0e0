import VFMCore

// The commissioners' national spending survey (SPEC §12, study Section 4): its clean files
// and tables, declared once. Years are written `2011/12`; streams, types, clients, items
// and factors by their column names' parts (`social_care`, `paid_work`, `mh`,
// `receiving`, `historical`); answers `yes`, `no`, `unknown`, `no_answer`.

extension RunFileSchema {
    private static let subset = RunFileColumn.key("subset", "responses described: all, calculated (spend_accuracy = calculated) or pb_users (pb_use = yes)")
    private static let stream = RunFileColumn.key("stream", "budget stream: social_care, health or combined")
    private static let authority = RunFileColumn.key("authority", "local authority area, as its first response writes it")
    private static func share(_ name: String, _ what: String) -> RunFileColumn { .figure(name, unit: .fraction, what) }

    /// `clean/flags.csv` of a survey run: one row per flag, pointing at its response by `source`.
    package static let surveyFlags = RunFileSchema(
        path: RunLayout.cleanFlags, description: "one row per flag raised on an accepted survey response",
        columns: [
            .key("authority", "local authority area of the response"),
            .key("response", "the response's own label (several responses of one area)"),
            RunFileColumn("source", .string, .provenance, "input file and line of the response (clean/responses.csv `source`)"),
            .key("rule", "id of the flag rule"),
            .key("metric", "the column the flag is about"),
            .figure("value", "the value that raised the flag (a sum of shares, a relative difference, a rank, a ratio or a count)"),
            .figure("threshold", "the threshold the value was checked against"),
            .label("severity", "warning"),
            .label("message", "the flag in words"),
        ],
        foreignKeys: [RunFileForeignKey(fields: ["source"], referencedPath: RunLayout.cleanResponses, referencedFields: ["source"])])

    /// A column of `clean/responses.csv` by its name: budgets (`spend_…`) and breakdown
    /// cells (`breakdown_<type>_<client>`) in pounds, provider shares as fractions, factor
    /// ranks as whole numbers; every other answer is a word (`yes`, `no`, `calculated`…).
    package static func surveyResponseColumn(_ name: String) -> RunFileColumn {
        if isBudget(name) {
            return .figure(name, unit: .gbp, "Q2a: budget for employment support in that stream and year")
        }
        if name.hasPrefix("breakdown_"), name != "breakdown_unable", name != "breakdown_accuracy" {
            return .figure(name, unit: .gbp, "Q2b: spend on the type of support for the client group in the breakdown year")
        }
        if name.hasPrefix("provider_") { return .figure(name, unit: .fraction, "Q2c: share of the spend with this provider") }
        if name.hasPrefix("factor_") { return RunFileColumn(name, .integer, .figure, "Q3: rank of the factor, 1 = most important") }
        return .label(name, "the answer, in its canonical word")
    }

    /// A budget's column: `spend_<stream>_<year>` for the streams of Q2a.
    private static func isBudget(_ name: String) -> Bool {
        ["spend_social_care_", "spend_health_", "spend_combined_"].contains { name.hasPrefix($0) }
    }

    /// `clean/responses.csv`: `authority`, `response`, the budgets found, the answers,
    /// `source`, `flags`. The budgets' columns come from the inputs' headers, so the
    /// schema is made from the file's header; `nil` when it is not a responses header.
    /// `ingest/responses.csv` has the same layout, before the clean stage's flags.
    package static func cleanResponses(header: [String], path: String = RunLayout.cleanResponses) -> RunFileSchema? {
        guard header.count >= 4, header[0] == "authority", header[1] == "response",
              header[header.count - 2] == "source", header[header.count - 1] == "flags" else { return nil }
        return RunFileSchema(
            path: path, description: path == RunLayout.cleanResponses ? "one row per accepted survey response"
                : "one row per survey response read (flags: empty until the clean stage)",
            columns: [
                .key("authority", "local authority area, as written"),
                .key("response", "the response's own label (several responses of one area); empty when not given"),
            ] + header.dropFirst(2).dropLast(2).map(surveyResponseColumn) + [
                RunFileColumn("source", .string, .provenance, "input file and line of the response"),
                .label("flags", "flag rule ids raised on the response, joined by ;"),
            ],
            primaryKey: ["source"])
    }

    /// `clean/areas.csv` as its header names the budgets; `nil` when it is not an areas header.
    package static func cleanAreas(header: [String]) -> RunFileSchema? {
        guard header.count >= 3, Array(header.prefix(3)) == ["authority", "responses", "calculated_responses"],
              header.dropFirst(3).allSatisfy(isBudget) else { return nil }
        return cleanAreas(spendColumns: Array(header.dropFirst(3)))
    }

    /// `clean/areas.csv`: one row per area, its budgets summed over its responses.
    package static func cleanAreas(spendColumns: [String]) -> RunFileSchema {
        RunFileSchema(
            path: RunLayout.cleanAreas, description: "one row per local authority area: its responses' budgets summed",
            columns: [
                authority,
                .count("responses", "responses of the area"),
                .count("calculated_responses", "responses of the area whose spend is calculated"),
            ] + spendColumns.map { .figure($0, unit: .gbp, "sum of the area's responses giving this budget; empty when none does") },
            primaryKey: ["authority"])
    }

    package static let surveyResponseCounts = RunFileSchema(
        path: RunLayout.surveyResponses, description: "one row per subset: who answered what",
        columns: [
            subset,
            .count("responses", "responses in the subset"),
            .count("areas", "areas with at least one response in the subset"),
            .count("with_spend", "responses giving any budget"),
            .count("with_breakdown", "responses giving a breakdown by type of support"),
            share("share_without_breakdown", "share of responses giving no breakdown"),
        ],
        primaryKey: ["subset"])

    package static let spendByYear = RunFileSchema(
        path: RunLayout.spendByYear, description: "one row per subset, stream and year: spend per area (Chart 1)",
        columns: [
            subset, stream, .key("year", "financial year, e.g. 2011/12"),
            .count("n", "areas giving that stream's budget in that year"),
            .figure("mean", unit: .gbp, "mean budget per area"),
            .figure("median", unit: .gbp, "median budget per area"),
            .figure("total", unit: .gbp, "sum of the areas' budgets"),
        ],
        primaryKey: ["subset", "stream", "year"])

    package static let budgetChange = RunFileSchema(
        path: RunLayout.budgetChange, description: "one row per subset and stream: budgets from the breakdown year to the last year (Table 2)",
        columns: [
            subset, stream,
            .key("from", "the breakdown year"),
            .key("to", "the last year"),
            .count("n", "areas giving both years"),
            .count("increase", "areas whose budget rose"),
            .count("equal", "areas whose budget stayed within the equal tolerance"),
            .count("decrease", "areas whose budget fell, not to 0"),
            .count("cut", "areas whose budget fell to 0"),
            share("share_increase", "increase ÷ n"),
            share("share_equal", "equal ÷ n"),
            share("share_decrease", "decrease ÷ n"),
            share("share_cut", "cut ÷ n"),
        ],
        primaryKey: ["subset", "stream"])

    package static let budgetRatio = RunFileSchema(
        path: RunLayout.budgetRatio, description: "one row per area and stream with both years: its budget's change (Chart 2)",
        columns: [
            authority, stream,
            .key("from", "the earlier year"),
            .key("to", "the later year"),
            .figure("spend_from", unit: .gbp, "the area's budget in the earlier year"),
            .figure("spend_to", unit: .gbp, "the area's budget in the later year"),
            .figure("ratio", "spend_to ÷ spend_from; empty when spend_from is 0"),
            .label("outcome", "the Hidiroglou–Berthelot edit: within, below, above, unchanged or not-screened"),
        ],
        primaryKey: ["authority", "stream"])

    package static let fiveYear = RunFileSchema(
        path: RunLayout.fiveYear, description: "one row per subset: spend compared with five years before (Chart 3)",
        columns: [
            subset,
            .count("n", "responses in the subset"),
            .count("more", "responses spending more than five years ago"),
            .count("same", "responses spending the same"),
            .count("less", "responses spending less"),
            .count("no_answer", "responses not answering"),
            share("share_more", "more ÷ n"), share("share_same", "same ÷ n"), share("share_less", "less ÷ n"),
            share("share_no_answer", "no_answer ÷ n"),
        ],
        primaryKey: ["subset"])

    package static let spendByType = RunFileSchema(
        path: RunLayout.spendByType, description: "one row per subset, client group and type of support: the breakdown's spend (Charts 4–5)",
        columns: [
            subset,
            .key("client", "client group: mh, ld, other, combined, or all"),
            .key("type", "type of support: paid_work, self_employment, college, day_service_preparation, volunteering, unpaid_work, other"),
            .count("n", "responses with a breakdown giving a cell of the client group"),
            .figure("spend", unit: .gbp, "their spend on this type of support"),
            share("share", "spend ÷ the client group's spend on every type"),
        ],
        primaryKey: ["subset", "client", "type"])

    package static let dataCollected = RunFileSchema(
        path: RunLayout.dataCollected, description: "one row per subset and item: what data the commissioners collect (Table 3)",
        columns: [
            subset,
            .key("item", "item of data (collects_<item>), or job_numbers"),
            .count("answered", "responses answering yes or no"),
            .count("yes", "responses answering yes"),
            share("share_yes", "yes ÷ answered"),
            share("share_yes_of_all", "yes ÷ every response of the subset"),
        ],
        primaryKey: ["subset", "item"])

    package static let personalBudgets = RunFileSchema(
        path: RunLayout.personalBudgets, description: "one row per question and answer: personal budgets (Q2e)",
        columns: [
            .key("question", "pb_allowed, pb_use or pb_amount_known"),
            .key("answer", "yes, no, unknown or no_answer"),
            .count("n", "responses giving the answer"),
            share("share", "n ÷ every response"),
        ],
        primaryKey: ["question", "answer"])

    package static let factors = RunFileSchema(
        path: RunLayout.factors, description: "one row per factor: what shapes the spend (Q3)",
        columns: [
            .key("factor", "the factor (factor_<name>)"),
            .count("n_ranked", "responses ranking the factor"),
            .figure("mean_rank", "mean rank, 1 = most important"),
            share("share_first", "share of those ranking it who ranked it first"),
        ],
        primaryKey: ["factor"])

    package static let workChoice = RunFileSchema(
        path: RunLayout.workChoice,
        description: "one row per measure: Work Choice starts in the areas spending most and least per head",
        columns: [
            .key("measure", "starts_per_100k: Work Choice starts per 100,000 population"),
            .count("top_n", "areas in the top group"),
            .count("bottom_n", "areas in the bottom group"),
            .figure("top_mean", "mean of the measure in the top group"),
            .figure("bottom_mean", "mean of the measure in the bottom group"),
            .figure("difference", "top_mean − bottom_mean"),
            .figure("welch_t", "Welch's t statistic"),
            .figure("welch_df", "Welch–Satterthwaite degrees of freedom"),
            .figure("welch_p", "two-sided p-value of Welch's t-test"),
            .figure("mann_whitney_u", "Mann–Whitney U of the top group"),
            .figure("mann_whitney_p", "two-sided p-value of the Mann–Whitney U test"),
        ],
        primaryKey: ["measure"])

    /// The survey's tables, in the order a run writes them.
    package static let surveyTables: [RunFileSchema] = [
        surveyResponseCounts, spendByYear, budgetChange, budgetRatio, fiveYear, spendByType, dataCollected,
        personalBudgets, factors, workChoice,
    ]
}
