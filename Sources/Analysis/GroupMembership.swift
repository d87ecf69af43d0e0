import Cleaning
import PipelineDefinition

/// Which services belong to each group of a pipeline, worked out once for all groups.
///
/// `GroupSelection.includes` answers for one service; asking it of every service for every
/// group made analysis cost groups × services string normalisations — 97 s for 1,000
/// `[[groups]]` filtering `authority` over 10,000 returns, 357 s for 4,000 (issue 19: no
/// cost may grow with the product of the pipeline's size and the data's). Here each column
/// a filter names is read and normalised once, into value → rows, and a group's members are
/// the rows of its values: O(services · filtered columns + members). Membership is exactly
/// `includes`'s (same `columnText`, same `normalised`).
public struct GroupMembership: Sendable {
    private let services: [CleanedService]
    /// Normalised column name → normalised cell text → rows, ascending.
    private var rowsByColumn: [String: [String: [Int]]] = [:]
    /// Client focus → rows, ascending.
    private var rowsByClientFocus: [ClientFocus: [Int]] = [:]

    public init(services: [CleanedService], selections: [GroupSelection]) {
        self.services = services
        var columns = Set<String>()
        var needsClientFocus = false
        for selection in selections {
            switch selection {
            case .columnIn(let column, _): columns.insert(GroupSelection.normalised(column))
            case .clientFocus: needsClientFocus = true
            case .all, .evidenceBased: break
            }
        }
        // Services are read through the array by index: `enumerated()` would copy each one
        // (retaining its strings) — a second per million services.
        for column in columns {
            var rows: [String: [Int]] = [:]
            for row in services.indices {
                guard let text = services[row].columnText(column) else { continue }
                rows[GroupSelection.normalised(text), default: []].append(row)
            }
            rowsByColumn[column] = rows
        }
        if needsClientFocus {
            for (row, focus) in services.clientFocuses().enumerated() { rowsByClientFocus[focus, default: []].append(row) }
        }
    }

    /// The rows (ascending) of the services `selection` takes.
    public func rows(of selection: GroupSelection) -> [Int] {
        switch selection {
        case .all:
            return Array(services.indices)
        case .evidenceBased:
            return services.indices.filter { services[$0].input.evidenceBase.isEvidenceBased }
        case .clientFocus(let focus):
            return ClientFocus(rawValue: focus).flatMap { rowsByClientFocus[$0] } ?? []
        case .columnIn(let column, let values):
            guard let rows = rowsByColumn[GroupSelection.normalised(column)] else { return [] }
            let wanted = Set(values.map(GroupSelection.normalised))
            // Distinct values have disjoint rows: one sort of their concatenation.
            return wanted.flatMap { rows[$0] ?? [] }.sorted()
        }
    }
}
