/// A header written on two rows (issue 28), as council workbooks often have it: the first
/// row names the single columns (`Authority`, `Service`, `Total cost`…) and a group label
/// over several columns (`Client group`, often one cell merged across them — read into
/// each, `MergedRanges`); the row below names the group's columns (`LD`, `MH`, `Phys/sensory`).
/// Read as one row, the first would name `Client group` several times and the second would
/// be rejected as a return.
///
/// The rule, decided here: the row right below a header row is its second tier when every
/// cell it holds is text that does not read as a number, and the two rows together name
/// more columns than the first alone. Column by column the header is then: the first row's
/// text where the second is empty or the same (a name merged down both rows); else the
/// group label and the second row's text together when that names a column (`Job outcomes`
/// + `LD` = `outcomes_ld`) — the group label carried right across empty cells of the first
/// row, as a merged label reads; else the second row's text when it names a column; else
/// both texts as one name.
enum TwoTierHeader {
    /// The combined header texts, or `nil` when `second` is not a second tier of `first`.
    static func combine(first: [String], second: [String]) -> [String]? {
        let top = first.map { String(CellText.trimmed($0)) }, sub = second.map { String(CellText.trimmed($0)) }
        guard sub.contains(where: { !$0.isEmpty }) else { return nil }
        for cell in sub where !cell.isEmpty {
            if case .value = CellValues.money(Substring(cell)) { return nil }
        }
        var combined: [String] = []
        var group = ""
        for index in 0 ..< max(top.count, sub.count) {
            let upper = index < top.count ? top[index] : "", lower = index < sub.count ? sub[index] : ""
            if !upper.isEmpty { group = upper }
            if lower.isEmpty || lower == upper {
                combined.append(upper)
            } else if !group.isEmpty, names(group + " " + lower) {
                combined.append(group + " " + lower)
            } else if names(lower) || upper.isEmpty {
                combined.append(lower)
            } else {
                combined.append(upper + " " + lower)
            }
        }
        guard HeaderMapping.mapsRequiredColumns(combined), columns(combined) > columns(top) else { return nil }
        return combined
    }

    private static func names(_ text: String) -> Bool { ColumnAliases.columnsByKey[HeaderKey(text)] != nil }

    private static func columns(_ texts: [String]) -> Int {
        Set(texts.compactMap { ColumnAliases.columnsByKey[HeaderKey($0)] }).count
    }
}
