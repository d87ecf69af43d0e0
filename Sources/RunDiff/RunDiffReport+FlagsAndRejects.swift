extension RunDiffReport {
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
            // A flag's value is in the unit of its rule (an outlier's value is the metric's,
            // a mismatch's is a relative difference), so it is shown as a plain number; the
            // message says what it means.
            table.append(keyCells(record.service) + [cell(record.rule), metricWords(record.metric),
                                                     FigureFormat.decimals(2).text(record.value),
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
