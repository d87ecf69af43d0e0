import Tabular
import VFMCore

extension ReportMarkdown {
    /// Every rejected row and every flag, with its reason, so nothing is lost silently.
    var flagsAndRejects: String {
        var text = "## Flags and rejected rows\n\n"
        text += "### Rejected rows\n\n"
        if let rejected = data.rejected {
            if rejected.rows.isEmpty {
                text += "No row was rejected.\n\n"
            } else {
                text += "These rows entered no figure. Correct them in the return and run again.\n\n"
                var table = MarkdownTable([("Source", .left), ("Rule", .left), ("Reason", .left)])
                for row in rejected.rows {
                    let source = (row.text("source_file") ?? HumanNumbers.missing) + ":" + (row.text("line") ?? "")
                    table.append([MarkdownText.escape(source), MarkdownText.escape(row.text("rule") ?? ""),
                                  MarkdownText.escape(row.text("message") ?? "")])
                }
                text += table.rendered + "\n"
            }
        } else {
            text += Self.notProduced(RunLayout.cleanRejected) + "\n"
        }
        text += "### Flags\n\n"
        guard let flags = data.flags else { return text + Self.notProduced(RunLayout.cleanFlags) }
        if flags.rows.isEmpty { return text + "No service was flagged.\n\n" }
        text += "Flagged services are kept in the figures unless the pipeline says otherwise; check the "
            + "figure with the service.\n\n"
        var summary = MarkdownTable([("Rule", .left), ("Severity", .left), ("Flags", .right)])
        var order: [[String]] = []
        var counts: [[String]: Int] = [:]
        for row in flags.rows {
            let key = [row.text("rule") ?? "", row.text("severity") ?? ""]
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        for key in order.sorted(by: { $0.lexicographicallyPrecedes($1) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }) {
            summary.append([MarkdownText.escape(key[0]), MarkdownText.escape(key[1]), HumanNumbers.count(counts[key])])
        }
        text += summary.rendered + "\n"
        var table = MarkdownTable([("Service", .left), ("Source", .left), ("Rule", .left), ("Severity", .left),
                                   ("Reason", .left)])
        for row in flags.rows {
            table.append([Self.serviceName(row), MarkdownText.escape(row.text("source") ?? ""),
                          MarkdownText.escape(row.text("rule") ?? ""), MarkdownText.escape(row.text("severity") ?? ""),
                          MarkdownText.escape(row.text("message") ?? "")])
        }
        return text + table.rendered + "\n"
    }

    /// Every descriptive statistic, for readers who want more than the means.
    var descriptivesAppendix: String {
        var text = "## Appendix: descriptive statistics\n\n"
        guard let descriptives = data.descriptives else { return text + Self.notProduced(RunLayout.descriptives) }
        text += "SD is the sample standard deviation (n − 1); it needs at least 2 services.\n\n"
        var table = MarkdownTable([("Services", .left), ("Measure", .left), ("n", .right), ("Mean", .right),
                                   ("SD", .right), ("Min", .right), ("Median", .right), ("Max", .right),
                                   ("Mean − 1 SD", .right), ("Mean + 1 SD", .right)])
        for row in descriptives.rows {
            let metric = row.text("metric") ?? ""
            let figure = { (column: String) in HumanNumbers.figure(row.number(column), metric: metric) }
            table.append([Self.groupCell(row.text("group") ?? ""), MarkdownText.escape(Labels.metric(metric)),
                          HumanNumbers.count(row.count("n")), figure("mean"), figure("sd"), figure("min"),
                          figure("median"), figure("max"), figure("band_low"), figure("band_high")])
        }
        return text + table.rendered + "\n"
    }

    /// Every chart of the run, linked.
    var chartList: String {
        var text = "## Charts\n\n"
        if charts.all.isEmpty { return text + "No chart was drawn (no table had enough services).\n" }
        for chart in charts.all { text += "- " + Self.link(MarkdownText.escape(chart.title), chart: chart.file) + "\n" }
        return text
    }
}
