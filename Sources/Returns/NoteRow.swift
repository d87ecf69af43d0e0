/// Rows below the header that are not returns and not rejects (SPEC §4 "blank lines are
/// skipped and not counted"; issue 28 "Blank and trailing rows").
///
/// - A **blank** row: every cell empty or spaces. Excel's CSV export ends a table with
///   lines of bare commas (`,,,,,,`), one per formatted row; they are blank lines, whatever
///   their width (a ragged one included), skipped and not counted.
/// - A **note**: a footnote such as `Source: council finance system` or `Note: figures for
///   2012/13`. The rule, decided here because the SPEC is silent: a row is a note when
///   (1) at least one cell holds something, (2) every cell that holds something holds the
///   same text — one cell, or a note merged across several cells of a workbook, which reads
///   into each of them — (3) that text does not read as a number, and (4) the first such
///   cell is in the first or second column. Such a row has no figures and at most one name,
///   so it cannot be a service wherever it stands; it is counted as a note (log,
///   `inputs.json`), not as a row read, and is never a reject (`--fail-on rejects` does not
///   fail on it). A row with two different texts (an authority and a service with no
///   figures) is not a note: it is rejected, saying which required cell is empty.
enum NoteRow {
    enum Shape: Equatable {
        case blank
        case note(String)
    }

    /// The shape of a row (cells as read) that would otherwise be rejected, or `nil`
    /// when it is an ordinary row.
    static func shape(of cells: [String]) -> Shape? {
        var text: Substring?
        var first: Int?
        for (index, cell) in cells.enumerated() {
            let trimmed = CellText.trimmed(cell)
            if trimmed.isEmpty { continue }
            if let text {
                if text != trimmed { return nil }
            } else {
                text = trimmed
                first = index
            }
        }
        guard let text, let first else { return .blank }
        guard first <= 1 else { return nil }
        if case .value = CellValues.money(text) { return nil }
        return .note(String(text))
    }
}
