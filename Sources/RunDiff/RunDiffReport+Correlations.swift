extension RunDiffReport {
    static func correlations(_ comparison: RunComparison) -> [String] {
        let correlations = comparison.correlations
        guard correlations.hasDifferences else { return [] }
        var text = "## Correlations\n\n"
        if !correlations.changed.isEmpty {
            var table = MarkdownTable(["group", "pair", "n", "Pearson r", "95% CI", "strength", "what changed"])
            for change in correlations.changed {
                let old = change.old, new = change.new
                let oldR = PeopleNumbers.coefficient(old.pearsonR), newR = PeopleNumbers.coefficient(new.pearsonR)
                let r = transition(oldR, newR)
                // The change is shown when both are defined and it shows at two decimals.
                let moved = old.pearsonR != nil && new.pearsonR != nil && oldR != newR
                table.append([
                    cell(new.group), pair(new),
                    transition(PeopleNumbers.count(old.n), PeopleNumbers.count(new.n)),
                    moved ? r + " (\(PeopleNumbers.coefficientChange(from: old.pearsonR, to: new.pearsonR)))" : r,
                    transition(interval(old), interval(new)),
                    transition(old.strength.map(cell) ?? PeopleNumbers.missing,
                               new.strength.map(cell) ?? PeopleNumbers.missing),
                    change.reasons.map { reason($0, new: new, options: comparison.options) }.joined(separator: "; "),
                ])
            }
            text += table.text + "\n"
        }
        text += pairList("Only in the new run", correlations.added)
        text += pairList("Only in the old run", correlations.removed)
        text += "\(counted(correlations.unchangedCount, "other correlation", "other correlations")) unchanged "
            + "(r within ±\(PeopleNumbers.coefficient(comparison.options.rTolerance)), same n, sign, strength and CI against 0).\n"
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

    static func reason(_ reason: CorrelationChangeReason, new: CorrelationRecord, options: DiffOptions) -> String {
        switch reason {
        case .nChanged: return "n changed"
        case .rMoved: return "r moved by more than \(PeopleNumbers.coefficient(options.rTolerance))"
        case .rDefinedInOneRunOnly: return new.pearsonR == nil ? "r now undefined" : "r now defined"
        case .signFlipped: return "sign flipped"
        case .strengthChanged: return "strength changed"
        case .ciExcludesZero(let now): return now ? "CI now excludes 0" : "CI now includes 0"
        }
    }

    static func pairList(_ title: String, _ records: [CorrelationRecord]) -> String {
        guard !records.isEmpty else { return "" }
        var text = "\(title):\n\n"
        for record in records {
            text += "- \(cell(record.group)) · \(pair(record)): n \(PeopleNumbers.count(record.n)), "
                + "r \(PeopleNumbers.coefficient(record.pearsonR))"
                + (record.strength.map { " (\(cell($0)))" } ?? "") + "\n"
        }
        return text + "\n"
    }
}
