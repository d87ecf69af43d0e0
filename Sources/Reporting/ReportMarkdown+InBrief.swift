import PipelineDefinition

extension ReportMarkdown {
    /// The headline figures first, all services beside evidence-based services (study
    /// Table 8's comparison), for a reader who stops after one screen.
    var inBrief: String {
        guard data.descriptives != nil else { return "" }
        var text = "## In brief\n\n"
        if let services = data.services {
            text += "- Services analysed: \(HumanNumbers.count(services.rows.count))"
            if let rejected = data.rejected { text += "; rows rejected: \(HumanNumbers.count(rejected.rows.count))" }
            if let flags = data.flags { text += "; flags raised: \(HumanNumbers.count(flags.rows.count))" }
            text += ".\n"
        }
        for metric in [Metric.costPerPerson, .costPerOutcome, .outcomeRate] {
            guard let all = data.descriptive(group: "all", metric: metric.rawValue) else { continue }
            text += "- Mean " + Labels.metricInSentence(metric.rawValue) + ": "
                + Self.withN(HumanNumbers.figure(all.number("mean"), metric: metric.rawValue), all.count("n"))
            if let evidence = data.descriptive(group: "evidence_based", metric: metric.rawValue) {
                text += "; evidence-based services "
                    + Self.withN(HumanNumbers.figure(evidence.number("mean"), metric: metric.rawValue), evidence.count("n"))
            }
            text += ".\n"
        }
        return text + "\n"
    }
}
