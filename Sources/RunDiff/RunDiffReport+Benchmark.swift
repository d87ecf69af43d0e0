extension RunDiffReport {
    static func benchmark(_ comparison: RunComparison) -> [String] {
        let benchmark = comparison.benchmark
        guard benchmark.hasDifferences else { return [] }
        var table = MarkdownTable(["authority", "service", "period", "metric", "value", "vs all services",
                                   "vs evidence-based"])
        for change in benchmark.changed {
            let scale = FigureScale.of(metric: change.new.metric, column: "value")
            table.append(keyCells(change.new.service) + [
                metricWords(change.new.metric),
                transition(PeopleNumbers.figure(change.old.value, scale: scale),
                           PeopleNumbers.figure(change.new.value, scale: scale)),
                transition(cell(change.old.allBand), cell(change.new.allBand)),
                transition(cell(change.old.evidenceBand), cell(change.new.evidenceBand)),
            ])
        }
        return ["## Benchmark positions\n\nServices in both runs whose position against the ±1 SD bands changed.\n\n"
            + table.text + "\n" + "\(counted(benchmark.unchangedCount, "other position", "other positions")) unchanged.\n"]
    }
}
