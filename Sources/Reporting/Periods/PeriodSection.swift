import Analysis
import Cleaning
import Foundation
import RunFiles
import Tabular
import VFMCore

/// The report's "Change between periods" (SPEC §11): each period's headline figures side
/// by side, the matched change in one plain sentence with its interval and n, and the
/// period-to-period edits counted per variable with the services furthest outside.
///
/// Only for a run in which some service has returns of two periods: a run of one return
/// per service prints the report it printed before §11 (SPEC §11).
enum PeriodSection {
    /// How many services outside the bounds are listed per edit variable.
    static let listed = 5

    static func blocks(_ tables: PeriodTables?, funnels: [ChartFigure] = []) -> [ReportBlock] {
        guard let tables, tables.change.contains(where: { $0.n > 0 }) || !tables.edits.isEmpty else { return [] }
        var blocks: [ReportBlock] = [
            .heading(level: 2, [.text("Change between periods")]),
            .paragraph([.text("Some services sent returns for more than one period. The figures above describe each "
                + "service's current return (its latest, or the period chosen with "), .code("--period"),
                .text("); here each period is shown as its own cross-section, and the services that sent returns for "
                    + "two consecutive periods are compared.")]),
        ]
        blocks.append(.table(headlineTable(tables.periods)))
        blocks += tables.change.filter { $0.group == "all" }.map { .paragraph([.text(changeSentence($0))]) }
        blocks += editBlocks(tables.edits)
        if !funnels.isEmpty {
            blocks.append(.paragraph([.text("Each funnel chart shows the latest pair of periods: a service's change "
                + "against its size, both on log scales. The dashed lines bound the changes accepted for a service of "
                + "that size; they close in as size grows, because a large service's change moves the totals more.")]))
            blocks.append(.figures(funnels))
        }
        blocks.append(.paragraph([
            .text("Full precision: "), .link([.code(RunLayout.periods)], .runFile(RunLayout.periods)), .text(", "),
            .link([.code(RunLayout.periodChange)], .runFile(RunLayout.periodChange)), .text(", "),
            .link([.code(RunLayout.periodEdits)], .runFile(RunLayout.periodEdits)), .text("."),
        ]))
        return blocks
    }

    /// Services, pooled and mean cost per job outcome and outcome rate, per period, for all
    /// and evidence-based services.
    static func headlineTable(_ rows: [PeriodRow]) -> ReportTable {
        var table = ReportTable(caption: [.text("Each period's own returns, all and evidence-based services")],
                                [("Period", .left), ("Group", .left), ("Returns", .right),
                                 ("Pooled cost per job outcome", .right), ("Mean cost per job outcome", .right),
                                 ("Mean job outcome rate", .right)])
        for row in rows where row.group == "all" || row.group == "evidence_based" {
            table.append([[.name(row.period)], ReportContent.groupCell(row.group)]
                + [HumanNumbers.count(row.services), ReportContent.withN(HumanNumbers.money(row.pooledCostPerOutcome), row.n),
                   ReportContent.withN(HumanNumbers.money(row.meanCostPerOutcome), row.meanCostPerOutcomeN),
                   ReportContent.withN(HumanNumbers.percent(row.outcomeRateMean), row.outcomeRateN)].map { [.text($0)] })
        }
        return table
    }

    /// "Between 2011/12 and 2012/13, the 8 services with both returns went from 9.1 to 19.5
    /// job outcomes per £100,000: a change of +10.5 (95% CI −0.5 to 21.4, p = 0.061, n = 8)."
    static func changeSentence(_ row: PeriodChangeRow) -> String {
        let opening = "Between \(row.from) and \(row.to), "
        guard let change = row.change, let from = row.outcomesPer100kFrom, let to = row.outcomesPer100kTo else {
            return opening + "\(HumanNumbers.count(row.n)) service\(row.n == 1 ? "" : "s") sent both returns with cost "
                + "and job outcomes: too few to measure a change (it needs 2 and some spend in both periods)."
        }
        let sign = change > 0 ? "+" : ""
        return opening + "the \(HumanNumbers.count(row.n)) services that sent both returns went from "
            + HumanNumbers.decimal(from, decimals: 1) + " to " + HumanNumbers.decimal(to, decimals: 1)
            + " job outcomes per £100,000: a change of " + sign + HumanNumbers.decimal(change, decimals: 1)
            + " (95% CI " + HumanNumbers.decimal(row.ciLow, decimals: 1) + " to "
            + HumanNumbers.decimal(row.ciHigh, decimals: 1) + ", p = " + HumanNumbers.pValue(row.pValue)
            + ", n = " + HumanNumbers.count(row.n) + ")."
    }

