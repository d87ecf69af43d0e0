import Tabular
import VFMCore

extension ReportMarkdown {
    /// Study Chart 8, Table 7, Charts 11–12 and the support-level analysis: every
    /// correlation pair of the pipeline, per group, with r, its 95% CI, p, ρ, n and a word.
    var relationships: String {
        var text = "## Relationships between the measures (study Chart 8, Table 7, Charts 11–12, support levels)\n\n"
        guard let correlations = data.correlations else { return text + Self.notProduced(RunLayout.correlations) }
        text += "r is Pearson's correlation coefficient with its 95% confidence interval (Fisher z) and "
            + "two-sided p-value; ρ is Spearman's rank correlation, which extreme costs sway less. "
            + "Strength words describe |r|: " + strengthScale + ". A figure needs at least 3 services "
            + "(the interval at least 4); “—” means there were too few.\n\n"
        for pair in pairs(in: correlations) {
            text += "### " + MarkdownText.escape(Labels.metric(pair.y)) + " against "
                + MarkdownText.escape(Labels.metricInSentence(pair.x))
            if let reference = Labels.studyReference(x: pair.x, y: pair.y) { text += " (" + reference + ")" }
            text += "\n\n"
            if let all = correlations.rows.first(where: { $0.text("group") == "all" && $0.text("x") == pair.x && $0.text("y") == pair.y }) {
                text += Self.headline(all) + "\n\n"
            }
            var table = MarkdownTable([("Services", .left), ("n", .right), ("r", .right), ("95% CI", .right),
                                       ("p", .right), ("ρ", .right), ("Strength", .left), ("Chart", .left)])
            for row in correlations.rows where row.text("x") == pair.x && row.text("y") == pair.y {
                let group = row.text("group") ?? ""
                let chart = charts.scatter[ChartIndex.Key(group: group, x: pair.x, y: pair.y)]
                table.append([Self.groupCell(group), HumanNumbers.count(row.count("n")),
                              HumanNumbers.coefficient(row.number("pearson_r")),
                              Self.interval(row.number("ci_low"), row.number("ci_high")),
                              HumanNumbers.pValue(row.number("p_value")),
                              HumanNumbers.coefficient(row.number("spearman_rho")),
                              MarkdownText.escape(row.text("strength") ?? HumanNumbers.missing),
                              chart.map { Self.link("scatter", chart: $0) } ?? HumanNumbers.missing])
            }
            text += table.rendered + "\n"
        }
        return text
    }

    /// The study's way of quoting a correlation, for all services:
    /// `All services: r = −0.58 (95% CI −0.72 to −0.40), p < 0.001, n = 68 — strong.`
    static func headline(_ row: RunTable.Row) -> String {
        let n = HumanNumbers.count(row.count("n"))
        guard let r = row.number("pearson_r") else {
            return "All services: too few services with both figures for a correlation (n = \(n))."
        }
        var text = "All services: r = " + HumanNumbers.coefficient(r)
        if let low = row.number("ci_low"), let high = row.number("ci_high") {
            text += " (95% CI " + interval(low, high) + ")"
        }
        if let p = row.number("p_value") {
            let shown = HumanNumbers.pValue(p)
            text += ", p " + (shown.hasPrefix("<") ? shown : "= " + shown)
        }
        text += ", n = \(n)"
        if let word = row.text("strength") { text += " — " + MarkdownText.escape(word) }
        text += "."
        if let count = row.count("n"), count < Self.fewServices {
            text += " With fewer than \(Self.fewServices) services a correlation says little; read it with caution."
        }
        return text
    }

    /// Below this n the headline warns (the study's smallest correlations had n = 16).
    static let fewServices = 10

    /// `−0.72 to −0.40`.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard low != nil, high != nil else { return HumanNumbers.missing }
        return HumanNumbers.coefficient(low) + " to " + HumanNumbers.coefficient(high)
    }

    /// The pipeline's strength scale in words: `|r| ≥ 0.70 strong, ≥ 0.40 moderate…`.
    private var strengthScale: String {
        let scale = pipeline.definition.strengthScale
        guard !scale.isEmpty else { return "as in the `strength` column of `tables/correlations.csv`" }
        return scale.map { "≥ " + HumanNumbers.decimal($0.minimum, decimals: 2) + " " + MarkdownText.escape($0.word) }
            .joined(separator: ", ")
    }

    /// The (x, y) pairs in the order the analysis wrote them (the pipeline's order).
    private func pairs(in table: RunTable) -> [(x: String, y: String)] {
        var seen: [(x: String, y: String)] = []
        for row in table.rows {
            guard let x = row.text("x"), let y = row.text("y") else { continue }
            if !seen.contains(where: { $0.x == x && $0.y == y }) { seen.append((x, y)) }
        }
        return seen
    }
}
