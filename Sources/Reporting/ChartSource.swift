import Analysis
import Cleaning
import PipelineDefinition
import Tabular

/// What the charts take from every service — a measure's column, a group's members, who
/// is evidence-based, who is flagged as an outlier — each in one pass over the services.
/// In `vfm run` (and from `ReportInput`) they come from the typed services, with group
/// membership decided by Analysis's own `GroupMembership`, so no cell is turned into text
/// and read back (issue 12: "no module above Analysis parses a string the analysis
/// already had typed"); for a run directory read as tables, from the cells of
/// `clean/services.csv` and `clean/flags.csv`.
struct ChartSource {
    private enum Rows {
        /// With the membership of every group the pipeline can name, worked out once.
        case typed([CleanedService], GroupMembership)
        case table(RunTable, flags: RunTable?)
    }

    private let rows: Rows
    private let definition: PipelineDefinition
    /// Per row of `clean/services.csv`: whether the service is evidence-based.
    let evidence: [Bool]

    /// `nil` when the run has no `clean/services.csv`.
    init?(data: RunData, definition: PipelineDefinition) {
        self.definition = definition
        if let services = data.typedServices {
            let selections = (definition.groups.map(\.name) + ServiceGroups.builtInNames).compactMap {
                ServiceGroups.selection(of: $0, in: definition)
            }
            rows = .typed(services, GroupMembership(services: services, selections: selections))
            evidence = services.indices.map { services[$0].input.evidenceBase.isEvidenceBased }
        } else if let services = data.services {
            rows = .table(services, flags: data.flags)
            evidence = services.rows.map(ServiceGroups.isEvidenceBased)
        } else {
            return nil
        }
    }

    /// Column `name` of `clean/services.csv` as numbers, read as `RunTable.Row.number`
    /// reads the file (`nil` where empty or not finite).
    func column(_ name: String) -> ChartColumn {
        switch rows {
        case .typed(let services, _):
            // A measure's column is its typed value (`ServicesCSV` writes `value(of:)` there).
            if let metric = Metric(rawValue: name) {
                return ChartColumn(services.indices.lazy.map { TypedRunRow.number(.number(services[$0].value(of: metric))) })
            }
            let columns = ServicesFileColumns(services)
            guard let index = columns.header.firstIndex(of: name) else {
                return ChartColumn(repeatElement(nil, count: services.count))
            }
            return ChartColumn(services.indices.lazy.map { TypedRunRow.number(columns.field(services, $0, at: index)) })
        case .table(let table, _):
            return ChartColumn(table.rows.lazy.map { $0.number(name) })
        }
    }

    /// The rows (ascending) of the services of `group` that enter statistics, or `nil`
    /// for a group this pipeline does not define and that is not a built-in.
    func members(of group: String) -> [Int]? {
        switch rows {
        case .typed(let services, let membership):
            guard let selection = ServiceGroups.selection(of: group, in: definition) else { return nil }
            return membership.rows(of: selection).filter { !services[$0].excludedFromStatistics && services[$0].isCurrent }
        case .table(let table, _):
            return ServiceGroups(definition: definition).memberIndices(of: group, in: table)
        }
    }

    /// Per metric of `metrics`, the rows flagged as outliers on it, from one pass over the flags.
    func outliers(metrics: [String]) -> [String: Set<Int>] {
        var found: [String: Set<Int>] = [:]
        for metric in metrics { found[metric] = [] }
        switch rows {
        case .typed(let services, _):
            for row in services.indices {
                for flag in services[row].flags where flag.rule == .outlier {
                    if let metric = flag.metric, found[metric] != nil { found[metric]?.insert(row) }
                }
            }
        case .table(let services, let flags):
            // Flags name their service by `source`.
            var sources: [String: Set<String>] = [:]
            for flag in flags?.rows ?? [] where flag.text("rule") == FlagRule.outlier.rawValue {
                guard let metric = flag.text("metric"), found[metric] != nil, let source = flag.text("source") else { continue }
                sources[metric, default: []].insert(source)
            }
            guard !sources.isEmpty else { return found }
            for (offset, row) in services.rows.enumerated() {
                guard let source = row.text("source") else { continue }
                for (metric, flagged) in sources where flagged.contains(source) { found[metric]?.insert(offset) }
            }
        }
        return found
    }
}
