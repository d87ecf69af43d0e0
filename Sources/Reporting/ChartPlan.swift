import Tabular
import Cleaning
import PipelineDefinition
import VFMCore

/// The charts a run has, by what they show, so the report can link and show them.
struct ChartIndex {
    struct Key: Hashable {
        var group: String
        var x: String
        var y: String
    }

    var scatter: [Key: ChartFigure] = [:]
    /// metric → its sorted distribution.
    var distributions: [String: ChartFigure] = [:]
    /// metric → whether the distribution shows percentiles rather than every service.
    var percentiles: Set<String> = []
    /// The funnel charts of the period-to-period edits (SPEC §11), one per edit variable.
    var funnels: [ChartFigure] = []
    /// Correlation rows past `ChartPlan.maximumScatters`, whose scatter was not drawn.
    var scattersNotDrawn = 0
    /// Every chart, in the order the report lists them.
    var all: [ChartFigure] = []

    /// The words of the link to a distribution chart.
    func distributionLinkText(_ metric: String) -> String {
        percentiles.contains(metric) ? "chart of the sorted distribution, by percentile" : "chart of every service, sorted"
    }
}

/// Decides and draws the charts from `clean/services.csv` and the tables: one scatter per
/// correlation pair × group with n ≥ 3, and the sorted distributions of cost per person
/// and cost per job outcome (study Charts 6–7). Each group's members and each measure's
/// column are worked out once, however many charts use them.
struct ChartPlan {
    let data: RunData
    let definition: PipelineDefinition
    let index: RunIndex

