import Cleaning
import Tabular
import VFMCore

extension ReportContent {
    /// Every rejected row and every flag with its reason for a study-sized run, so nothing
    /// is lost silently; above `ReportLimits.fullList` rows, the count per rule with a few
    /// examples each and a link to the file that lists them all.
    var flagsAndRejects: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Flags and rejected rows")]),
                                     .heading(level: 3, [.text("Rejected rows")])]
        if let rejected = data.rejected {
            if rejected.rows.isEmpty {
                blocks.append(.paragraph([.text("No row was rejected.")]))
            } else {
                blocks.append(.paragraph([.text("These rows entered no figure. Correct them in the return and run again.")]))
                blocks += rejectedRows(rejected)
            }
        } else {
            blocks.append(Self.notProduced(RunLayout.cleanRejected))
        }
        blocks.append(.heading(level: 3, [.text("Flags")]))
        guard let flags = data.flags else { return blocks + [Self.notProduced(RunLayout.cleanFlags)] }
        if flags.rows.isEmpty { return blocks + [.paragraph([.text("No service was flagged.")])] }
        blocks.append(.paragraph([.text("Flagged services are kept in the figures unless the pipeline says otherwise; "
            + "check the figure with the service.")]))
        var summary = ReportTable(caption: [.text("Flags raised, by rule")],
                                  [("Rule", .left), ("Severity", .left), ("Flags", .right)])
        let byRule = data.typedServices.map { RuleCount(flagsOf: $0, table: flags) }
            ?? RuleCount(flags, key: { [$0.text("rule") ?? "", $0.text("severity") ?? ""] })
        for key in byRule.keysSorted {
            summary.append([[.name(key[0])], [.name(key[1])], [.text(HumanNumbers.count(byRule.counts[key]))]])
        }
        blocks.append(.table(summary))
        let rows: [RunTable.Row]
        if flags.rows.count > ReportLimits.fullList {
            blocks.append(.paragraph([.text("The first \(ReportLimits.examplesPerRule) flags of each rule; all "
                + "\(HumanNumbers.count(flags.rows.count)) are in "),
                .link([.code(RunLayout.cleanFlags)], .runFile(RunLayout.cleanFlags)), .text(".")]))
            rows = byRule.keysSorted.flatMap { byRule.examples[$0] ?? [] }
        } else {
            rows = Array(flags.rows)
        }
        var table = ReportTable(caption: [.text(rows.count < flags.rows.count ? "Examples of flags, by rule" : "Every flag")],
                                [("Service", .left), ("Source", .left), ("Rule", .left), ("Severity", .left),
                                 ("Reason", .left)])
        for row in rows {
            table.append([Self.serviceName(row), [.name(row.text("source") ?? "")], [.name(row.text("rule") ?? "")],
                          [.name(row.text("severity") ?? "")], Inline.displayText(row.text("message") ?? "")])
        }
        return blocks + [.table(table)]
    }

    private func rejectedRows(_ rejected: RunTable) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var rows = Array(rejected.rows)
        if rejected.rows.count > ReportLimits.fullList {
            let byRule = RuleCount(rejected, key: { [$0.text("rule") ?? ""] })
            var counts = ReportTable(caption: [.text("Rejected rows, by rule")], [("Rule", .left), ("Rows", .right)])
            for key in byRule.keysSorted { counts.append([[.name(key[0])], [.text(HumanNumbers.count(byRule.counts[key]))]]) }
            blocks.append(.table(counts))
            blocks.append(.paragraph([.text("The first \(ReportLimits.examplesPerRule) rows of each rule; all "
                + "\(HumanNumbers.count(rejected.rows.count)) are in "),
                .link([.code(rejected.file)], .runFile(rejected.file)), .text(".")]))
            rows = byRule.keysSorted.flatMap { byRule.examples[$0] ?? [] }
        }
        var table = ReportTable(caption: [.text(rows.count < rejected.rows.count ? "Examples of rejected rows, by rule"
                                                                                   : "Every rejected row")],
                                [("Source", .left), ("Rule", .left), ("Reason", .left)])
        for row in rows {
            let source = (row.text("source_file") ?? HumanNumbers.missing) + ":" + (row.text("line") ?? "")
            table.append([[.name(source)], [.name(row.text("rule") ?? "")], Inline.displayText(row.text("message") ?? "")])
        }
        return blocks + [.table(table)]
    }

    /// Every descriptive statistic, for readers who want more than the means.
    var descriptivesAppendix: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Appendix: descriptive statistics")])]
        guard let descriptives = data.descriptives else { return blocks + [Self.notProduced(RunLayout.descriptives)] }
        blocks.append(.paragraph([.text("SD is the sample standard deviation (n − 1); it needs at least 2 services.")]))
        var table = ReportTable(caption: [.text("Descriptive statistics, by group and measure")],
                                [("Services", .left), ("Measure", .left), ("n", .right), ("Mean", .right),
                                 ("SD", .right), ("Min", .right), ("Median", .right), ("Max", .right),
                                 ("Mean − 1 SD", .right), ("Mean + 1 SD", .right)])
        for row in descriptives.rows {
            let metric = row.text("metric") ?? ""
            let figure = { (column: String) in HumanNumbers.figure(row.number(column), metric: metric) }
            table.append([Self.groupCell(row.text("group") ?? ""), [.name(Labels.metric(metric))]]
                + [HumanNumbers.count(row.count("n")), figure("mean"), figure("sd"), figure("min"), figure("median"),
                   figure("max"), figure("band_low"), figure("band_high")].map { [.text($0)] })
        }
        return blocks + [.table(table)]
    }

    /// Every chart of the run, linked.
    var chartList: [ReportBlock] {
        let heading = ReportBlock.heading(level: 2, [.text("Charts")])
        if charts.all.isEmpty { return [heading, .paragraph([.text("No chart was drawn (no table had enough services).")])] }
        return [heading, .chartList(charts.all)]
    }
}

