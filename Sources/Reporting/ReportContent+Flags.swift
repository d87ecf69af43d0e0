import Cleaning
import Returns
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// Every rejected row and every flag with its reason for a study-sized run, so nothing
    /// is lost silently; above `ReportLimits.fullList` rows, the count per rule with a few
    /// examples each and a link to the file that lists them all.
    var flagsAndRejects: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Flags and rejected rows")]),
                                     .heading(level: 3, [.text("Rejected rows")])]
        if data.rejected.isEmpty {
            blocks.append(.paragraph([.text("No row was rejected.")]))
        } else {
            blocks.append(.paragraph([.text("These rows entered no figure. Correct them in the return and run again.")]))
            blocks += rejectedRows(data.rejected)
        }
        blocks.append(.heading(level: 3, [.text("Flags")]))
        let flags = data.flags, services = data.services
        func flag(_ position: RunData.FlagPosition) -> ServiceFlag {
            services[Int(position.service)].flags[Int(position.flag)]
        }
        if flags.isEmpty { return blocks + [.paragraph([.text("No service was flagged.")])] }
        blocks.append(.paragraph([.text("Flagged services are kept in the figures unless the pipeline says otherwise; "
            + "check the figure with the service.")]))
        var summary = ReportTable(caption: [.text("Flags raised, by rule")],
                                  [("Rule", .left), ("Severity", .left), ("Flags", .right)])
        let byRule = RuleCount(flags, key: { position in
            // Each field read in place: no copy of the flag (its texts retained) per flag.
            FlagKind(rule: services[Int(position.service)].flags[Int(position.flag)].rule,
                     severity: services[Int(position.service)].flags[Int(position.flag)].severity)
        }, text: { [$0.rule.rawValue, $0.severity.rawValue] })
        for key in byRule.keysSorted {
            summary.append([[.name(key.rule.rawValue)], [.name(key.severity.rawValue)],
                            [.text(HumanNumbers.count(byRule.counts[key]))]])
        }
        blocks.append(.table(summary))
        var rows = flags
        if flags.count > ReportLimits.fullList {
            blocks.append(.paragraph([.text("The first \(ReportLimits.examplesPerRule) flags of each rule; all "
                + "\(HumanNumbers.count(flags.count)) are in "),
                .link([.code(RunLayout.cleanFlags)], .runFile(RunLayout.cleanFlags)), .text(".")]))
            rows = byRule.keysSorted.flatMap { byRule.examples[$0] ?? [] }
        }
        var table = ReportTable(caption: [.text(rows.count < flags.count ? "Examples of flags, by rule" : "Every flag")],
                                [("Service", .left), ("Source", .left), ("Rule", .left), ("Severity", .left),
                                 ("Reason", .left)])
        for position in rows {
            let service = services[Int(position.service)], raised = flag(position)
            table.append([Self.serviceName(service), [.name(service.input.source.description)], [.name(raised.rule.rawValue)],
                          [.name(raised.severity.rawValue)], Inline.displayText(raised.message)])
        }
        return blocks + [.table(table)]
    }

    private func rejectedRows(_ rejected: [RejectedRow]) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var rows = rejected
        if rejected.count > ReportLimits.fullList {
            let byRule = RuleCount(rejected, key: \.rule, text: { [$0.rawValue] })
            var counts = ReportTable(caption: [.text("Rejected rows, by rule")], [("Rule", .left), ("Rows", .right)])
            for key in byRule.keysSorted {
                counts.append([[.name(key.rawValue)], [.text(HumanNumbers.count(byRule.counts[key]))]])
            }
            blocks.append(.table(counts))
            blocks.append(.paragraph([.text("The first \(ReportLimits.examplesPerRule) rows of each rule; all "
                + "\(HumanNumbers.count(rejected.count)) are in "),
                .link([.code(RunLayout.cleanRejected)], .runFile(RunLayout.cleanRejected)), .text(".")]))
            rows = byRule.keysSorted.flatMap { byRule.examples[$0] ?? [] }
        }
        var table = ReportTable(caption: [.text(rows.count < rejected.count ? "Examples of rejected rows, by rule"
                                                                              : "Every rejected row")],
                                [("Source", .left), ("Rule", .left), ("Reason", .left)])
        for row in rows {
            table.append([[.name(row.source.description)], [.name(row.rule.rawValue)], Inline.displayText(row.message)])
        }
        return blocks + [.table(table)]
    }

    /// Every descriptive statistic, for readers who want more than the means.
    var descriptivesAppendix: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Appendix: descriptive statistics")])]
        let descriptives = data.descriptives
        blocks.append(.paragraph([.text("SD is the sample standard deviation (n − 1); it needs at least 2 services.")]))
        var table = ReportTable(caption: [.text("Descriptive statistics, by group and measure")],
                                [("Services", .left), ("Measure", .left), ("n", .right), ("Mean", .right),
                                 ("SD", .right), ("Min", .right), ("Median", .right), ("Max", .right),
                                 ("Mean − 1 SD", .right), ("Mean + 1 SD", .right)])
        for row in descriptives {
            let metric = row.metric.rawValue
            let figure = { (value: Double?) in HumanNumbers.figure(value, metric: metric) }
            table.append([Self.groupCell(row.group), [.name(Labels.metric(metric))]]
                + [Self.nText(row.n), figure(row.mean), figure(row.sd), figure(row.minimum), figure(row.median),
                   figure(row.maximum), figure(row.bandLow), figure(row.bandHigh)].map { [.text($0)] })
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

/// Rows counted by a key (rule, or rule and severity), with the first few rows of each
/// key as examples; keys sorted by their texts' UTF-8 bytes (`text`, the words the report
/// prints). The key is the rule itself, not its words: counting 175,000 flags by arrays of
/// strings took 26 ms of the report at 10^5 services, on one core (issue 25).
struct RuleCount<Row, Key: Hashable> {
    private(set) var counts: [Key: Int] = [:]
    private(set) var examples: [Key: [Row]] = [:]
    let keysSorted: [Key]
    private static var fewKinds: Int { 32 }

    /// Kinds are few (rules, and rules with a severity) and rows many (1.7 million flags
    /// at 10⁶ services): each row's kind is found among those seen so far by `==`, the
    /// last one first, rather than hashed into two dictionaries per row (a tenth of the
    /// report's own thread); past `fewKinds` kinds, through an index by hash.
    init(_ rows: [Row], key: (Row) -> Key, text: (Key) -> [String]) {
        var kinds: [Key] = [], tallies: [Int] = [], samples: [[Row]] = []
        var indexOf: [Key: Int] = [:]
        var last = -1
        for row in rows {
            let k = key(row)
            var index = last
            if index < 0 || kinds[index] != k {
                if let found = kinds.count > Self.fewKinds ? indexOf[k] : kinds.firstIndex(of: k) {
                    index = found
                } else {
                    index = kinds.count
                    kinds.append(k)
                    tallies.append(0)
                    samples.append([])
                    if kinds.count > Self.fewKinds { indexOf = Dictionary(uniqueKeysWithValues: zip(kinds, kinds.indices)) }
                }
            }
            last = index
            tallies[index] += 1
            if samples[index].count < ReportLimits.examplesPerRule { samples[index].append(row) }
        }
        counts = Dictionary(uniqueKeysWithValues: zip(kinds, tallies))
        examples = Dictionary(uniqueKeysWithValues: zip(kinds, samples))
        let texts = counts.keys.map { ($0, text($0)) }
        keysSorted = texts.sorted { $0.1.lexicographicallyPrecedes($1.1) { ByteOrder.precedes($0, $1) } }.map(\.0)
    }
}

/// What a flag is, for counting: its rule and severity.
struct FlagKind: Hashable {
    let rule: FlagRule
    let severity: FlagSeverity
}
