import Analysis
import PipelineDefinition
import Tabular
import VFMCore

/// The report's "What a budget buys" (SPEC §6.1, seeds 000, 003, 004): each group's
/// pooled cost per job outcome beside the study's mean of ratios, why they differ, the
/// assumption, and one sentence per scenario. A function of typed rows only, so it fits
/// any rendering of the report.
enum BudgetSection {
    static func markdown(_ tables: BudgetTables, scenarios: [Scenario]) -> String {
        var text = "## What a budget buys\n\n"
        guard let rows = tables.valueForMoney else { return text + ReportMarkdown.notProduced(RunLayout.valueForMoney) }
        text += "A commissioner's question is how many job outcomes a budget buys. The answer used here is a "
            + "group's *pooled* rate: its services' total job outcomes divided by their total cost (the ratio "
            + "of totals), with a 95% confidence interval from the ratio estimator's standard error (Cochran, "
            + "*Sampling Techniques*, §6.3). **It assumes that job outcomes scale with spend** at that rate, "
            + "as if more of the same services were bought. These are services' own returns, not a trial: a "
            + "group's rate reflects whom it supports and how it counts a job outcome as well as how it works, "
            + "and a service's outcomes are counted in the period of its return.\n\n"
        var table = MarkdownTable([("Services", .left), ("n", .right), ("Total cost", .right),
                                   ("Job outcomes", .right), ("Pooled cost per job outcome", .right),
                                   ("Mean of services' cost per job outcome (study)", .right),
                                   ("Job outcomes per £100,000 (95% CI)", .right)])
        for row in rows {
            let interval = row.ciLow == nil && row.ciHigh == nil ? ""
                : " (" + HumanNumbers.decimal(row.ciLow, decimals: 1) + " to " + HumanNumbers.decimal(row.ciHigh, decimals: 1) + ")"
            table.append([ReportMarkdown.groupCell(row.group), HumanNumbers.count(row.n),
                          HumanNumbers.money(row.totalCost), HumanNumbers.whole(row.jobOutcomes),
                          HumanNumbers.money(row.pooledCostPerOutcome), HumanNumbers.money(row.meanCostPerOutcome),
                          HumanNumbers.decimal(row.outcomesPer100k, decimals: 1) + interval])
        }
        text += table.rendered + "\n"
        if let all = rows.first(where: { $0.group == "all" }) { text += whyTheyDiffer(all) }
        text += scenarioList(tables, scenarios: scenarios)
        return text + "Full precision: `\(RunLayout.valueForMoney)`, `\(RunLayout.scenarios)`; the rates they are "
            + "computed from, with their standard errors: `\(RunLayout.valueForMoneyBasis)`. `vfm scenario --run DIR` "
            + "prices another budget on this run without re-running it.\n\n"
    }

    /// The pooled cost per outcome against the study's mean of per-service ratios.
    static func whyTheyDiffer(_ all: ValueForMoneyRow) -> String {
        guard let pooled = all.pooledCostPerOutcome, let mean = all.meanCostPerOutcome else { return "" }
        let comparison = mean > pooled
            ? "higher: an average of ratios gives a small service with few outcomes at a high cost each as much "
                + "weight as a large one, while the pooled figure weights each service by its spend"
            : "not higher here: in these returns the services with the most spend are the dearer ones per outcome, "
                + "which the pooled figure weights by their spend"
        return "For all services, a job outcome costs " + HumanNumbers.money(pooled) + " when bought at the pooled "
            + "rate (total cost ÷ total job outcomes, n = " + HumanNumbers.count(all.n) + "), while the study's "
            + "measure, the mean of each service's own cost per job outcome, is " + HumanNumbers.money(mean)
            + ". The mean answers \"what does a typical service spend per outcome\" and is " + comparison
            + ". To price a budget, use the pooled figure.\n\n"
    }

    static func scenarioList(_ tables: BudgetTables, scenarios: [Scenario]) -> String {
        guard !scenarios.isEmpty else { return "The pipeline defines no scenarios.\n\n" }
        guard let rows = tables.scenarios, let basis = tables.basis else {
            return ReportMarkdown.notProduced(tables.scenarios == nil ? RunLayout.scenarios : RunLayout.valueForMoneyBasis) + "\n"
        }
        let sentences = BudgetSentences(rows: rows, basis: basis, escape: MarkdownText.escape)
        var text = "The pipeline's scenarios:\n\n"
        for scenario in scenarios {
            text += "- **" + MarkdownText.escape(scenario.name) + "**: "
                + (sentences.sentence(scenario) ?? "not computed in this run.") + "\n"
        }
        return text + "\n"
    }
}

extension ReportMarkdown {
    var whatABudgetBuys: String { BudgetSection.markdown(data.budget, scenarios: pipeline.definition.scenarios) }
}
