import Tabular
import VFMCore

/// What one record of a return becomes: a typed row, or a reject saying why.
enum RowOutcome {
    /// `extraValues` are aligned with the file's `HeaderMapping.extras`.
    case accepted(ServiceReturn, extraValues: [String?])
    case rejected(RejectedRow)
    /// A blank line or a footnote (`NoteRow`): not a row read; a note is in `remarks`.
    case skipped
}

/// Turns the records of one file into typed returns (SPEC §4). Ingest rejects only what
/// it can see in a cell or a row — a ragged row, a required cell missing, a numeric cell
/// that does not parse; negative values and impossible totals are the clean stage's rules.
struct ReturnRowReader {
    let mapping: HeaderMapping
    let missingWords: MissingValueWords
    let totals: TotalsLabels
    let file: String
    /// Set when a cell under a header with no name held something (reported once per file).
    var droppedUnnamedCells = false
    /// Footnotes and spreadsheet error values read as missing, for the file's warnings.
    var remarks = RowRemarks()

    init(mapping: HeaderMapping, missingWords: MissingValueWords, totals: TotalsLabels = .standard, file: String) {
        self.mapping = mapping
        self.missingWords = missingWords
        self.totals = totals
        self.file = file
    }

    /// One problem in a row, in column order; the first decides the row's rule.
    struct Problem {
        var rule: RejectRule
        var message: String
        var column: ReturnColumn
        var value: String
    }