/// Rows of a table counted by a key (rule, or rule and severity), with the first few
/// rows of each key as examples; keys sorted by their UTF-8 bytes.
struct RuleCount {
    private(set) var counts: [[String]: Int] = [:]
    private(set) var examples: [[String]: [RunTable.Row]] = [:]
    let keysSorted: [[String]]

    init(_ table: RunTable, key: (RunTable.Row) -> [String]) {
        for row in table.rows {
            let k = key(row)
            counts[k, default: 0] += 1
            if examples[k, default: []].count < ReportLimits.examplesPerRule { examples[k, default: []].append(row) }
        }
        keysSorted = Self.sorted(counts.keys)
    }

    /// The flags of `services` (the rows of `table`, `clean/flags.csv`) by rule and
    /// severity, counted on the typed rule and severity in one pass: the same counts and
    /// examples as the key `[rule, severity]` of the file's cells.
    init(flagsOf services: [CleanedService], table: RunTable) {
        struct Key: Hashable {
            var rule: FlagRule
            var severity: FlagSeverity
        }
        var typedCounts: [Key: Int] = [:]
        var typedExamples: [Key: [Int]] = [:]
        var position = 0
        for service in services {
            for flag in service.flags {
                let key = Key(rule: flag.rule, severity: flag.severity)
                typedCounts[key, default: 0] += 1
                if typedExamples[key, default: []].count < ReportLimits.examplesPerRule {
                    typedExamples[key, default: []].append(position)
                }
                position += 1
            }
        }
        for (key, n) in typedCounts {
            let text = [key.rule.rawValue, key.severity.rawValue]
            counts[text, default: 0] += n
            for row in typedExamples[key] ?? [] {
                examples[text, default: []].append(table.rows[row])
            }
        }
        keysSorted = Self.sorted(counts.keys)
    }

    private static func sorted(_ keys: Dictionary<[String], Int>.Keys) -> [[String]] {
        keys.sorted { $0.lexicographicallyPrecedes($1) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }
}
