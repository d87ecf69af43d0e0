import PipelineDefinition
import VFMCore

/// The charts a run has, by what they show, so the report can link them.
struct ChartIndex {
    struct Key: Hashable {
        var group: String
        var x: String
        var y: String
    }

    struct Entry {
        var file: String
        var title: String
    }

    var scatter: [Key: String] = [:]
    /// metric → file of its sorted distribution.
    var distributions: [String: String] = [:]
    /// Every chart, in the order the report lists them.
    var all: [Entry] = []
}

/// Decides and draws the charts from `clean/services.csv` and the tables: one scatter per
/// correlation pair × group with n ≥ 3, and the sorted distributions of cost per person
/// and cost per job outcome (study Charts 6–7).
struct ChartPlan {
    let data: RunData
    let definition: PipelineDefinition

    /// Files relative to `charts/`, with their SVG text.
    func draw() -> (index: ChartIndex, files: [(name: String, svg: String)]) {
        var index = ChartIndex()
        var files: [(name: String, svg: String)] = []
        guard let services = data.services else { return (index, files) }
        let groups = ServiceGroups(definition: definition)

        for metric in [Metric.costPerPerson, .costPerOutcome] {
            guard let members = groups.members(of: "all", in: services) else { continue }
            let points = members.compactMap { row -> ChartPoint? in
                guard let value = row.number(metric.rawValue) else { return nil }
                return ChartPoint(name: Self.name(row), x: 0, y: value, evidenceBased: ServiceGroups.isEvidenceBased(row))
            }
            guard !points.isEmpty else { continue }
            let name = "distribution-\(metric.rawValue).svg"
            let title = Labels.metric(metric.rawValue) + ", every service"
            let mean = data.descriptive(group: "all", metric: metric.rawValue)?.number("mean")
            files.append((name, DistributionChart(title: title, metric: metric.rawValue, points: points, mean: mean).rendered()))
            index.distributions[metric.rawValue] = name
            index.all.append(.init(file: name, title: title))
        }

        for row in data.correlations?.rows ?? [] {
            guard let group = row.text("group"), let x = row.text("x"), let y = row.text("y"),
                  let n = row.count("n"), n >= 3, let members = groups.members(of: group, in: services)
            else { continue }
            let points = members.compactMap { service -> ChartPoint? in
                guard let xValue = service.number(x), let yValue = service.number(y) else { return nil }
                return ChartPoint(name: Self.name(service), x: xValue, y: yValue,
                                  evidenceBased: ServiceGroups.isEvidenceBased(service))
            }
            guard points.count >= 3 else { continue }
            let name = "scatter-\(Self.fileSafe(group))-\(Self.fileSafe(x))-vs-\(Self.fileSafe(y)).svg"
            guard !files.contains(where: { $0.name == name }) else { continue }
            let title = Labels.metric(y) + " against " + Labels.metricInSentence(x)
            var summary = "n = \(HumanNumbers.count(points.count))"
            if let r = row.number("pearson_r") { summary += ", r = " + HumanNumbers.coefficient(r) }
            let chart = ScatterChart(title: title, groupLabel: Labels.group(group), xMetric: x, yMetric: y,
                                     points: points, trend: trend(group: group, x: x, y: y), summary: summary)
            files.append((name, chart.rendered()))
            index.scatter[.init(group: group, x: x, y: y)] = name
            index.all.append(.init(file: name, title: title + " (" + Labels.group(group) + ")"))
        }
        return (index, files)
    }

    private func trend(group: String, x: String, y: String) -> (intercept: Double, slope: Double)? {
        let row = data.trendLines?.rows.first { $0.text("group") == group && $0.text("x") == x && $0.text("y") == y }
        guard let intercept = row?.number("intercept"), let slope = row?.number("slope") else { return nil }
        return (intercept, slope)
    }

    static func name(_ row: RunTable.Row) -> String {
        var name = (row.text("authority") ?? "—") + " — " + (row.text("service") ?? "—")
        if let period = row.text("period") { name += " (" + period + ")" }
        return name
    }

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