    /// Types one record; `cells` must line up with the header (a workbook row is padded to
    /// the header's width by its caller, a CSV record of another width is ragged).
    ///
    /// A cell's text (`ReturnCell.text`) is made only where it is read as text — text and
    /// extra columns, a cell that does not type, a rejected row's record — never for a
    /// number in a numeric column, which is stored as it was read (issue 30: the text of a
    /// 10⁵-row workbook's million numbers was a fifth of its reading).
    mutating func read(line: Int, cells: [ReturnCell]) -> RowOutcome {
        let source = SourceLocation(file: file, line: line)
        let record = { cells.map(\.text) }
        guard cells.count == mapping.slots.count else {
            let rawCells = record()
            if let skipped = skip(line: line, cells: rawCells) { return skipped }
            let found = cells.count, expected = mapping.slots.count
            return .rejected(RejectedRow(
                source: source, rule: .raggedRow,
                message: "row has \(found) cell\(found == 1 ? "" : "s") but the header has \(expected) columns; "
                    + "check for an unquoted comma or a missing cell",
                record: rawCells))
        }
        // A workbook cell has no parser to cut it short; the same limit holds (SPEC §3).
        // Only text can be long: a number or a boolean is written in a few bytes.
        if let long = cells.firstIndex(where: { if case .text(let text) = $0 { text.utf8.count > CellLimit.bytes } else { false } }) {
            let rawCells = record()
            var shortened = rawCells
            shortened[long] = CellLimit.shortened(rawCells[long])
            return .rejected(RejectedRow(source: source, rule: .cellTooLong,
                                         message: oversizedMessage(length: rawCells[long].utf8.count, cell: long),
                                         column: mapping.slots[long].canonicalColumn, value: shortened[long],
                                         record: shortened))
        }
        var row = RowValues()
        var extraValues = [String?](repeating: nil, count: mapping.extras.count)
        var problems: [Problem] = []
        for (index, slot) in mapping.slots.enumerated() {
            let typed = cells[index]
            if case .number(let value, isPercent: false) = typed, case .canonical(let column) = slot,
               row.setNumber(column, value) {
                continue
            }
            let raw = typed.text
            let cell = CellText.trimmed(raw)
            let missing: Bool
            switch typed {
            case .text:
                if SpreadsheetErrorValue.matches(cell) {
                    switch errorValue(cell, raw: raw, index: index, slot: slot) {
                    case .rejects(let problem): problems.append(problem)
                    case .missing: remarks.addError(line: line, column: index, value: String(cell))
                    case .ignored: break
                    }
                    continue
                }
                missing = missingWords.isMissing(cell)
            case .empty: missing = true
            case .number, .bool: missing = false
            }
            switch slot {
            case .unnamed:
                if !missing { droppedUnnamedCells = true }
            case .extra(let extraIndex):
                extraValues[extraIndex] = missing ? nil : String(cell)
            case .canonical(let column):
                if missing {
                    if ReturnColumn.required.contains(column) {
                        problems.append(Problem(rule: .requiredMissing, message: describe(column, index)
                            + " is required but is \(raw.isEmpty ? "empty" : "\"\(raw)\" (missing)"); fill it in or remove the row",
                            column: column, value: raw))
                    }
                    continue
                }
                row.index = index
                if let problem = row.set(column, from: typed, text: cell) {
                    problems.append(Problem(rule: problem.rule, message: describe(column, index) + ": " + problem.message,
                                            column: column, value: raw))
                }
            }
        }
        return finish(source: source, row: &row, extraValues: extraValues, problems: problems, record: record)
    }

    /// What a spreadsheet error value does to its row (`SpreadsheetErrorValue`).
    enum ErrorValueOutcome {
        /// In a required column: the row is rejected.
        case rejects(Problem)
        /// In an optional or extra column: the cell is missing, named in the file's warning.
        case missing
        /// Under a header with no name: ignored like any cell there.
        case ignored
    }

    /// A spreadsheet error value in column `index`.
    func errorValue(_ cell: Substring, raw: String, index: Int, slot: HeaderSlot) -> ErrorValueOutcome {
        switch slot {
        case .unnamed: return .ignored
        case .extra: return .missing
        case .canonical(let column):
            guard ReturnColumn.required.contains(column) else { return .missing }
            return .rejects(Problem(rule: .spreadsheetError, message: describe(column, index) + " is required but holds the "
                + "spreadsheet error `\(cell)`, not a value; correct the formula (or type the value) in the spreadsheet "
                + "and export it again", column: column, value: raw))
        }
    }

    /// `.skipped` for a blank row or a note (`NoteRow`), recording the note; `nil` for a
    /// row that is rejected as it is.
    mutating func skip(line: Int, cells: [String]) -> RowOutcome? {
        switch NoteRow.shape(of: cells) {
        case nil: return nil
        case .blank: return .skipped
        case .note(let text):
            remarks.addNote(line: line, text: text)
            return .skipped
        }
    }

    /// The totals label in `authority` or `service` (SPEC §4, `TotalsLabels`), with its column.
    func totalsLabel(_ row: RowValues) -> (column: ReturnColumn, label: String)? {
        if let service = row.service, totals.isTotal(service) { return (.service, service) }
        if let authority = row.authority, totals.isTotal(authority) { return (.authority, authority) }
        return nil
    }

    /// The row once every cell is stored: rejected for its first problem (all are named),
    /// its proportions resolved, or accepted. `record` gives the cells as read, for a reject.
    mutating func finish(source: SourceLocation, row: inout RowValues, extraValues: [String?], problems: [Problem],
                         record rawCells: () -> [String]) -> RowOutcome {
        if let total = totalsLabel(row), let index = mapping.slots.firstIndex(of: .canonical(total.column)) {
            return .rejected(RejectedRow(source: source, rule: .totalRow,
                                         message: describe(total.column, index) + ": \"\(total.label)\" marks a totals row, not a "
                                            + "service — the figures are summed from the services; nothing is lost (it enters no "
                                            + "figure), or delete the row from the return to silence this",
                                         column: total.column, value: total.label, record: rawCells()))
        }
        if let first = problems.first {
            if let skipped = skip(line: source.line, cells: rawCells()) { return skipped }
            return .rejected(RejectedRow(source: source, rule: first.rule,
                                         message: problems.map { Self.withNames($0, of: row) }.joined(separator: "; "),
                                         column: first.column, value: first.value, record: rawCells()))
        }
        guard let authority = row.authority, let service = row.service, let totalCost = row.totalCost,
              let peopleSupported = row.peopleSupported else {
            // Unreachable: the header check guarantees the required columns and every
            // missing required cell was a problem above. Rejected rather than trapped.
            return .rejected(RejectedRow(source: source, rule: .requiredMissing,
                                         message: "a required value is missing", record: rawCells()))
        }
        if let problem = row.resolveProportions(peopleSupported: peopleSupported, describe: { describe($0, $1) }) {
            return .rejected(RejectedRow(source: source, rule: problem.rule, message: problem.message,
                                         column: problem.column, value: problem.value, record: rawCells()))
        }
        var serviceReturn = ServiceReturn(
            source: source, authority: authority, service: service, period: row.period, model: row.model,
            evidenceBase: EvidenceBase(label: row.evidenceLabel), totalCost: totalCost,
            peopleSupported: peopleSupported, counts: row.counts.counts,
            reportedCostPerPerson: row.reportedCostPerPerson, reportedCostPerOutcome: row.reportedCostPerOutcome,
            extraColumns: [])
        serviceReturn.proportionsGiven = row.proportions.map(\.column)
        return .accepted(serviceReturn, extraValues: extraValues)
    }

    /// A problem's message, and for an empty `authority` or `service` the name the row does
    /// have and the likely cause (issue 28): a name merged down several rows in the
    /// spreadsheet is stored on the first of them only, so a CSV export — or a merge that
    /// does not reach this row — leaves the others empty.
    static func withNames(_ problem: Problem, of row: RowValues) -> String {
        guard problem.rule == .requiredMissing, problem.value.isEmpty else { return problem.message }
        switch problem.column {
        case .authority:
            guard let service = row.service else { return problem.message }
            return problem.message + " (the row of service \"\(service)\"; if the authority is a merged cell spanning "
                + "several services, type it on every row: a merged cell's value is stored on its first row only)"
        case .service:
            guard let authority = row.authority else { return problem.message }
            return problem.message + " (a row of authority \"\(authority)\"; if the service is a merged cell spanning "
                + "several rows, type it on every row: a merged cell's value is stored on its first row only)"
        default:
            return problem.message
        }
    }

    /// What a cell longer than the cell limit is told (issue 19 item 5).
    func oversizedMessage(length: Int, cell: Int) -> String {
        let name = mapping.headers.indices.contains(cell) ? " (`\(mapping.headers[cell])`)" : ""
        return "column \(cell + 1)\(name): the cell is \(length) bytes, longer than the limit of "
            + "\(CSVByteParser.defaultCellLimit) bytes (64 KiB) that no name or number comes near; check the export "
            + "(a quote that opens a cell and closes much later?)"
    }

    /// "`total_cost` (column 6, `Total costs of contract`)".
    func describe(_ column: ReturnColumn, _ index: Int) -> String {
        let header = mapping.headers[index]
        let position = "column \(index + 1)"
        return header == column.rawValue ? "`\(column.rawValue)` (\(position))" : "`\(column.rawValue)` (\(position), `\(header)`)"
    }
}

