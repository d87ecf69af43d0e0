/// A headline figure that moved beyond the tolerance.
public struct FigureChange: Sendable, Equatable {
    public var key: [String]
    public var column: HeadlineTable.FigureColumn
    public var scale: FigureScale
    public var old: Double?
    public var new: Double?
}

/// One headline table of both runs compared: figures changed, rows (a group, a metric)
/// only one run has, and how many figures are unchanged.
public struct HeadlineComparison: Sendable {
    public var table: HeadlineTable
    public var changed: [FigureChange]
    public var added: [FigureRow]
    public var removed: [FigureRow]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !changed.isEmpty || !added.isEmpty || !removed.isEmpty }

    static func compare(_ table: HeadlineTable, old: [FigureRow], new: [FigureRow],
                        options: DiffOptions) -> HeadlineComparison {
        let match = KeyedMatch(old: old, new: new, key: \.key)
        var changed: [FigureChange] = []
        var unchanged = 0
        for (oldRow, newRow) in match.pairs {
            for (position, column) in table.figureColumns.enumerated() {
                let before = oldRow.values[position], after = newRow.values[position]
                if options.same(before, after) {
                    unchanged += 1
                } else {
                    changed.append(FigureChange(key: newRow.key, column: column,
                                                scale: table.scale(column: column.column, key: newRow.key),
                                                old: before, new: after))
                }
            }
        }
        return HeadlineComparison(table: table, changed: changed, added: match.onlyNew, removed: match.onlyOld,
                                  unchangedCount: unchanged)
    }
}
