import PipelineDefinition
import RunFiles
import VFMCore

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

    /// The canonical input columns of a return, from the schema of `clean/services.csv`.
    private static let inputColumns = Set(RunFileSchema.canonicalReturnColumns.map(\.name))

    /// True for columns the clean stage derives rather than reads (SPEC §5).
    static func isDerived(_ column: String) -> Bool { !inputColumns.contains(column) }

    /// The unit the schema of `clean/services.csv` gives a column (pounds, people, a
    /// fraction), `nil` for text and extra columns.
    static func unit(of column: String) -> RunFileColumn.Unit? { units[column] }

    private static let units: [String: RunFileColumn.Unit] = Dictionary(
        (RunFileSchema.canonicalReturnColumns + RunFileSchema.derivedServiceColumns).compactMap { column in
            column.unit.map { (column.name, $0) }
        }, uniquingKeysWith: { first, _ in first })

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

    /// One column compared in both runs: its positions in each run's header.
    struct ComparedColumn {
        var name: String
        var old: Int?
        var new: Int?
        var derived: Bool
        var format: FigureFormat?
    }

    /// An empty comparison of two runs' `clean/services.csv` headers: the columns both have
    /// (in the new run's order), and those only one has.
    init(oldColumns: [String], newColumns: [String]) {
        let oldCompared = Self.comparedColumns(oldColumns), newCompared = Self.comparedColumns(newColumns)
        let oldSet = Set(oldCompared), newSet = Set(newCompared)
        added = []
        removed = []
        changed = []
        unchangedCount = 0
        columnsOnlyInOld = oldCompared.filter { !newSet.contains($0) }
        columnsOnlyInNew = newCompared.filter { !oldSet.contains($0) }
    }

    static func columns(oldColumns: [String], newColumns: [String]) -> [ComparedColumn] {
        let oldSet = Set(comparedColumns(oldColumns))
        let oldIndex = positions(oldColumns), newIndex = positions(newColumns)
        return comparedColumns(newColumns).filter { oldSet.contains($0) }.map {
            ComparedColumn(name: $0, old: oldIndex[$0], new: newIndex[$0], derived: isDerived($0),
                           format: derivedFormat($0))
        }
    }

    /// Services held in memory, compared as the runs' tables are (`compareGroup`, key by key).
    static func compare(oldColumns: [String], old: [ServiceRecord], newColumns: [String],
                        new: [ServiceRecord], options: DiffOptions) throws(VFMError) -> ServiceComparison {
        var result = ServiceComparison(oldColumns: oldColumns, newColumns: newColumns)
        let columns = columns(oldColumns: oldColumns, newColumns: newColumns)
        var olds = ServiceKeyGroups(sorting: old), news = ServiceKeyGroups(sorting: new)
        _ = try mergeServiceGroups(&olds, &news) { before, after in
            result.compareGroup(old: before, new: after, columns: columns, options: options)
        }
        return result
    }

    /// The services of one key (authority, service, period) in both runs: duplicates pair
    /// up in SPEC §7 order (source file, then line), the extra ones are added or removed.
    mutating func compareGroup<Row: ServiceRow>(old: [Row], new: [Row], columns: [ComparedColumn],
                                                options: DiffOptions) {
        let olds = old.count > 1 ? old.sorted(by: Self.stableOrder) : old
        let news = new.count > 1 ? new.sorted(by: Self.stableOrder) : new
        let common = min(olds.count, news.count)
        for (before, after) in zip(olds, news) {
            var fields: [FieldChange] = []
            for column in columns where !before.sameBytes(column.old, as: after, column.new) {
                let was = before.text(column.old), now = after.text(column.new)
                guard was != now else { continue }
                if column.derived, let format = column.format,
                   options.same(Double(was), Double(now), text: format.text) { continue }
                fields.append(FieldChange(column: column.name, isDerived: column.derived, old: was, new: now))
            }
            if fields.isEmpty {
                unchangedCount += 1
            } else {
                changed.append(ServiceChange(key: after.serviceKey, oldSource: before.source,
                                             newSource: after.source, fields: fields))
            }
        }
        removed += olds.dropFirst(common).map(\.record)
        added += news.dropFirst(common).map(\.record)
    }

    static func positions(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        return index
    }

    /// SPEC §7 row order: authority, service, period, then source file and line (so that
    /// duplicates pair up in the order they appear in the inputs).
    static func stableOrder<Row: ServiceRow>(_ lhs: Row, _ rhs: Row) -> Bool {
        if lhs.serviceKey != rhs.serviceKey { return lhs.serviceKey < rhs.serviceKey }
        let left = splitSource(lhs.source), right = splitSource(rhs.source)
        if let order = ByteOrder.compare(left.file, right.file) { return order }
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
