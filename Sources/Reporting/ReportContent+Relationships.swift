import Analysis
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// Study Chart 8, Table 7, Charts 11–12 and the support-level analysis: every
    /// correlation pair of the pipeline, per group, with r, its 95% CI, p, ρ, n and a word.
    var relationships: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Relationships between the measures (study Chart 8, "
            + "Table 7, Charts 11–12, support levels)")])]
        let correlations = data.correlations
        blocks.append(.paragraph([.text("r is Pearson's correlation coefficient with its 95% confidence interval "
            + "(Fisher z) and two-sided p-value; ρ is Spearman's rank correlation, which extreme costs sway less. "
            + "Strength words describe |r|: ")] + strengthScale + [.text(". A figure needs at least 3 services "
            + "(the interval at least 4); “—” means there were too few.")]))
        let allPairs = Self.pairs(in: correlations)
        for pair in allPairs.prefix(Self.maximumPairs) {
            var heading: [Inline] = [.name(Labels.metric(pair.y)), .text(" against "), .name(Labels.metricInSentence(pair.x))]
            if let reference = Labels.studyReference(x: pair.x, y: pair.y) { heading.append(.text(" (" + reference + ")")) }
            blocks.append(.heading(level: 3, heading))
            if let all = pair.rows.first(where: { $0.group == "all" }) {
                blocks.append(.paragraph(Self.headline(all)))
            }
            var table = ReportTable(caption: Array(heading.prefix(3)) + [.text(", by group")],
                                    [("Services", .left), ("n", .right), ("r", .right), ("95% CI", .right),
                                     ("p", .right), ("ρ", .right), ("Strength", .left), ("Chart", .left)])
            var figures: [ChartFigure] = []
            for row in pair.rows.prefix(Self.maximumGroupsPerPair) {
                let chart = charts.scatter[ChartIndex.Key(group: row.group, x: pair.x, y: pair.y)]
                if let chart { figures.append(chart) }
                let figures: [String] = [Self.nText(row.n), HumanNumbers.coefficient(row.pearsonR),
                                         Self.interval(row.ciLow, row.ciHigh), HumanNumbers.pValue(row.pValue),
                                         HumanNumbers.coefficient(row.spearmanRho)]
                let strength: [Inline] = [.name(row.strength ?? HumanNumbers.missing)]
                let link: [Inline] = chart.map { [.link([.text("scatter")], .chart($0.file))] } ?? []
                table.append([Self.groupCell(row.group)] + figures.map { [.text($0)] } + [strength, link])
            }
            blocks.append(.table(table))
            if pair.rows.count > Self.maximumGroupsPerPair {
                blocks.append(.paragraph([.text("\(HumanNumbers.count(pair.rows.count - Self.maximumGroupsPerPair)) more groups "
                    + "are not shown here; every group's figures are in "), .code(RunLayout.correlations), .text(".")]))
            }
            if !figures.isEmpty { blocks.append(.figures(figures)) }
        }
        if allPairs.count > Self.maximumPairs || charts.scattersNotDrawn > 0 {
            var note = ""
            if allPairs.count > Self.maximumPairs {
                note += "The pipeline names \(HumanNumbers.count(allPairs.count)) pairs of measures; the first "
                    + "\(Self.maximumPairs) are shown above. "
            }
            if charts.scattersNotDrawn > 0 {
                note += "The page draws at most \(ChartPlan.maximumScatters) scatter charts, and no more than fit in "
                    + "\(ChartPlan.inlineChartBytes / 1_000_000) MB; "
                    + "\(HumanNumbers.count(charts.scattersNotDrawn)) more were not drawn. "
            }
            blocks.append(.paragraph([.text(note + "Every pair's figures, for every group, are in "), .code(RunLayout.correlations),
                                      .text(".")]))
        }
        return blocks
    }

    /// What one page shows of the correlations, whatever the pipeline asks for: the
    /// built-in pipeline has 9 pairs and 5 groups; a pipeline of 132 pairs × 60 groups made
    /// a 1.72 GB page (issue 31). The table has them all.
    static let maximumPairs = 40
    static let maximumGroupsPerPair = 12

    /// The study's way of quoting a correlation, for all services:
    /// `All services: r = −0.58 (95% CI −0.72 to −0.40), p < 0.001, n = 68 — strong.`
    static func headline(_ row: CorrelationRow) -> [Inline] {
        let n = HumanNumbers.count(row.n)
        guard let r = row.pearsonR else {
            return [.text("All services: too few services with both figures for a correlation (n = \(n)).")]
        }
        var text = "All services: r = " + HumanNumbers.coefficient(r)
        if let low = row.ciLow, let high = row.ciHigh {
            text += " (95% CI " + interval(low, high) + ")"
        }
        if let p = row.pValue {
            let shown = HumanNumbers.pValue(p)
            text += ", p " + (shown.hasPrefix("<") ? shown : "= " + shown)
        }
        text += ", n = \(n)"
        var inlines: [Inline] = [.text(text)]
        if let word = row.strength { inlines += [.text(" — "), .name(word)] }
        var end = "."
        if row.n < Self.fewServices {
            end += " With fewer than \(Self.fewServices) services a correlation says little; read it with caution."
        }
        return inlines + [.text(end)]
    }

    /// `−0.72 to −0.40`.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard low != nil, high != nil else { return HumanNumbers.missing }
        return HumanNumbers.coefficient(low) + " to " + HumanNumbers.coefficient(high)
    }

    /// The pipeline's strength scale in words: `|r| ≥ 0.70 strong, ≥ 0.40 moderate…`.
    private var strengthScale: [Inline] {
        let scale = pipeline.definition.strengthScale
        guard !scale.isEmpty else {
            return [.text("as in the "), .code("strength"), .text(" column of "), .code(RunLayout.correlations)]
        }
        var inlines: [Inline] = []
        for (position, step) in scale.enumerated() {
            inlines += [.text((position == 0 ? "" : ", ") + "≥ " + HumanNumbers.decimal(step.minimum, decimals: 2) + " "),
                        .name(step.word)]
        }
        return inlines
    }

    /// The (x, y) pairs in the order the analysis wrote them (the pipeline's order), each
    /// with its rows in table order: one pass over the table.
    static func pairs(in table: [CorrelationRow]) -> [(x: String, y: String, rows: [CorrelationRow])] {
        var order: [RunIndex.PairKey] = []
        var rows: [RunIndex.PairKey: [CorrelationRow]] = [:]
        for row in table {
            let key = RunIndex.PairKey(group: "", x: row.x.rawValue, y: row.y.rawValue)
            if rows[key] == nil { order.append(key) }
            rows[key, default: []].append(row)
        }
        return order.map { ($0.x, $0.y, rows[$0] ?? []) }
    }
}
