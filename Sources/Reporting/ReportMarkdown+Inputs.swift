import Tabular
import VFMCore

extension ReportMarkdown {
    /// What was analysed: the input files with their row accounting, the pipeline and
    /// the tool version (the provenance the manifest records).
    var whatWasAnalysed: String {
        var text = "## What was analysed\n\n"
        if let inputs = data.inputs, !inputs.files.isEmpty {
            // The preamble column appears only when some file had rows above its header (SPEC §4),
            // so a report of plain CSV returns looks as it always did.
            let showPreamble = inputs.files.contains { $0.preambleRows > 0 }
            var columns: [(String, MarkdownTable.Alignment)] = [("Input file", .left)]
            if showPreamble { columns.append(("Preamble rows skipped", .right)) }
            columns += [("Rows read", .right), ("Accepted", .right), ("Rejected", .right), ("SHA-256 (first 12)", .left)]
            var table = MarkdownTable(columns)
            for file in inputs.files {
                var name = MarkdownText.escape(file.path)
                if let sheet = file.sheet { name += " (sheet “" + MarkdownText.escape(sheet) + "”)" }
                var row = [name]
                if showPreamble { row.append(HumanNumbers.count(file.preambleRows)) }
                row += [HumanNumbers.count(file.rowsRead), HumanNumbers.count(file.rowsAccepted),
                        HumanNumbers.count(file.rowsRejected), Self.shortHash(file.sha256)]
                table.append(row)
            }
            if inputs.files.count > 1 {
                var total = ["**Total**"]
                if showPreamble { total.append(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.preambleRows })) }
                total += [HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsRead }),
                          HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsAccepted }),
                          HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsRejected }), ""]
                table.append(total)
            }
            text += table.rendered + "\n"
            if inputs.files.contains(where: { Self.baseName($0.path) == "sample-70.csv" }) {
                text += "> **Synthetic data.** `sample-70.csv` is a made-up set of 70 returns shaped like the "
                    + "study's sample, for demonstration and testing. Its figures describe no real service.\n\n"
            }
            if !inputs.warnings.isEmpty {
                text += "Warnings while reading the inputs:\n\n"
                for warning in inputs.warnings { text += "- " + MarkdownText.escape(warning) + "\n" }
                text += "\n"
            }
        } else {
            text += Self.notProduced(RunLayout.ingestInputs) + "\n"
        }
        if let services = data.services {
            text += "Services analysed: \(HumanNumbers.count(services.rows.count)) (one per accepted row of "
                + "`\(RunLayout.cleanServices)`).\n\n"
        }
        // Third-party text stays out of code spans: escapes do not work inside them.
        text += "Pipeline: “\(MarkdownText.escape(pipeline.definition.name))”, file "
            + MarkdownText.escape(pipeline.displayPath) + " (SHA-256 " + Self.shortHash(pipeline.sha256)
            + "). Tool: vfm \(ToolVersion.current).\n\n"
        text += outlierPolicy
        return text
    }

    /// Whether outliers entered the statistics (the study checked rather than deleted them).
    private var outlierPolicy: String {
        guard pipeline.definition.excludeOutliers else {
            return "Outliers are flagged and kept in every statistic, as the study checked them with the "
                + "services rather than deleting them (see *Flags and rejected rows*).\n"
        }
        let excluded = (data.services?.rows ?? []).filter { ServiceGroups.isExcluded($0, excludeOutliers: true) }
        var text = "This pipeline excludes outliers from the statistics (`exclude_outliers = true`): "
            + "\(HumanNumbers.count(excluded.count)) service(s) are listed in `clean/services.csv` but enter no figure"
        if excluded.isEmpty { return text + ".\n" }
        text += ":\n\n"
        for row in excluded { text += "- " + Self.serviceName(row) + "\n" }
        return text
    }

    /// `Authority — Service (period)`, escaped.
    static func serviceName(_ row: RunTable.Row) -> String {
        var name = MarkdownText.escape(row.text("authority") ?? HumanNumbers.missing) + " — "
            + MarkdownText.escape(row.text("service") ?? HumanNumbers.missing)
        if let period = row.text("period") { name += " (" + MarkdownText.escape(period) + ")" }
        return name
    }

    /// The first 12 hex digits in a code span; "—" for anything that is not a hex digest.
    static func shortHash(_ digest: String) -> String {
        let hex = digest.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        guard hex, !digest.isEmpty else { return HumanNumbers.missing }
        return "`" + String(digest.prefix(12)) + "`"
    }

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
