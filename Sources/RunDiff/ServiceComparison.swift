import PipelineDefinition
import Returns

/// One field of a service that differs between the runs: an input (SPEC §4) or a
/// derived measure (SPEC §5: cost per person, cost per job outcome, outcome rate…).
public struct FieldChange: Sendable, Equatable {
    public var column: String
    public var isDerived: Bool
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
/// changed — input fields whenever their cell changed, derived fields when they changed
/// under the threshold (by default: as the report prints them). `source` and `flags` are
/// compared elsewhere: a row that only moved within its file has not changed.
public struct ServiceComparison: Sendable {
    public var added: [ServiceRecord]
    public var removed: [ServiceRecord]
    public var changed: [ServiceChange]
    public var unchangedCount: Int
    /// Columns only one run's `clean/services.csv` has (not compared per service).
    public var columnsOnlyInOld: [String]
    public var columnsOnlyInNew: [String]

    public var hasDifferences: Bool {
        !added.isEmpty || !removed.isEmpty || !changed.isEmpty || !columnsOnlyInOld.isEmpty
            || !columnsOnlyInNew.isEmpty
    }

    static let keyColumns: Set<String> = ["authority", "service", "period"]
    /// Not compared field by field: provenance, and the flags (compared as flags).
    static let notCompared: Set<String> = ["source", "flags"]

    /// True for columns the clean stage derives rather than reads (SPEC §5).
    static func isDerived(_ column: String) -> Bool { ReturnColumn(rawValue: column) == nil }

    /// How the report would print a derived figure, `nil` for a text column.
    static func derivedFormat(_ column: String) -> FigureFormat? {
        if Metric(rawValue: column) != nil { return .metric(column) }
        if column.hasPrefix("share_") { return .percent }
        return nil
    }

    /// The columns compared, in the new run's header order.
    static func comparedColumns(_ header: [String]) -> [String] {
        header.filter { !keyColumns.contains($0) && !notCompared.contains($0) }
    }

    /// A merge-join of the two runs' services, each sorted as SPEC §7 writes them
    /// (authority, service, period, then source), so duplicates pair in input order.
    static func compare(oldColumns: [String], old: [ServiceRecord], newColumns: [String],
                        new: [ServiceRecord], options: DiffOptions) -> ServiceComparison {
        let oldCompared = comparedColumns(oldColumns), newCompared = comparedColumns(newColumns)
        let oldSet = Set(oldCompared), newSet = Set(newCompared)
        let compared = newCompared.filter { oldSet.contains($0) }
        let oldIndex = positions(oldColumns), newIndex = positions(newColumns)
        let columns = compared.map { (name: $0, old: oldIndex[$0], new: newIndex[$0], derived: isDerived($0),
                                      format: derivedFormat($0)) }
        let olds = isSorted(old) ? old : old.sorted(by: stableOrder)
        let news = isSorted(new) ? new : new.sorted(by: stableOrder)
        var result = ServiceComparison(added: [], removed: [], changed: [], unchangedCount: 0,
                                       columnsOnlyInOld: oldCompared.filter { !newSet.contains($0) },
                                       columnsOnlyInNew: newCompared.filter { !oldSet.contains($0) })
        var i = 0, j = 0
        while i < olds.count || j < news.count {
            if j == news.count || (i < olds.count && olds[i].key < news[j].key) {
                result.removed.append(olds[i]); i += 1; continue
            }
            if i == olds.count || news[j].key < olds[i].key {
                result.added.append(news[j]); j += 1; continue
            }
            let before = olds[i], after = news[j]
            i += 1; j += 1
            var fields: [FieldChange] = []
            for column in columns {
                let was = before.cell(column.old), now = after.cell(column.new)
                guard was != now else { continue }
                if column.derived, let format = column.format,
                   options.same(Double(was), Double(now), text: format.text) { continue }
                fields.append(FieldChange(column: column.name, isDerived: column.derived, old: was, new: now))
            }
            if fields.isEmpty {
                result.unchangedCount += 1
            } else {
                result.changed.append(ServiceChange(key: after.key, oldSource: before.source,
                                                    newSource: after.source, fields: fields))
            }
        }
        return result
    }

    static func positions(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        return index
    }

    static func isSorted(_ records: [ServiceRecord]) -> Bool {
        zip(records, records.dropFirst()).allSatisfy { !stableOrder($1, $0) }
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
