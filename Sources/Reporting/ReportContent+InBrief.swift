import Tabular
import PipelineDefinition

extension ReportContent {
    /// The headline figures first, all services beside evidence-based services (study
    /// Table 8's comparison), for a reader who stops after one screen.
    var inBrief: [ReportBlock] {
        var items: [[Inline]] = []
        let services = data.services
        var text = "Services analysed: \(HumanNumbers.count(CurrentReturnCount(services).current))"
        text += "; rows rejected: \(HumanNumbers.count(data.rejected.count))"
        text += "; flags raised: \(HumanNumbers.count(services.reduce(0) { $0 + $1.flags.count }))"
        items.append([.text(text + ".")])
        for metric in [Metric.costPerPerson, .costPerOutcome, .outcomeRate] {
            guard let all = index.descriptive(group: "all", metric: metric.rawValue) else { continue }
            var text = "Mean " + Labels.metricInSentence(metric.rawValue) + ": "
                + Self.withN(HumanNumbers.figure(all.mean, metric: metric.rawValue), all.n)
            if let evidence = index.descriptive(group: "evidence_based", metric: metric.rawValue) {
                text += "; evidence-based services "
                    + Self.withN(HumanNumbers.figure(evidence.mean, metric: metric.rawValue), evidence.n)
            }
            items.append([.text(text + ".")])
        }
        return [.heading(level: 2, [.text("In brief")]), .bullets(items)]
    }
}
