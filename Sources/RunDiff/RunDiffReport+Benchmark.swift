extension RunDiffReport {
    static func benchmark(_ comparison: RunComparison) -> [String] {
        let benchmark = comparison.benchmark
        guard benchmark.hasDifferences else { return [] }
        var table = MarkdownTable(["authority", "service", "period", "metric", "value", "vs all services",
                                   "vs evidence-based"])
        for change in benchmark.changed {
            let format = FigureFormat.metric(change.new.metric)
            table.append(keyCells(change.new.service) + [
                metricWords(change.new.metric),
                transition(format.text(change.old.value),
                           format.text(change.new.value)),
                transition(cell(change.old.allBand), cell(change.new.allBand)),
                transition(cell(change.old.evidenceBand), cell(change.new.evidenceBand)),
            ])
        }
        return ["## Benchmark positions\n\nServices in both runs whose position against the ±1 SD bands changed.\n\n"
            + table.text + "\n" + "\(counted(benchmark.unchangedCount, "other position", "other positions")) unchanged.\n"]
    }
}