/// The typed cells of one row while it is being read.
struct RowValues {
    var authority: String?
    var service: String?
    var period: String?
    var model: String?
    var evidenceLabel: String?
    var totalCost: Double?
    var peopleSupported: Int?
    var counts = CountScratch()
    var reportedCostPerPerson: Double?
    var reportedCostPerOutcome: Double?
    /// Breakdown cells given as percentages, in column order, with their header index.
    var proportions: [(column: ReturnColumn, index: Int, proportion: Double, text: Substring)] = []
    var index = 0

    /// Stores the text of a text column (`authority`, `service`, `period`, `model`).
    mutating func setText(_ text: String, of column: ReturnColumn) {
        switch column {
        case .authority: authority = text
        case .service: service = text
        case .period: period = text
        default: model = text
        }
    }

    /// Stores a workbook number (not a percentage) in a money or count column when it is a
    /// value there, as `set` would; false for any other column or a number `set` must
    /// explain (too large, not whole), which then goes through `set` with its text.
    mutating func setNumber(_ column: ReturnColumn, _ value: Double) -> Bool {
        switch column.kind {
        case .money:
            guard case .value(let money) = CellValues.money(value: value) else { return false }
            switch column {
            case .totalCost: totalCost = money
            case .reportedCostPerPerson: reportedCostPerPerson = money
            default: reportedCostPerOutcome = money
            }
        case .count:
            guard case .value(let count) = CellValues.count(value: value) else { return false }
            if column == .peopleSupported { peopleSupported = count } else { counts[column] = Double(count) }
        case .text, .evidenceBase:
            return false
        }
        return true
    }

