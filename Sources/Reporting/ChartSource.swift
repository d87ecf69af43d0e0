import Analysis
import Cleaning
import PipelineDefinition
import Tabular

/// What the charts take from every service — a measure's column, a group's members, who
/// is evidence-based, who is flagged as an outlier — each in one pass over the typed
/// services, with group membership decided by Analysis's own `GroupMembership`, so no cell
/// is turned into text and read back (issue 12: "no module above Analysis parses a string
/// the analysis already had typed").
struct ChartSource {
    private let services: [CleanedService]
    /// The membership of every group the pipeline can name, worked out once.
    private let membership: GroupMembership
    private let definition: PipelineDefinition
    /// Per service: whether it is evidence-based.
    let evidence: [Bool]

    init(data: RunData, definition: PipelineDefinition) {
        let services = data.services
        self.definition = definition
        self.services = services
        let selections = (definition.groups.map(\.name) + ServiceGroups.builtInNames).compactMap {
            ServiceGroups.selection(of: $0, in: definition)
        }
        membership = GroupMembership(services: services, selections: selections)
        evidence = services.indices.map { services[$0].input.evidenceBase.isEvidenceBased }
    }

    /// The measure `name` of every service (`nil` where missing or not finite); charts
    /// draw measures only (the correlation pairs' and the distributions').
    func column(_ name: String) -> ChartColumn {
        guard let metric = Metric(rawValue: name) else { return ChartColumn(repeatElement(nil, count: services.count)) }
        return ChartColumn(services.values(of: metric).lazy.map(Self.finite))
    }

    /// `column(_:)` of each of `names`, in one pass over the services (`measureColumns`).
    func columns(_ names: [String]) -> [String: ChartColumn] {
        let metrics = names.compactMap { Metric(rawValue: $0) }
        var found: [String: ChartColumn] = [:], measured = services.measureColumns(metrics)
        for (position, metric) in metrics.enumerated() {
            found[metric.rawValue] = ChartColumn(measured[position].lazy.map { Self.finite($0.isNaN ? nil : $0) })
            measured[position] = []  // each let go once copied
        }
        return found
    }

    /// A figure a chart can place: finite, and −0 as 0 (as the file writes it).
    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }

    /// The rows (ascending) of the services of `group` that enter statistics, or `nil`
    /// for a group this pipeline does not define and that is not a built-in.
    func members(of group: String) -> [Int]? {
        guard let selection = ServiceGroups.selection(of: group, in: definition) else { return nil }
        return membership.rows(of: selection).filter { !services[$0].excludedFromStatistics && services[$0].isCurrent }
    }

    /// Per metric of `metrics`, the rows flagged as outliers on it, from one pass over the flags.
    func outliers(metrics: [String]) -> [String: FlaggedRows] {
        var found: [String: [Bool]] = [:]
        for metric in metrics { found[metric] = Array(repeating: false, count: services.count) }
        for row in services.indices {
            for flag in services[row].flags where flag.rule == .outlier {
                if let metric = flag.metric, found[metric] != nil { found[metric]?[row] = true }
            }
        }
        return found.mapValues { FlaggedRows(marks: $0) }
    }

    /// `Authority — Service (period)` of service `row`, shortened for a chart.
    func name(_ row: Int) -> String {
        let input = services[row].input
        var name = DisplayName.shortened(input.authority.isEmpty ? "—" : input.authority) + " — "
            + DisplayName.shortened(input.service.isEmpty ? "—" : input.service)
        if let period = input.period, !period.isEmpty { name += " (" + period + ")" }
        return name
    }

    /// The service name of `row`, for a bar's label.
    func label(_ row: Int) -> String {
        services[row].input.service.isEmpty ? HumanNumbers.missing : services[row].input.service
    }
}
