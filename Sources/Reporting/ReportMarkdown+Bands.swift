import PipelineDefinition
import Tabular
import VFMCore

extension ReportMarkdown {
    /// Study Table 8: range and mean ± 1 SD of cost and outcome measures, evidence-based
    /// services against all services.
    var evidenceBasedBands: String {
        var text = "## Evidence-based services compared with all services (study Table 8)\n\n"
        guard let bands = data.bands else { return text + Self.notProduced(RunLayout.bands) }
        text += "Evidence-based services are those following the IPS model with good fidelity or where the "
            + "study observed good practice. The band is the mean ± 1 standard deviation, the range in "
            + "which most services fall; its lower end is shown as £0 or 0% when mean − SD is negative, "
            + "as the study printed it. Beside it, the robust band: the 15.9th to 84.1st percentiles (Φ(−1) and "
            + "Φ(1)), where mean ± 1 SD would fall for normally distributed figures; it follows skewed costs and "
            + "never falls below the lowest service's figure.\n\n"
        var table = MarkdownTable([("Measure", .left), ("Services", .left), ("n", .right), ("Range", .right),
                                   ("Lower (mean − 1 SD)", .right), ("Mean", .right), ("Upper (mean + 1 SD)", .right),
                                   ("Robust band (15.9th–84.1st percentile)", .right)])
        for row in bands.rows {
            let metric = row.text("metric") ?? ""
            let figure = { (column: String) in HumanNumbers.figure(row.number(column), metric: metric) }
            let range = row.number("min") == nil && row.number("max") == nil
                ? HumanNumbers.missing : figure("min") + " to " + figure("max")
            let robust = row.number("robust_band_low") == nil && row.number("robust_band_high") == nil
                ? HumanNumbers.missing : figure("robust_band_low") + " to " + figure("robust_band_high")
            table.append([MarkdownText.escape(Labels.metric(metric)), Self.groupCell(row.text("group") ?? ""),
                          HumanNumbers.count(row.count("n")), range, figure("band_low"), figure("mean"),
                          figure("band_high"), robust])
        }
        return text + table.rendered + "\n"
    }

    /// Where each service sits against the all-services and evidence-based bands.
    var benchmark: String {
        var text = "## Where each service sits (benchmark)\n\n"
        guard let benchmark = data.benchmark else { return text + Self.notProduced(RunLayout.benchmark) }
        var metrics: [String] = []
        for row in benchmark.rows {
            if let metric = row.text("metric"), !metrics.contains(metric) { metrics.append(metric) }
        }
        text += "Each figure is placed against the bands of the table above (mean ± 1 SD): of all services "
            + "and of evidence-based services. Lower is better for costs, higher for the job outcome rate.\n\n"
        var table = MarkdownTable([("Authority", .left), ("Service", .left), ("Period", .left)]
                                  + metrics.map { (MarkdownText.escape(Labels.metric($0)), .right) })
        var keys: [[String?]] = []
        var cells: [[String?]: [String: String]] = [:]
        for row in benchmark.rows {
            let key = [row.text("authority"), row.text("service"), row.text("period")]
            if cells[key] == nil { keys.append(key); cells[key] = [:] }
            let metric = row.text("metric") ?? ""
            cells[key]?[metric] = Self.benchmarkCell(figure: HumanNumbers.figure(row.number("value"), metric: metric),
                                                     all: row.text("all_band"), evidence: row.text("evidence_band"))
        }
        for key in keys {
            let escaped = key.map { MarkdownText.escape($0 ?? HumanNumbers.missing) }
            table.append(escaped + metrics.map { cells[key]?[$0] ?? HumanNumbers.missing })
        }
        if table.isEmpty { return text + "No service had a figure to place.\n\n" }
        return text + table.rendered + "\n"
    }

    /// `£3,345 (above both)` or `£519 (all: below; evidence-based: within)`; just the
    /// figure, or "—", when there is no band to place it in.
    static func benchmarkCell(figure: String, all: String?, evidence: String?) -> String {
        guard figure != HumanNumbers.missing else { return HumanNumbers.missing }
        switch (all.map(MarkdownText.escape), evidence.map(MarkdownText.escape)) {
        case (nil, nil): return figure
        case let (all?, evidence?) where all == evidence: return figure + " (" + all + " both)"
        case let (all, evidence):
            return figure + " (all: " + (all ?? HumanNumbers.missing) + "; evidence-based: "
                + (evidence ?? HumanNumbers.missing) + ")"
        }
    }
}
