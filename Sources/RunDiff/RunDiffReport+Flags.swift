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

    static func flags(_ comparison: RunComparison) -> [String] {
        let flags = comparison.flags
        guard flags.hasDifferences else { return [] }
        var text = "## Flags\n\n"
        text += flagList("New", flags.new)
        text += flagList("Resolved", flags.resolved)
        text += "\(counted(flags.unchangedCount, "other flag", "other flags")) in both runs.\n"
        return [text]
    }

    static func flagList(_ title: String, _ records: [FlagRecord]) -> String {
        guard !records.isEmpty else { return "" }
        var table = MarkdownTable(["authority", "service", "period", "rule", "metric", "value", "message"])
        for record in records {
            let scale = FigureScale.of(metric: record.metric, column: "value")
            table.append(keyCells(record.service) + [cell(record.rule), metricWords(record.metric),
                                                     PeopleNumbers.figure(record.value, scale: scale),
                                                     cell(record.message)])
        }
        return "### \(title) (\(PeopleNumbers.count(records.count)))\n\n" + table.text + "\n"
    }

    static func rejects(_ comparison: RunComparison) -> [String] {
        let rejects = comparison.rejects
        guard rejects.hasDifferences else { return [] }
        var text = "## Rejected rows\n\n"
        text += rejectList("New", rejects.new)
        text += rejectList("Resolved", rejects.resolved)
        text += "\(counted(rejects.unchangedCount, "other rejected row", "other rejected rows")) in both runs.\n"
        return [text]
    }

    static func rejectList(_ title: String, _ records: [RejectRecord]) -> String {
        guard !records.isEmpty else { return "" }
        var table = MarkdownTable(["source", "rule", "message", "raw row"])
        for record in records {
            table.append([cell("\(record.sourceFile):\(record.line)"), cell(record.rule), cell(record.message),
                          cell(record.rawCells.joined(separator: ", "))])
        }
        return "### \(title) (\(PeopleNumbers.count(records.count)))\n\n" + table.text + "\n"
    }
}
