import Returns
import VFMCore

/// What each column of a survey file is (SPEC §12: headers matched as in §4, canonical
/// names or the questionnaire's wording): a fixed column, a budget, or a column the survey
/// does not know (ignored, with a warning).
struct SurveyHeader {
    enum Slot: Equatable {
        case column(SurveyColumn)
        case spend(SpendColumn)
        case ignored
    }

    let line: Int
    let names: [String]
    let slots: [Slot]
    let spendColumns: [SpendColumn]
    var warnings: [String] = []

    /// Every accepted header key of the fixed columns, canonical names included.
    private static let known: [HeaderKey: SurveyColumn] = {
        var known: [HeaderKey: SurveyColumn] = [:]
        for column in SurveyColumns.all {
            for header in [column.name] + column.headers { known[HeaderKey(header)] = column }
        }
        return known
    }()

    /// Whether `cells` can be the header: one of them names the required `authority`.
    static func namesAuthority(_ cells: [String]) -> Bool {
        cells.contains { known[HeaderKey($0)]?.name == "authority" }
    }

    /// - Throws: `.dataError` (65) for a column named twice, a budget stream whose years
    ///   leave a gap, or a header cell over the cell limit.
    init(line: Int, cells: [String], file: String) throws(VFMError) {
        self.line = line
        names = cells
        // SPEC §4's bound on a header, which keeps memory and time bounded whatever the input.
        guard cells.count <= 16_384 else {
            throw VFMError(.dataError, "the header has \(cells.count) cells, more than a spreadsheet's 16,384 columns",
                           file: file, line: line, hint: "the header must name the survey's columns; check the export")
        }
        var slots: [Slot] = []
        var seen: [String: Int] = [:]
        var ignored: [String] = []
        for (index, cell) in cells.enumerated() {
            if cell.utf8.count > CellLimit.bytes {
                throw VFMError(.dataError, "header cell \(index + 1) is \(cell.utf8.count) bytes, longer than the limit of "
                    + "\(CellLimit.bytes) bytes (64 KiB) for a cell", file: file, line: line, column: "column \(index + 1)",
                    hint: "a header names each column in a few words; fix the header row")
            }
            let key = HeaderKey(cell)
            let slot: Slot
            if key.isEmpty {
                slot = .ignored
            } else if let column = Self.known[key] {
                slot = .column(column)
            } else if let spend = SpendColumn(header: cell) {
                slot = .spend(spend)
            } else {
                slot = .ignored
                ignored.append(cell)
            }
            let name: String? = switch slot {
            case .column(let column): column.name
            case .spend(let spend): spend.name
            case .ignored: nil
            }
            if let name {
                if let earlier = seen[name] {
                    throw VFMError(.dataError, "columns \(earlier + 1) (`\(cells[earlier])`) and \(index + 1) (`\(cell)`) "
                        + "are both `\(name)`", file: file, line: line, column: name,
                        hint: "keep one of the two columns, or rename the other")
                }
                seen[name] = index
            }
            slots.append(slot)
        }
        self.slots = slots
        let spend = slots.compactMap { slot -> SpendColumn? in if case .spend(let column) = slot { return column }; return nil }
        spendColumns = spend.sorted()
        try Self.checkYears(spendColumns, file: file, line: line)
        if !ignored.isEmpty {
            warnings.append("\(file):\(line): \(ignored.count) column\(ignored.count == 1 ? " is" : "s are") not survey "
                + "questions and \(ignored.count == 1 ? "is" : "are") ignored: "
                + ignored.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (ignored.count > 5 ? ", …" : "")
                + " — `vfm columns --config` with the survey pipeline lists them; rename a column that should count")
        }
    }

    /// Each stream's years must follow one another (SPEC §12: a gap is a file error).
    static func checkYears(_ columns: [SpendColumn], file: String, line: Int?) throws(VFMError) {
        for stream in SpendStream.allCases {
            let years = columns.filter { $0.stream == stream }.map(\.year).sorted()
            for (earlier, later) in zip(years, years.dropFirst()) where later.previous != earlier {
                throw VFMError(.dataError, "the \(stream.rawValue) budget has \(earlier.label) and \(later.label) but not "
                    + "the years between: a stream's years must follow one another", file: file, line: line,
                    column: SpendColumn(stream: stream, year: later).name,
                    hint: "add the missing year's \(stream.rawValue) column (its cells may be empty), or remove the stray year")
            }
        }
    }
}