    /// Per edit variable: how many services were above and below the Hidiroglou–Berthelot
    /// bounds, and those furthest outside (the largest ratio or inverse ratio first).
    static func editBlocks(_ edits: [PeriodEditRow]) -> [ReportBlock] {
        var variables: [String] = []
        for edit in edits where !variables.contains(edit.variable) { variables.append(edit.variable) }
        guard !variables.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.paragraph([
            .text("Period-to-period edits (Hidiroglou–Berthelot, as Statistics Canada and the ONS screen repeated "
                + "returns): a change is flagged when it is far from the changes of services of a similar size; "
                + "a value carried over unchanged or missing is not screened.")])]
        var items: [[Inline]] = []
        for variable in variables {
            // The rows by position, read where they lie: filtering the rows themselves copied
            // every edit of a million services (its names retained) for each variable.
            let rows = edits.indices.filter { edits[$0].variable == variable }
            let outside = rows.filter { edits[$0].outcome == "above" || edits[$0].outcome == "below" }
                .sorted { distance(edits[$0].ratio) > distance(edits[$1].ratio) }
            let screened = rows.count { edits[$0].outcome != "not-screened" && edits[$0].outcome != "unchanged" }
            var item: [Inline] = [.code(variable), .text(": \(HumanNumbers.count(outside.count)) of "
                + "\(HumanNumbers.count(screened)) screened changes outside the bounds")]
            let thousands = rows.count { index in
                variable == "total_cost" && edits[index].ratio.map { PeriodEdits.thousandsRange.contains($0)
                    || PeriodEdits.thousandsRange.contains(1 / $0) } == true
            }
            if thousands > 0 {
                item.append(.text(" (\(HumanNumbers.count(thousands)) looking like £ one year and £ thousands the other)"))
            }
            if !outside.isEmpty { item.append(.text(", furthest: ")) }
            for (position, index) in outside.prefix(listed).enumerated() {
                let row = edits[index]
                if position > 0 { item.append(.text("; ")) }
                item += [.name(row.authority + " — " + row.service),
                         .text(" (\(row.from) → \(row.to): " + value(row.valueFrom, variable) + " → "
                             + value(row.valueTo, variable) + ", ×" + ratio(row.ratio) + ")")]
            }
            items.append(item + [.text(".")])
        }
        blocks.append(.bullets(items))
        return blocks
    }

    private static func value(_ number: Double?, _ variable: String) -> String {
        variable == "total_cost" ? HumanNumbers.money(number) : HumanNumbers.whole(number)
    }

    /// How far a ratio is from no change, either way: max(r, 1/r).
    private static func distance(_ ratio: Double?) -> Double {
        guard let ratio, ratio > 0 else { return 0 }
        return max(ratio, 1 / ratio)
    }

    /// A ratio for reading: ×1,013, ×12.0, ×1.05, ×0.001.
    private static func ratio(_ value: Double?) -> String {
        guard let value else { return HumanNumbers.missing }
        if value >= 100 { return HumanNumbers.decimal(value, decimals: 0) }
        if value >= 0.1 { return HumanNumbers.decimal(value, decimals: 2) }
        var decimals = 2, scaled = value
        while scaled < 0.1, decimals < 12 { scaled *= 10; decimals += 1 }
        return HumanNumbers.decimal(value, decimals: decimals)
    }
}

extension ReportContent {
    var changeBetweenPeriods: [ReportBlock] { PeriodSection.blocks(data.periodTables, funnels: charts.funnels) }
}
