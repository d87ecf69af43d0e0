import Cleaning
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// What was analysed: the input files with their row accounting, the pipeline and
    /// the tool version (the provenance the manifest records).
    var whatWasAnalysed: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("What was analysed")])]
        let inputs = data.inputs
        if !inputs.files.isEmpty {
            // The preamble column appears only when some file had rows above its header (SPEC §4),
            // so a report of plain CSV returns looks as it always did.
            let showPreamble = inputs.files.contains { $0.preambleRows > 0 }
            // Likewise footnote rows under the table (issue 28), counted and skipped, never rejected.
            let showNotes = inputs.files.contains { $0.noteRows > 0 }
            var columns: [(String, ReportTable.Alignment)] = [("Input file", .left)]
            if showPreamble { columns.append(("Preamble rows skipped", .right)) }
            if showNotes { columns.append(("Note rows skipped", .right)) }
            columns += [("Rows read", .right), ("Accepted", .right), ("Rejected", .right), ("SHA-256 (first 12)", .left)]
            var table = ReportTable(caption: [.text("Input files and their rows")], columns)
            for file in inputs.files {
                // File and sheet names are third-party text.
                var name: [Inline] = [.name(file.path)]
                if let sheet = file.sheet { name += [.text(" (sheet “"), .name(sheet), .text("”)")] }
                var row = [name]
                if showPreamble { row.append([.text(HumanNumbers.count(file.preambleRows))]) }
                if showNotes { row.append([.text(HumanNumbers.count(file.noteRows))]) }
                row += [[.text(HumanNumbers.count(file.rowsRead))], [.text(HumanNumbers.count(file.rowsAccepted))],
                        [.text(HumanNumbers.count(file.rowsRejected))], Self.shortHash(file.sha256)]
                table.append(row)
            }
            if inputs.files.count > 1 {
                var total: [[Inline]] = [[.strong([.text("Total")])]]
                if showPreamble { total.append([.text(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.preambleRows }))]) }
                if showNotes { total.append([.text(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.noteRows }))]) }
                total += [[.text(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsRead }))],
                          [.text(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsAccepted }))],
                          [.text(HumanNumbers.count(inputs.files.reduce(0) { $0 + $1.rowsRejected }))], []]
                table.append(total)
            }
            blocks.append(.table(table))
            if inputs.files.contains(where: { Self.baseName($0.path) == "sample-70.csv" }) {
                blocks.append(.note([.strong([.text("Synthetic data.")]), .text(" "), .code("sample-70.csv"),
                    .text(" is a made-up set of 70 returns shaped like the study's sample, for demonstration and "
                        + "testing. Its figures describe no real service.")]))
            }
            if !inputs.warnings.isEmpty {
                blocks.append(.paragraph([.text("Warnings while reading the inputs:")]))
                let shown = inputs.warnings.prefix(ReportLimits.fullList)
                var items = shown.map { Inline.displayText($0) }
                if inputs.warnings.count > shown.count {
                    items.append([.text("… and \(HumanNumbers.count(inputs.warnings.count - shown.count)) more, in "),
                                  .code(RunLayout.ingestInputs), .text(" and "), .code(RunLayout.cleanInputs), .text(".")])
                }
                blocks.append(.bullets(items))
            }
        }
        do {
            let count = CurrentReturnCount(data.services)
            if count.earlier == 0 {
                blocks.append(.paragraph([.text("Services analysed: \(HumanNumbers.count(count.current)) (one per "
                    + "accepted row of "), .code(RunLayout.cleanServices), .text(").")]))
            } else {
                blocks.append(.paragraph([.text("Services analysed: \(HumanNumbers.count(count.current)) (each service's "
                    + "current return: the rows of "), .code(RunLayout.cleanServices), .text(" marked "), .code("current = yes"),
                    .text("; its \(HumanNumbers.count(count.earlier)) earlier returns are compared between periods, not "
                        + "pooled).")]))
            }
        }
        // Third-party text stays out of code spans: escapes do not work inside them.
        blocks.append(.paragraph([.text("Pipeline: “"), .name(pipeline.definition.name), .text("”, file "),
            .name(pipeline.displayPath), .text(" (SHA-256 ")] + Self.shortHash(pipeline.sha256)
            + [.text("). Tool: vfm \(ToolVersion.current).")]))
        blocks += outlierPolicy
        return blocks
    }

    /// Whether outliers entered the statistics (the study checked rather than deleted them).
    private var outlierPolicy: [ReportBlock] {
        guard pipeline.definition.excludeOutliers else {
            return [.paragraph([.text("Outliers are flagged and kept in every statistic, as the study checked them "
                + "with the services rather than deleting them (see "), .emphasis([.text("Flags and rejected rows")]),
                .text(").")])]
        }
        let excluded = data.services.filter(\.excludedFromStatistics)
        let text = "This pipeline excludes outliers from the statistics ("
        var sentence: [Inline] = [.text(text), .code("exclude_outliers = true"),
            .text("): \(HumanNumbers.count(excluded.count)) service(s) are listed in "), .code(RunLayout.cleanServices),
            .text(" but enter no figure")]
        if excluded.isEmpty { return [.paragraph(sentence + [.text(".")])] }
        let shown = excluded.prefix(ReportLimits.fullList)
        sentence.append(.text(shown.count < excluded.count ? "; the first \(HumanNumbers.count(shown.count)):" : ":"))
        return [.paragraph(sentence), .bullets(shown.map(Self.serviceName))]
    }

    /// `Authority — Service (period)`, third-party text.
    static func serviceName(_ service: CleanedService) -> [Inline] {
        serviceName(authority: service.input.authority, service: service.input.service, period: service.input.period)
    }

    static func serviceName(authority: String, service: String, period: String?) -> [Inline] {
        var name: [Inline] = [.displayName(authority.isEmpty ? HumanNumbers.missing : authority), .text(" — "),
                              .displayName(service.isEmpty ? HumanNumbers.missing : service)]
        if let period, !period.isEmpty { name += [.text(" ("), .name(period), .text(")")] }
        return name
    }

    /// The first 12 hex digits in a code span; "—" for anything that is not a hex digest.
    static func shortHash(_ digest: String) -> [Inline] {
        let hex = digest.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        guard hex, !digest.isEmpty else { return [.text(HumanNumbers.missing)] }
        return [.code(String(digest.prefix(12)))]
    }

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
