import PipelineDefinition
import Returns

/// One input field of a service that differs between the runs.
public struct FieldChange: Sendable, Equatable {
    public var column: String
    public var old: String
    public var new: String
}

public struct ServiceChange: Sendable, Equatable {
    public var key: ServiceKey
    public var oldSource: String
    public var newSource: String
    public var fields: [FieldChange]
}

/// Services of both runs compared by (authority, service, period): added, removed, and
/// changed in their *input* fields — the canonical columns of SPEC §4 and any extra
/// columns carried through. Derived fields (cost per person…) follow from the inputs and
/// are not listed; `source` and `flags` are compared elsewhere (a row that only moved
/// within its file has not changed).
public struct ServiceComparison: Sendable {
    public var added: [ServiceRecord]
    public var removed: [ServiceRecord]
    public var changed: [ServiceChange]
    public var unchangedCount: Int
    /// Input columns only one run's `clean/services.csv` has (not compared per service).
    public var columnsOnlyInOld: [String]
    public var columnsOnlyInNew: [String]

    public var hasDifferences: Bool {
        !added.isEmpty || !removed.isEmpty || !changed.isEmpty || !columnsOnlyInOld.isEmpty
            || !columnsOnlyInNew.isEmpty
    }

    /// Columns of `clean/services.csv` that are not inputs: SPEC §5 derived measures,
    /// provenance and flags.
    static let nonInputColumns: Set<String> = {
        var names = Set(Metric.allCases.map(\.rawValue))
        names.formUnion(["client_focus", "share_lt7", "share_7to40", "share_40plus", "source", "flags",
                         "excluded_from_statistics"])
        names.subtract(ReturnColumn.allCases.map(\.rawValue))
        return names
    }()

    static func inputColumns(_ header: [String]) -> [String] {
        header.filter { !nonInputColumns.contains($0) }
    }

    static func compare(oldColumns: [String], old: [ServiceRecord], newColumns: [String],
                        new: [ServiceRecord]) -> ServiceComparison {
        let oldInputs = inputColumns(oldColumns), newInputs = inputColumns(newColumns)
        let oldSet = Set(oldInputs), newSet = Set(newInputs)
        let compared = newInputs.filter { oldSet.contains($0) }
        let match = KeyedMatch(old: old.sorted(by: stableOrder), new: new.sorted(by: stableOrder), key: \.key)
        var changed: [ServiceChange] = []
        var unchanged = 0
        for (before, after) in match.pairs {
            let fields = compared.compactMap { column -> FieldChange? in
                let was = before.cells[column] ?? "", now = after.cells[column] ?? ""
                return was == now ? nil : FieldChange(column: column, old: was, new: now)
            }
            if fields.isEmpty {
                unchanged += 1
            } else {
                changed.append(ServiceChange(key: after.key, oldSource: before.source, newSource: after.source,
                                             fields: fields))
            }
        }
        return ServiceComparison(added: match.onlyNew.sorted { $0.key < $1.key },
                                 removed: match.onlyOld.sorted { $0.key < $1.key },
                                 changed: changed.sorted { $0.key < $1.key }, unchangedCount: unchanged,
                                 columnsOnlyInOld: oldInputs.filter { !newSet.contains($0) },
                                 columnsOnlyInNew: newInputs.filter { !oldSet.contains($0) })
    }

    /// SPEC §7 row order: authority, service, period, then source file and line (so that
    /// duplicates pair up in the order they appear in the inputs).
    static func stableOrder(_ lhs: ServiceRecord, _ rhs: ServiceRecord) -> Bool {
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        let left = splitSource(lhs.source), right = splitSource(rhs.source)
        if left.file != right.file { return left.file.utf8.lexicographicallyPrecedes(right.file.utf8) }
        return left.line < right.line
    }

    /// `file:line` → (file, line); a source without a line number sorts first in its file.
    static func splitSource(_ source: String) -> (file: String, line: Int) {
        guard let colon = source.lastIndex(of: ":"), let line = Int(source[source.index(after: colon)...]) else {
            return (source, 0)
        }
        return (String(source[..<colon]), line)
    }
}
