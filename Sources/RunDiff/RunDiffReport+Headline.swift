extension RunDiffReport {
    /// One section per findings table with differences, in report order.
    static func headline(_ comparison: RunComparison) -> [String] {
        let tables = comparison.headline.filter { $0.hasDifferences && !$0.table.isData }
        guard !tables.isEmpty else { return [] }
        return ["## Findings\n"] + tables.map(headlineTable)
    }

    /// The data files compared by their schemas (a survey's responses and areas, its
    /// flags): what changed in the data, listed before the findings.
    static func dataTables(_ comparison: RunComparison) -> [String] {
        let tables = comparison.headline.filter { $0.hasDifferences && $0.table.isData }
        guard !tables.isEmpty else { return [] }
        return ["## Data\n"] + tables.map(headlineTable)
    }

    static func headlineTable(_ table: HeadlineComparison) -> String {
        let kind = table.table
        var text = "### \(kind.title)\n\n"
        if kind.finding == nil {
            let description = kind.schema.description
            text += description.prefix(1).uppercased() + description.dropFirst() + ".\n\n"
        }
        switch table.presence {
        case .onlyNew:
            return text + "`\(kind.relativePath)` is not in the old run; not compared.\n"
        case .onlyOld:
            return text + "`\(kind.relativePath)` is not in the new run; not compared.\n"
        case .both, .neither:
            break
        }
        if !table.changed.isEmpty || !table.relabelled.isEmpty {
            var markdown = MarkdownTable(kind.keyColumns + ["figure", "old", "new", "change", "relative change"])
            for change in table.changed {
                markdown.append(keyCells(kind, change.key) + [
                    change.column.label + (change.fewServices ? " †" : ""), change.oldText, change.newText,
                    PeopleNumbers.change(from: change.old, to: change.new, format: change.format),
                    PeopleNumbers.relativeChange(from: change.old, to: change.new),
                ])
            }
            for change in table.relabelled {
                markdown.append(keyCells(kind, change.key) + [
                    change.column.replacingOccurrences(of: "_", with: " "), cell(change.old), cell(change.new), "", "",
                ])
            }
            text += markdown.text + "\n"
            if table.changed.contains(where: \.fewServices) {
                text += "† Fewer than \(FigureChange.fewServices) services in one run or both: one service more or less "
                    + "could move this figure a long way; read its change with caution.\n\n"
            }
        }
        text += rowList("Only in the new run", kind, table.added)
        text += rowList("Only in the old run", kind, table.removed)
        text += "\(counted(table.unchangedCount, "other figure", "other figures")) unchanged.\n"
        return text
    }

    static func keyCells(_ kind: HeadlineTable, _ key: [String]) -> [String] {
        zip(kind.keyColumns, key).map { column, value in
            ["metric", "x", "y"].contains(column) ? metricWords(value) : cell(value)
        }
    }

    /// Rows (a group, a metric) one run has and the other lacks, with their figures.
    static func rowList(_ title: String, _ kind: HeadlineTable, _ rows: [FigureRow]) -> String {
        guard !rows.isEmpty else { return "" }
        var text = "\(title):\n\n"
        for row in rows {
            let figures = zip(kind.figureColumns, row.values).compactMap { column, value -> String? in
                guard let value else { return nil }
                return "\(column.label) \(kind.format(column: column.column, key: row.key).text(value))"
            } + zip(kind.labelColumns, row.labels).compactMap { column, label -> String? in
                label.isEmpty ? nil : "\(column.replacingOccurrences(of: "_", with: " ")) \(cell(label))"
            }
            text += "- " + keyCells(kind, row.key).joined(separator: " · ") + ": "
                + (figures.isEmpty ? "no figures" : figures.joined(separator: ", ")) + "\n"
        }
        return text + "\n"
    }
}
