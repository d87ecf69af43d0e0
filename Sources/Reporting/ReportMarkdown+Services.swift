import PipelineDefinition
import VFMCore

extension ReportMarkdown {
    /// Study Table 4: size, cost and support levels of the services, per group.
    var characteristics: String {
        var text = "## Characteristics of services (study Table 4)\n\n"
        guard data.descriptives != nil else { return text + Self.notProduced(RunLayout.descriptives) }
        var table = MarkdownTable([("Services", .left), ("Number of services", .right), ("Mean people supported", .right),
                                   ("Mean total cost", .right), ("Mean cost per person supported", .right)])
        for group in data.groups(in: data.descriptives) {
            let people = data.descriptive(group: group, metric: Metric.peopleSupported.rawValue)
            table.append([Self.groupCell(group), HumanNumbers.count(people?.count("n")),
                          meanCell(group, .peopleSupported), meanCell(group, .totalCost),
                          meanCell(group, .costPerPerson)])
        }
        text += table.rendered + "\n"
        text += range(of: .costPerPerson, chart: true)
        text += supportLevels
        return text
    }

    /// Pooled support levels (hours a week of non-employment support, the study's proxy
    /// for level of need): part of Table 4.
    private var supportLevels: String {
        var text = "### Support levels of the people supported\n\n"
        guard let levels = data.supportLevels else { return text + Self.notProduced(RunLayout.supportLevels) }
        text += "Hours a week of health and social care support other than employment support, pooled over "
            + "the services that reported all three levels (n = those services).\n\n"
        var table = MarkdownTable([("Services", .left), ("n", .right), ("Under 7 hours", .right),
                                   ("7–40 hours", .right), ("40+ hours", .right)])
        for row in levels.rows {
            table.append([Self.groupCell(row.text("group") ?? ""), HumanNumbers.count(row.count("n")),
                          HumanNumbers.percent(row.number("share_lt7")),
                          HumanNumbers.percent(row.number("share_7to40")),
                          HumanNumbers.percent(row.number("share_40plus"))])
        }
        return text + table.rendered + "\n"
    }

    /// Study Table 5: the job outcome rate and the mix of outcomes, with "per 100 people supported".
    var jobOutcomes: String {
        var text = "## Job outcomes (study Table 5)\n\n"
        guard let mix = data.outcomeMix else { return text + Self.notProduced(RunLayout.outcomeMix) }
        text += "A job outcome is a person supported to gain a new job or to keep (retain) one they had, "
            + "or who became self-employed. The rate is the mean over services of job outcomes ÷ people "
            + "supported; the mix is pooled over the services that reported all three kinds.\n\n"
        var table = MarkdownTable([("Services", .left), ("n", .right), ("Secured a job outcome", .right),
                                   ("New job", .right), ("Retained job", .right), ("Self-employed", .right)])
        var perHundred = MarkdownTable([("Services", .left), ("n", .right), ("Gain a new job", .right),
                                        ("Retain a job", .right), ("Become self-employed", .right)])
        for row in mix.rows {
            let group = Self.groupCell(row.text("group") ?? "")
            let n = HumanNumbers.count(row.count("n"))
            table.append([group, n, HumanNumbers.percent(row.number("outcome_rate_mean")),
                          HumanNumbers.percent(row.number("gained_share")),
                          HumanNumbers.percent(row.number("retained_share")),
                          HumanNumbers.percent(row.number("self_employed_share"))])
            perHundred.append([group, n, HumanNumbers.whole(row.number("gained_per_100")),
                               HumanNumbers.whole(row.number("retained_per_100")),
                               HumanNumbers.whole(row.number("self_employed_per_100"))])
        }
        text += table.rendered + "\n"
        text += "For every 100 people supported, how many would:\n\n" + perHundred.rendered + "\n"
        text += range(of: .outcomeRate, chart: false)
        return text
    }

    /// Study Table 6: what a job outcome costs, per group.
    var costPerJobOutcome: String {
        var text = "## Cost per job outcome (study Table 6)\n\n"
        guard data.descriptives != nil else { return text + Self.notProduced(RunLayout.descriptives) }
        text += "Cost per job outcome = total cost ÷ job outcomes; a service with no job outcome has none "
            + "(the study's n=68 of 70).\n\n"
        var table = MarkdownTable([("Services", .left), ("Mean total cost", .right),
                                   ("Mean cost per person supported", .right),
                                   ("Mean cost per job outcome", .right), ("Range of cost per job outcome", .right)])
        for group in data.groups(in: data.descriptives) {
            let row = data.descriptive(group: group, metric: Metric.costPerOutcome.rawValue)
            table.append([Self.groupCell(group), meanCell(group, .totalCost), meanCell(group, .costPerPerson),
                          meanCell(group, .costPerOutcome),
                          Self.rangeText(row?.number("min"), row?.number("max"), metric: .costPerOutcome)])
        }
        text += table.rendered + "\n"
        text += range(of: .costPerOutcome, chart: true)
        return text
    }

    /// `£1,730 (n=70)` for the mean of `metric` in `group`.
    private func meanCell(_ group: String, _ metric: Metric) -> String {
        guard let row = data.descriptive(group: group, metric: metric.rawValue) else { return HumanNumbers.missing }
        return Self.withN(HumanNumbers.figure(row.number("mean"), metric: metric.rawValue), row.count("n"))
    }

    /// `£165 to £10,000`.
    static func rangeText(_ low: Double?, _ high: Double?, metric: Metric) -> String {
        guard low != nil || high != nil else { return HumanNumbers.missing }
        return HumanNumbers.figure(low, metric: metric.rawValue) + " to " + HumanNumbers.figure(high, metric: metric.rawValue)
    }

    /// One sentence on the spread across all services, with the sorted-distribution chart.
    private func range(of metric: Metric, chart: Bool) -> String {
        guard let row = data.descriptive(group: "all", metric: metric.rawValue), let n = row.count("n"), n > 0 else {
            return ""
        }
        var text = "Across all services the \(Labels.metricInSentence(metric.rawValue)) ranges from "
            + Self.rangeText(row.number("min"), row.number("max"), metric: metric)
            + " (median " + HumanNumbers.figure(row.number("median"), metric: metric.rawValue)
            + ", n = \(HumanNumbers.count(n)))"
        if chart, let file = charts.distributions[metric.rawValue] {
            text += "; " + Self.link("chart of every service, sorted", chart: file)
        }
        return text + ".\n\n"
    }
}