    /// Stores a present (non-missing) cell; returns the problem if it does not parse.
    mutating func set(_ column: ReturnColumn, from typed: ReturnCell, text cell: Substring) -> (rule: RejectRule, message: String)? {
        switch column.kind {
        case .text:
            setText(String(cell), of: column)
        case .evidenceBase:
            evidenceLabel = String(cell)
        case .money:
            let money: CellValues.MoneyResult
            switch typed {
            case .number(_, isPercent: true):
                return (.unparsableMoney, "\"\(cell)\" is a percentage, not an amount of money; enter the cost in pounds")
            case .number(let value, isPercent: false): money = CellValues.money(value: value)
            default: money = CellValues.money(cell)
            }
            switch money {
            case .value(let value):
                switch column {
                case .totalCost: totalCost = value
                case .reportedCostPerPerson: reportedCostPerPerson = value
                default: reportedCostPerOutcome = value
                }
            case .unparsable:
                return (.unparsableMoney, "cannot read \"\(cell)\" as money; expected pounds such as 263132, £263,132 or 1,730.50")
            case .tooLarge:
                return (.unparsableMoney, "\"\(cell)\" is too large to be a cost (more than £1,000,000,000,000,000); check the cell")
            }
        case .count:
            var percent: Proportions.PercentResult = .notPercent
            switch typed {
            case .number(let value, isPercent: true): percent = .proportion(value)
            case .text: percent = Proportions.percentage(cell)
            default: break
            }
            switch percent {
            case .notPercent: break
            case .unparsable:
                return (.unparsableCount, "cannot read \"\(cell)\" as a percentage; expected a proportion such as 45% or 73.72%")
            case .proportion(let proportion):
                guard Proportions.base(of: column) != nil else {
                    return (.unparsableCount, "\"\(cell)\" is a percentage, but this column is a count of people, not a proportion of "
                        + "another column; write the number of people")
                }
                proportions.append((column, index, proportion, cell))
                return nil
            }
            let count: CellValues.CountResult
            if case .number(let value, _) = typed { count = CellValues.count(value: value) } else { count = CellValues.count(cell) }
            switch count {
            case .value(let value):
                if column == .peopleSupported { peopleSupported = value } else { counts[column] = Double(value) }
            case .unparsable:
                return (.unparsableCount, "cannot read \"\(cell)\" as a count; expected a whole number such as 12 or 1,200")
            case .notWhole:
                return (.nonIntegerCount, "\"\(cell)\" is not a whole number; a count of people must be whole (12 or 12.0)")
            case .tooLarge:
                return (.unparsableCount, "\"\(cell)\" is too large to be a count (more than 1,000,000,000,000); check the cell")
            }
        }
        return nil
    }

    /// Turns the percentages into counts of their base (SPEC §4): clients and support levels
    /// of `people_supported`, outcome types of `outcomes_total` — a percentage there without
    /// `outcomes_total` rejects the row, as does one above 100%. The count is
    /// proportion × base, possibly fractional.
    mutating func resolveProportions(peopleSupported: Int,
                                     describe: (ReturnColumn, Int) -> String) -> (rule: RejectRule, message: String, column: ReturnColumn, value: String)? {
        for given in proportions where given.proportion > 1 {
            return (.proportionAbove100, describe(given.column, given.index) + ": \"\(given.text)\" is more than 100% of "
                + "`\(Proportions.base(of: given.column)?.rawValue ?? "")`; a part cannot exceed its total — check the cell",
                    given.column, String(given.text))
        }
        for given in proportions {
            let baseColumn = Proportions.base(of: given.column) ?? .peopleSupported
            let base: Double
            if baseColumn == .peopleSupported {
                base = Double(peopleSupported)
            } else if let total = counts[.outcomesTotal] {
                base = total
            } else {
                return (.proportionWithoutBase, describe(given.column, given.index) + ": \"\(given.text)\" is a percentage of "
                    + "the job outcomes, but `outcomes_total` is missing, so there is no total to take it of — "
                    + "fill in outcomes_total or write the number of people", given.column, String(given.text))
            }
            counts[given.column] = given.proportion * base + 0
        }
        return nil
    }
}
