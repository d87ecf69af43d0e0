import Tabular

/// The Markdown a reviewer reads (SPEC §3 `vfm-diff`): provenance first, then a summary,
/// then only what changed — headline figures side by side with absolute and relative
/// change, correlations that a reader would see change, benchmark positions, services,
/// flags and rejected rows. Unchanged figures are counted, not listed. Deterministic:
/// the same two runs always give the same bytes (LF, UTF-8, no dates or machine paths
/// beyond the run names the caller gives).
public enum RunDiffReport {
    public static func markdown(_ comparison: RunComparison) -> String {
        var sections: [String] = []
        sections.append("# Run comparison\n\nOld run: \(cell(comparison.old.label))  \nNew run: \(cell(comparison.new.label))\n")
        sections.append(summary(comparison))
        if comparison.hasDifferences {
            // A reviewer's order: what changed in the data, then what it did to the findings.
            sections.append(contentsOf: services(comparison))
            sections.append(contentsOf: rejects(comparison))
            sections.append(contentsOf: flags(comparison))
            sections.append(contentsOf: dataTables(comparison))
            sections.append(contentsOf: headline(comparison))
            sections.append(contentsOf: benchmark(comparison))
            sections.append(contentsOf: correlations(comparison))
        }
        sections.append(provenance(comparison))
        return sections.joined(separator: "\n")
    }

    static func summary(_ comparison: RunComparison) -> String {
        let options = comparison.options
        let tolerance = "Threshold: " + options.description + ".\n"
        let figuresChanged = comparison.headline.reduce(0) { $0 + $1.changed.count }
        let figuresUnchanged = comparison.headline.reduce(0) { $0 + $1.unchangedCount }
        let rowsAdded = comparison.headline.reduce(0) { $0 + $1.added.count }
        let rowsRemoved = comparison.headline.reduce(0) { $0 + $1.removed.count }
        let correlations = comparison.correlations, services = comparison.services
        let flags = comparison.flags, rejects = comparison.rejects
        let hasServices = comparison.new.hasServices
        guard comparison.hasDifferences else {
            guard hasServices else {
                return "## Summary\n\nNo differences.\n\n" + "\(counted(figuresUnchanged, "figure", "figures")) and "
                    + "\(counted(rejects.unchangedCount, "rejected row", "rejected rows")) are the same in both runs. "
                    + tolerance
            }
            return "## Summary\n\nNo differences.\n\n"
                + "\(counted(figuresUnchanged, "figure", "figures")), "
                + "\(counted(correlations.unchangedCount, "correlation", "correlations")), "
                + "\(counted(services.unchangedCount, "service", "services")), "
                + "\(counted(flags.unchangedCount, "flag", "flags")) and "
                + "\(counted(rejects.unchangedCount, "rejected row", "rejected rows")) are the same in both runs. "
                + tolerance
        }
        var lines = ["## Summary", ""]
        if let pairing = comparison.periodPairing {
            lines.append("- Periods: \(cell(pairing.old)) compared with \(cell(pairing.new)) (each run's current "
                         + "returns, paired by authority and service; earlier returns are not compared service by service).")
        }
        lines.append(contentsOf: headlineMovement(comparison))
        if hasServices {
            lines.append("- Services: \(PeopleNumbers.count(services.added.count)) added, "
                         + "\(PeopleNumbers.count(services.removed.count)) removed, "
                         + "\(PeopleNumbers.count(services.changed.count)) changed, "
                         + "\(PeopleNumbers.count(services.unchangedCount)) unchanged.")
        }
        // The data files a schema describes (a survey's responses and areas): rows and figures.
        for table in comparison.headline where table.table.isData && table.presence == .both {
            let changedRows = Set(table.changed.map(\.key) + table.relabelled.map(\.key)).count
            lines.append("- `\(table.table.relativePath)`: \(PeopleNumbers.count(table.added.count)) rows only in the new "
                         + "run, \(PeopleNumbers.count(table.removed.count)) only in the old run, "
                         + "\(PeopleNumbers.count(changedRows)) changed.")
        }
        lines.append("- Rejected rows: \(PeopleNumbers.count(rejects.new.count)) new, "
                     + "\(PeopleNumbers.count(rejects.resolved.count)) resolved, "
                     + "\(PeopleNumbers.count(rejects.unchangedCount)) in both runs.")
        if hasServices {
            lines.append("- Flags: \(PeopleNumbers.count(flags.new.count)) new, "
                         + "\(PeopleNumbers.count(flags.resolved.count)) resolved, "
                         + "\(PeopleNumbers.count(flags.unchangedCount)) in both runs.")
        }
        lines.append("- Figures: \(PeopleNumbers.count(figuresChanged)) changed, "
                     + "\(PeopleNumbers.count(figuresUnchanged)) unchanged; "
                     + "\(counted(rowsAdded, "row", "rows")) only in the new run, "
                     + "\(PeopleNumbers.count(rowsRemoved)) only in the old run.")
        for (presence, words) in [(HeadlineComparison.Presence.onlyNew, "new"), (.onlyOld, "old")] {
            let files = comparison.headline.filter { $0.presence == presence }.map { "`\($0.table.relativePath)`" }
            if !files.isEmpty {
                lines.append("- Tables only in the \(words) run (not compared): " + files.joined(separator: ", ") + ".")
            }
        }
        if hasServices {
            lines.append("- Benchmark positions: \(PeopleNumbers.count(comparison.benchmark.changed.count)) changed.")
            lines.append("- Correlations: \(PeopleNumbers.count(correlations.changed.count)) changed, "
                         + "\(PeopleNumbers.count(correlations.unchangedCount)) unchanged; "
                         + "\(PeopleNumbers.count(correlations.added.count)) only in the new run, "
                         + "\(PeopleNumbers.count(correlations.removed.count)) only in the old run.")
        }
        return lines.joined(separator: "\n") + "\n\n" + tolerance
    }

