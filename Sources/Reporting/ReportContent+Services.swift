import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// Study Table 4: size, cost and support levels of the services, per group.
    var characteristics: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Characteristics of services (study Table 4)")])]
        var table = ReportTable(caption: [.text("Size and cost of services, by group (study Table 4)")],
                                [("Services", .left), ("Number of services", .right), ("Mean people supported", .right),
                                 ("Mean total cost", .right), ("Mean cost per person supported", .right)])
        for group in index.descriptiveGroups {
            let people = index.descriptive(group: group, metric: Metric.peopleSupported.rawValue)
            table.append([Self.groupCell(group), [.text(Self.nText(people?.n))],
                          meanCell(group, .peopleSupported), meanCell(group, .totalCost),
                          meanCell(group, .costPerPerson)])
        }
        blocks.append(.table(table))
        blocks += range(of: .costPerPerson, chart: true)
        blocks += supportLevels
        return blocks
    }

    /// Pooled support levels (hours a week of non-employment support, the study's proxy
    /// for level of need): part of Table 4.
    private var supportLevels: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 3, [.text("Support levels of the people supported")])]
        let levels = data.supportLevels
        blocks.append(.paragraph([.text("Hours a week of health and social care support other than employment "
            + "support, pooled over the services that reported all three levels (n = those services).")]))
        var table = ReportTable(caption: [.text("Share of people supported by hours a week of other support, by group")],
                                [("Services", .left), ("n", .right), ("Under 7 hours", .right),
                                 ("7–40 hours", .right), ("40+ hours", .right)])
        for row in levels {
            table.append([Self.groupCell(row.group)] + [
                Self.nText(row.n), HumanNumbers.percent(row.shareLT7),
                HumanNumbers.percent(row.share7to40), HumanNumbers.percent(row.share40plus),
            ].map { [.text($0)] })
        }
        return blocks + [.table(table)]
    }

    /// Study Table 5: the job outcome rate and the mix of outcomes, with "per 100 people supported".
    var jobOutcomes: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Job outcomes (study Table 5)")])]
        let mix = data.outcomeMix
        blocks.append(.paragraph([.text("A job outcome is a person supported to gain a new job or to keep (retain) "
            + "one they had, or who became self-employed. The rate is the mean over services of job outcomes ÷ "
            + "people supported; the mix is pooled over the services that reported all three kinds.")]))
        var table = ReportTable(caption: [.text("Job outcome rate and mix of job outcomes, by group (study Table 5)")],
                                [("Services", .left), ("n", .right), ("Secured a job outcome", .right),
                                 ("New job", .right), ("Retained job", .right), ("Self-employed", .right)])
        var perHundred = ReportTable(caption: [.text("Job outcomes per 100 people supported, by group")],
                                     [("Services", .left), ("n", .right), ("Gain a new job", .right),
                                      ("Retain a job", .right), ("Become self-employed", .right)])
        for row in mix {
            let group = Self.groupCell(row.group)
            let n = Self.nText(row.n)
            table.append([group] + [n, HumanNumbers.percent(row.outcomeRateMean),
                                    HumanNumbers.percent(row.gainedShare),
                                    HumanNumbers.percent(row.retainedShare),
                                    HumanNumbers.percent(row.selfEmployedShare)].map { [.text($0)] })
            perHundred.append([group] + [n, HumanNumbers.whole(row.gainedPer100),
                                         HumanNumbers.whole(row.retainedPer100),
                                         HumanNumbers.whole(row.selfEmployedPer100)].map { [.text($0)] })
        }
        blocks.append(.table(table))
        blocks.append(.paragraph([.text("For every 100 people supported, how many would:")]))
        blocks.append(.table(perHundred))
        blocks += range(of: .outcomeRate, chart: false)
        return blocks
    }

    /// Study Table 6: what a job outcome costs, per group.
    var costPerJobOutcome: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Cost per job outcome (study Table 6)")])]
        blocks.append(.paragraph([.text("Cost per job outcome = total cost ÷ job outcomes; a service with no job "
            + "outcome has none (the study's n=68 of 70).")]))
        var table = ReportTable(caption: [.text("Cost per job outcome, by group (study Table 6)")],
                                [("Services", .left), ("Mean total cost", .right),
                                 ("Mean cost per person supported", .right),
                                 ("Mean cost per job outcome", .right), ("Range of cost per job outcome", .right)])
        for group in index.descriptiveGroups {
            let row = index.descriptive(group: group, metric: Metric.costPerOutcome.rawValue)
            table.append([Self.groupCell(group), meanCell(group, .totalCost), meanCell(group, .costPerPerson),
                          meanCell(group, .costPerOutcome),
                          [.text(Self.rangeText(row?.minimum, row?.maximum, metric: .costPerOutcome))]])
        }
        blocks.append(.table(table))
        blocks += range(of: .costPerOutcome, chart: true)
        return blocks
    }

    /// `£1,730 (n=70)` for the mean of `metric` in `group`.
    private func meanCell(_ group: String, _ metric: Metric) -> [Inline] {
        guard let row = index.descriptive(group: group, metric: metric.rawValue) else { return [] }
        return [.text(Self.withN(HumanNumbers.figure(row.mean, metric: metric.rawValue), row.n))]
    }

    /// `£165 to £10,000`.
    static func rangeText(_ low: Double?, _ high: Double?, metric: Metric) -> String {
        guard low != nil || high != nil else { return HumanNumbers.missing }
        return HumanNumbers.figure(low, metric: metric.rawValue) + " to " + HumanNumbers.figure(high, metric: metric.rawValue)
    }

    /// One sentence on the spread across all services, with the sorted-distribution chart.
    private func range(of metric: Metric, chart: Bool) -> [ReportBlock] {
        guard let row = index.descriptive(group: "all", metric: metric.rawValue), row.n > 0 else {
            return []
        }
        var sentence: [Inline] = [.text("Across all services the \(Labels.metricInSentence(metric.rawValue)) ranges from "
            + Self.rangeText(row.minimum, row.maximum, metric: metric)
            + " (median " + HumanNumbers.figure(row.median, metric: metric.rawValue)
            + ", n = \(HumanNumbers.count(row.n)))")]
        guard chart, let figure = charts.distributions[metric.rawValue] else { return [.paragraph(sentence + [.text(".")])] }
        sentence += [.text("; "), .link([.text(charts.distributionLinkText(metric.rawValue))], .chart(figure.file)),
                     .text(".")]
        return [.paragraph(sentence), .figures([figure])]
    }
}
