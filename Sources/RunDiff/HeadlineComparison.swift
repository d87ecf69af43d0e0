/// A figure that changed under the threshold.
public struct FigureChange: Sendable, Equatable {
    public var key: [String]
    public var column: HeadlineTable.FigureColumn
    public var format: FigureFormat
    public var old: Double?
    public var new: Double?
    /// The row stands on fewer than `fewServices` services in either run (its `n`): a
    /// figure one service more or less could move a long way (issue 29).
    public var fewServices = false

    /// Below this many services a figure is marked, as in the report.
    public static let fewServices = 10

    public var oldText: String { format.text(old) }
    public var newText: String { format.text(new) }
}

/// A label of a row (role `label`, SPEC §13: an edit's outcome, a strength word) that
/// changed, compared as text.
public struct LabelChange: Sendable, Equatable {
    public var key: [String]
    public var column: String
    public var old: String
    public var new: String
}

/// One findings table of both runs compared: figures changed, rows (a group, a metric)
/// only one run has, and how many figures are unchanged. `presence` says when a run
/// lacks the (optional) table altogether.
public struct HeadlineComparison: Sendable {
    public enum Presence: Sendable, Equatable { case both, onlyOld, onlyNew, neither }

    public var table: HeadlineTable
    public var presence: Presence
    public var changed: [FigureChange]
    public var relabelled: [LabelChange] = []
    public var added: [FigureRow]
    public var removed: [FigureRow]
    public var unchangedCount: Int

    public var hasDifferences: Bool {
        !changed.isEmpty || !relabelled.isEmpty || !added.isEmpty || !removed.isEmpty || presence == .onlyOld || presence == .onlyNew
    }

    static func compare(_ table: HeadlineTable, old: [FigureRow]?, new: [FigureRow]?,
                        options: DiffOptions) -> HeadlineComparison {
        let presence: Presence
        switch (old, new) {
        case (nil, nil): presence = .neither
        case (nil, _): presence = .onlyNew
        case (_, nil): presence = .onlyOld
        default: presence = .both
        }
        guard let old, let new else {
            return HeadlineComparison(table: table, presence: presence, changed: [], added: [], removed: [],
                                      unchangedCount: 0)
        }
        let match = KeyedMatch(old: old, new: new, key: \.key)
        var changed: [FigureChange] = []
        var relabelled: [LabelChange] = []
        var unchanged = 0
        let nColumn = table.figureColumns.firstIndex { $0.column == "n" }
        for (oldRow, newRow) in match.pairs {
            let few = nColumn.map { position in
                [oldRow.values[position], newRow.values[position]].contains { n in
                    n.map { $0 > 0 && $0 < Double(FigureChange.fewServices) } ?? false
                }
            } ?? false
            for (position, column) in table.figureColumns.enumerated() {
                let before = oldRow.values[position], after = newRow.values[position]
                let format = table.format(column: column.column, key: newRow.key)
                if options.same(before, after, text: format.text) {
                    unchanged += 1
                } else {
                    changed.append(FigureChange(key: newRow.key, column: column, format: format,
                                                old: before, new: after, fewServices: few))
                }
            }
            for (position, column) in table.labelColumns.enumerated() {
                let before = oldRow.labels[position], after = newRow.labels[position]
                if before == after {
                    unchanged += 1
                } else {
                    relabelled.append(LabelChange(key: newRow.key, column: column, old: before, new: after))
                }
            }
        }
        return HeadlineComparison(table: table, presence: presence, changed: changed, relabelled: relabelled,
                                  added: match.onlyNew, removed: match.onlyOld, unchangedCount: unchanged)
    }
}
