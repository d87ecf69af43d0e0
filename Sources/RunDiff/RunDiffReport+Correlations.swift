extension RunDiffReport {
    static func correlations(_ comparison: RunComparison) -> [String] {
        let correlations = comparison.correlations
        guard correlations.hasDifferences else { return [] }
        var text = "## Correlations\n\n"
        if !correlations.changed.isEmpty {
            var table = MarkdownTable(["group", "pair", "n", "Pearson r", "Spearman ρ", "95% CI", "p", "strength",
                                       "marked"])
            for change in correlations.changed {
                let old = change.old, new = change.new
                func figure(_ figure: CorrelationFigure) -> String {
                    transition(figure.text(figure.value(old)), figure.text(figure.value(new)))
                }
                table.append([
                    cell(new.group), pair(new), figure(.n), figure(.pearsonR), figure(.spearmanRho),
                    transition(interval(old), interval(new)), figure(.pValue),
                    transition(old.strength.map(cell) ?? PeopleNumbers.missing,
                               new.strength.map(cell) ?? PeopleNumbers.missing),
                    change.notes.map(\.words).joined(separator: "; "),
                ])
            }
            text += table.text + "\n"
        }
        text += pairList("Only in the new run", correlations.added)
        text += pairList("Only in the old run", correlations.removed)
        text += "\(counted(correlations.unchangedCount, "other correlation", "other correlations")) unchanged.\n"
        return [text]
    }

    /// `outcome rate ~ cost per outcome`, x and y in the pipeline's order.
    static func pair(_ record: CorrelationRecord) -> String {
        "\(metricWords(record.x)) ~ \(metricWords(record.y))"
    }

    static func interval(_ record: CorrelationRecord) -> String {
        guard let low = record.ciLow, let high = record.ciHigh else { return PeopleNumbers.missing }
        return "\(PeopleNumbers.coefficient(low)) to \(PeopleNumbers.coefficient(high))"
    }

    static func pairList(_ title: String, _ records: [CorrelationRecord]) -> String {
        guard !records.isEmpty else { return "" }
        var text = "\(title):\n\n"
        for record in records {
            text += "- \(cell(record.group)) · \(pair(record)): n \(PeopleNumbers.count(record.n)), "
                + "r \(PeopleNumbers.coefficient(record.pearsonR)), ρ \(PeopleNumbers.coefficient(record.spearmanRho)), "
                + "p \(PeopleNumbers.pValue(record.pValue))"
                + (record.strength.map { " (\(cell($0)))" } ?? "") + "\n"
        }
        return text + "\n"
    }
}