    func draw() -> ChartIndex {
        var charts = ChartIndex()
        let source = ChartSource(data: data, definition: definition)
        var columns: [String: ChartColumn] = [:]
        func column(_ metric: String) -> ChartColumn {
            if let cached = columns[metric] { return cached }
            let values = source.column(metric)
            columns[metric] = values
            return values
        }
        var memberships: [String: [Int]?] = [:]
        func members(_ group: String) -> [Int]? {
            if let cached = memberships[group] { return cached }
            let found = source.members(of: group)
            memberships[group] = found
            return found
        }
        let evidence = source.evidence
        // Every measure a chart may draw: the outlier flags of each, from one pass.
        var flaggedMetrics = [Metric.costPerPerson.rawValue, Metric.costPerOutcome.rawValue]
        for row in data.correlations {
            for metric in [row.x.rawValue, row.y.rawValue] where !flaggedMetrics.contains(metric) {
                flaggedMetrics.append(metric)
            }
        }
        let outliers = source.outliers(metrics: flaggedMetrics)
        // The measures every chart draws, in one pass over the services.
        columns = source.columns(flaggedMetrics)
        let name = { (row: Int) in source.name(row) }
        let label = { (row: Int) in source.label(row) }

        for metric in [Metric.costPerPerson, .costPerOutcome] {
            guard let rows = members("all") else { continue }
            let values = column(metric.rawValue)
            let points = rows.compactMap { row in values[row].map { ChartPoint(x: 0, y: $0, evidenceBased: evidence[row], row: row) } }
            guard !points.isEmpty else { continue }
            let file = "distribution-\(metric.rawValue).svg"
            let title = Labels.metric(metric.rawValue) + ", every service"
            let mean = index.descriptive(group: "all", metric: metric.rawValue)?.mean
            let chart = DistributionChart(title: title, metric: metric.rawValue, points: points, mean: mean, label: label,
                                          name: name, outliers: outliers[metric.rawValue] ?? [])
            let figure = ChartFigure(file: file, title: [.text(title)], svg: chart.rendered())
            if points.count > ReportLimits.distributionBars { charts.percentiles.insert(metric.rawValue) }
            charts.distributions[metric.rawValue] = figure
            charts.all.append(figure)
        }

        // The scatter charts are drawn on all cores: each reads only the columns and groups
        // worked out above and is kept or not in table order, so the page is the same.
        struct Scatter {
            var group: String, x: String, y: String
            var rows: [Int]
            var title: String, pearsonR: Double?
        }
        var scatters: [Scatter] = []
        for row in data.correlations {
            guard scatters.count < Self.maximumScatters else { charts.scattersNotDrawn += 1; continue }
            let group = row.group, x = row.x.rawValue, y = row.y.rawValue
            guard row.n >= 3, let rows = members(group) else { continue }
            _ = column(x)
            _ = column(y)
            scatters.append(Scatter(group: group, x: x, y: y, rows: rows,
                                    title: Labels.metric(y) + " against " + Labels.metricInSentence(x),
                                    pearsonR: row.pearsonR))
        }
        let worked = columns
        // The logarithms of each money measure a scatter may draw on a log axis, once for
        // every chart that draws it (a million services in five groups and several pairs
        // would otherwise take tens of millions of them).
        let logMetrics = Set(scatters.flatMap { [$0.x, $0.y] })
            .filter { Metric(rawValue: $0)?.isMoney == true }.sorted()
        let logColumns = Parallel.map(logMetrics.count) { worked[logMetrics[$0]]?.logarithms() }
        var logarithms: [String: [Double]] = [:]
        for (metric, column) in zip(logMetrics, logColumns) { logarithms[metric] = column }
        let drawnScatters = Parallel.map(scatters.count) { position -> (stem: String, figure: ChartFigure)? in
            let scatter = scatters[position]
            guard let xs = worked[scatter.x], let ys = worked[scatter.y] else { return nil }
            // Sized once: grown by doubling, a million points held up to twice their bytes
            // while two charts are drawn at once.
            var points: [ChartPoint] = []
            points.reserveCapacity(scatter.rows.count)
            for service in scatter.rows {
                guard let xValue = xs[service], let yValue = ys[service] else { continue }
                points.append(ChartPoint(x: xValue, y: yValue, evidenceBased: evidence[service], row: service))
            }
            guard points.count >= 3 else { return nil }
            // The file names the measures in the title's order: y against x.
            let stem = "scatter-\(Self.fileSafe(scatter.group))-\(Self.fileSafe(scatter.y))-vs-\(Self.fileSafe(scatter.x))"
            var summary = "n = \(HumanNumbers.count(points.count))"
            if let r = scatter.pearsonR { summary += ", r = " + HumanNumbers.coefficient(r) }
            let chart = ScatterChart(title: scatter.title, groupLabel: Labels.group(scatter.group), xMetric: scatter.x,
                                     yMetric: scatter.y, points: points, name: name,
                                     trend: index.trend(group: scatter.group, x: scatter.x, y: scatter.y),
                                     summary: summary, id: "clip-" + stem,
                                     outliers: (outliers[scatter.x] ?? []).union(outliers[scatter.y] ?? []),
                                     label: label, xLogarithms: logarithms[scatter.x],
                                     yLogarithms: logarithms[scatter.y])
            let figure = ChartFigure(file: stem + ".svg",
                                     title: [.name(scatter.title + " (" + Labels.group(scatter.group) + ")")],
                                     svg: chart.rendered())
            return (stem, figure)
        }
        var drawn: Set<String> = []
        var inlineBytes = charts.all.reduce(0) { $0 + $1.svg.utf8.count }
        for (scatter, result) in zip(scatters, drawnScatters) {
            guard let (stem, figure) = result, !drawn.contains(stem) else { continue }
            inlineBytes += figure.svg.utf8.count
            guard inlineBytes <= Self.inlineChartBytes else { charts.scattersNotDrawn += 1; continue }
            drawn.insert(stem)
            charts.scatter[.init(group: scatter.group, x: scatter.x, y: scatter.y)] = figure
            charts.all.append(figure)
        }
        for funnel in FunnelChart.charts(data.periodTables, sizeExponent: definition.periods.sizeExponent) {
            let figure = ChartFigure(file: funnel.file, title: [.name(funnel.title)], svg: funnel.rendered())
            charts.funnels.append(figure)
            charts.all.append(figure)
        }
        return charts
    }

    /// The scatter charts one page draws, in the correlation table's order: far above the
    /// built-in pipeline's 45, and what bounds the page whatever a pipeline asks for (issue
    /// 31: 60 groups × 132 pairs drew 6,734 charts, a 1.72 GB page, 6.8 GB of memory). Every
    /// pair's figures are in `tables/correlations.csv` whether drawn or not.
    static let maximumScatters = 60

    /// The charts' share of report.html's 8 MB (SPEC §7), each chart being under 300 KB:
    /// scatters past it are not drawn (and counted, and said), in table order.
    static let inlineChartBytes = 6_000_000


    /// Lower-case ASCII letters, digits, `_` and `-`; anything else becomes `-`, so a
    /// pipeline's group name cannot reach outside `charts/`.
    static func fileSafe(_ text: String) -> String {
        var safe = ""
        for scalar in text.unicodeScalars {
            let lower = Character(scalar).lowercased()
            if scalar.isASCII, let first = lower.unicodeScalars.first,
               ("a"..."z").contains(first) || ("0"..."9").contains(first) || first == "_" || first == "-" {
                safe += lower
            } else {
                safe += "-"
            }
        }
        return safe.isEmpty ? "group" : safe
    }
}
