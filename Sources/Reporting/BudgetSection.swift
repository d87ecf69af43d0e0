import Analysis
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

/// The report's "What a budget buys" (SPEC §6.1, seeds 000, 003, 004): each group's
/// pooled cost per job outcome beside the study's mean of ratios, why they differ, the
/// assumption, and one sentence per scenario. A function of typed rows only, so it fits
/// any rendering of the report.
enum BudgetSection {
    static func blocks(_ tables: BudgetTables, scenarios: [Scenario]) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("What a budget buys")])]
        let rows = tables.valueForMoney
        blocks.append(.paragraph([
            .text("A commissioner's question is how many job outcomes a budget buys. The answer used here is a "
                + "group's "), .emphasis([.text("pooled")]),
            .text(" rate: its services' total job outcomes divided by their total cost (the ratio of totals), with a "
                + "95% confidence interval from the ratio estimator's standard error (Cochran, "),
            .emphasis([.text("Sampling Techniques")]), .text(", §6.3). "),
            .strong([.text("It assumes that job outcomes scale with spend")]),
            .text(" at that rate, as if more of the same services were bought. These are services' own returns, not a "
                + "trial: a group's rate reflects whom it supports and how it counts a job outcome as well as how it "
                + "works, and a service's outcomes are counted in the period of its return."),
        ]))
        var table = ReportTable(caption: [.text("Pooled cost per job outcome and job outcomes per £100,000, by group")],
                                [("Services", .left), ("n", .right), ("Total cost", .right),
                                 ("Job outcomes", .right), ("Pooled cost per job outcome", .right),
                                 ("Mean of services' cost per job outcome (study)", .right),
                                 ("Job outcomes per £100,000 (95% CI)", .right)])
        for row in rows {
            let interval = row.ciLow == nil && row.ciHigh == nil ? ""
                : " (" + HumanNumbers.decimal(row.ciLow, decimals: 1) + " to " + HumanNumbers.decimal(row.ciHigh, decimals: 1) + ")"
            table.append([ReportContent.groupCell(row.group)]
                + [ReportContent.nText(row.n), HumanNumbers.money(row.totalCost), HumanNumbers.whole(row.jobOutcomes),
                   HumanNumbers.money(row.pooledCostPerOutcome), HumanNumbers.money(row.meanCostPerOutcome),
                   HumanNumbers.decimal(row.outcomesPer100k, decimals: 1) + interval].map { [.text($0)] })
        }
        blocks.append(.table(table))
        if let all = rows.first(where: { $0.group == "all" }), let why = whyTheyDiffer(all) {
            blocks.append(.paragraph([.text(why)]))
        }
        blocks += scenarioList(tables, scenarios: scenarios)
        blocks.append(.paragraph([
            .text("Full precision: "), .link([.code(RunLayout.valueForMoney)], .runFile(RunLayout.valueForMoney)),
            .text(", "), .link([.code(RunLayout.scenarios)], .runFile(RunLayout.scenarios)),
            .text("; the rates they are computed from, with their standard errors: "),
            .link([.code(RunLayout.valueForMoneyBasis)], .runFile(RunLayout.valueForMoneyBasis)), .text(". "),
            .code("vfm scenario --run DIR"), .text(" prices another budget on this run without re-running it."),
        ]))
        return blocks
    }

    /// The pooled cost per outcome against the study's mean of per-service ratios.
    static func whyTheyDiffer(_ all: ValueForMoneyRow) -> String? {
        guard let pooled = all.pooledCostPerOutcome, let mean = all.meanCostPerOutcome else { return nil }
        let comparison = mean > pooled
            ? "higher: an average of ratios gives a small service with few outcomes at a high cost each as much "
                + "weight as a large one, while the pooled figure weights each service by its spend"
            : "not higher here: in these returns the services with the most spend are the dearer ones per outcome, "
                + "which the pooled figure weights by their spend"
        return "For all services, a job outcome costs " + HumanNumbers.money(pooled) + " when bought at the pooled "
            + "rate (total cost ÷ total job outcomes, n = " + HumanNumbers.count(all.n) + "), while the study's "
            + "measure, the mean of each service's own cost per job outcome, is " + HumanNumbers.money(mean)
            + ". The mean answers \"what does a typical service spend per outcome\" and is " + comparison
            + ". To price a budget, use the pooled figure."
    }

    /// One bullet per scenario; the sentence names pipeline groups, so it is third-party text.
    static func scenarioList(_ tables: BudgetTables, scenarios: [Scenario]) -> [ReportBlock] {
        guard !scenarios.isEmpty else { return [.paragraph([.text("The pipeline defines no scenarios.")])] }
        let sentences = BudgetSentences(rows: tables.scenarios, basis: tables.basis)
        return [.paragraph([.text("The pipeline's scenarios:")]),
                .bullets(scenarios.map { scenario in
                    [.strong([.name(scenario.name)]), .text(": "),
                     .name(sentences.sentence(scenario) ?? "not computed in this run.")]
                })]
    }
}

extension ReportContent {
    var whatABudgetBuys: [ReportBlock] { BudgetSection.blocks(data.budget, scenarios: pipeline.definition.scenarios) }
}