    /// The report's "In brief" figures old → new (mean cost per person, per job outcome,
    /// outcome rate; all services and evidence-based), so the summary says how the
    /// headline moved, not only how many figures did.
    static func headlineMovement(_ comparison: RunComparison) -> [String] {
        guard let old = comparison.old.headline[.descriptives], let new = comparison.new.headline[.descriptives] else {
            return []
        }
        let table = HeadlineTable.descriptives
        guard let meanColumn = table.figureColumns.firstIndex(where: { $0.column == "mean" }),
              let nColumn = table.figureColumns.firstIndex(where: { $0.column == "n" }) else { return [] }
        func row(_ rows: [FigureRow], _ group: String, _ metric: String) -> FigureRow? {
            rows.first { $0.key == [group, metric] }
        }
        var lines: [String] = []
        for (metric, words) in [("cost_per_person", "Mean cost per person supported"),
                                ("cost_per_outcome", "Mean cost per job outcome"),
                                ("outcome_rate", "Mean job outcome rate")] {
            let format = FigureFormat.metric(metric)
            var parts: [String] = []
            for (group, label) in [("all", ""), ("evidence_based", "evidence-based services ")] {
                guard let before = row(old, group, metric), let after = row(new, group, metric) else { continue }
                let (a, b) = (before.values[meanColumn], after.values[meanColumn])
                var text = label + format.text(a) + " → " + format.text(b)
                if format.text(a) != format.text(b) {
                    text += " (" + PeopleNumbers.change(from: a, to: b, format: format) + ")"
                }
                text += ", n " + FigureFormat.whole.text(before.values[nColumn]) + " → "
                    + FigureFormat.whole.text(after.values[nColumn])
                parts.append(text)
            }
            if !parts.isEmpty { lines.append("- \(words): " + parts.joined(separator: "; ") + ".") }
        }
        return lines
    }
}
