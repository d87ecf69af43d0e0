import Tabular
import VFMCore

/// What one record of a return becomes: a typed row, or a reject saying why.
enum RowOutcome {
    /// `extraValues` are aligned with the file's `HeaderMapping.extras`.
    case accepted(ServiceReturn, extraValues: [String?])
    case rejected(RejectedRow)
}

/// Turns the records of one file into typed returns (SPEC §4). Ingest rejects only what
/// it can see in a cell or a row — a ragged row, a required cell missing, a numeric cell
/// that does not parse; negative values and impossible totals are the clean stage's rules.
struct ReturnRowReader {
    let mapping: HeaderMapping
    let missingWords: MissingValueWords
    let file: String
    /// Set when a cell under a header with no name held something (reported once per file).
    private(set) var droppedUnnamedCells = false

    init(mapping: HeaderMapping, missingWords: MissingValueWords, file: String) {
        self.mapping = mapping
        self.missingWords = missingWords
        self.file = file
    }

    /// One problem in a row, in column order; the first decides the row's rule.
    private struct Problem {
        var rule: String
        var message: String
    }

    mutating func read(_ record: CSVByteRecord) -> RowOutcome {
        let source = SourceLocation(file: file, line: record.position.line)
        guard record.count == mapping.slots.count else {
            let found = record.count, expected = mapping.slots.count
            return .rejected(RejectedRow(
                source: source, rule: "ragged-row",
                message: "row has \(found) cell\(found == 1 ? "" : "s") but the header has \(expected) columns; "
                    + "check for an unquoted comma or a missing cell",
                rawCells: record.strings))
        }
        if let long = record.oversizedCell {
            return .rejected(RejectedRow(source: source, rule: "cell-too-long",
                                         message: Self.oversizedMessage(record, cell: long, header: mapping.headers[long]),
                                         rawCells: Self.cellsShortened(record)))
        }
        var row = RowValues()
        var extraValues = [String?](repeating: nil, count: mapping.extras.count)
        var problems: [Problem] = []
        for (index, slot) in mapping.slots.enumerated() {
            record.withCell(index) { raw in
                CellTrim.withTrimmed(raw) { cell in
                    let missing = missingWords.isMissing(cell)
                    switch slot {
                    case .unnamed:
                        if !missing { droppedUnnamedCells = true }
                    case .extra(let extraIndex):
                        extraValues[extraIndex] = missing ? nil : String(decoding: cell, as: UTF8.self)
                    case .canonical(let column):
                        if missing {
                            if ReturnColumn.required.contains(column) {
                                let written = String(decoding: raw, as: UTF8.self)
                                problems.append(Problem(rule: "required-missing", message: describe(column, index)
                                    + " is required but is \(raw.isEmpty ? "empty" : "\"\(written)\" (missing)"); fill it in or remove the row"))
                            }
                            return
                        }
                        if row.setFast(column, from: cell) { return }
                        if let problem = row.set(column, from: Substring(String(decoding: cell, as: UTF8.self))) {
                            problems.append(Problem(rule: problem.rule, message: describe(column, index) + ": " + problem.message))
                        }
                    }
                }
            }
        }
        if let first = problems.first {
            return .rejected(RejectedRow(source: source, rule: first.rule,
                                         message: problems.map(\.message).joined(separator: "; "),
                                         rawCells: record.strings))
        }
        guard let authority = row.authority, let service = row.service, let totalCost = row.totalCost,
              let peopleSupported = row.peopleSupported else {
            // Unreachable: the header check guarantees the required columns and every
            // missing required cell was a problem above. Rejected rather than trapped.
            return .rejected(RejectedRow(source: source, rule: "required-missing",
                                         message: "a required value is missing", rawCells: record.strings))
        }
        let serviceReturn = ServiceReturn(
            source: source, authority: authority, service: service, period: row.period, model: row.model,
            evidenceBase: EvidenceBase(label: row.evidenceLabel), totalCost: totalCost,
            peopleSupported: peopleSupported, counts: row.counts,
            reportedCostPerPerson: row.reportedCostPerPerson, reportedCostPerOutcome: row.reportedCostPerOutcome,
            extraColumns: [])
        return .accepted(serviceReturn, extraValues: extraValues)
    }

    /// What a cell longer than the parser's limit is told (issue 19 item 5).
    static func oversizedMessage(_ record: CSVByteRecord, cell: Int, header: String?) -> String {
        let name = header.map { " (`\($0)`)" } ?? ""
        return "column \(cell + 1)\(name): the cell is \(record.oversizedCellLength) bytes, longer than the limit of "
            + "\(CSVByteParser.defaultCellLimit) bytes (64 KiB) that no name or number comes near; check the export "
            + "(a quote that opens a cell and closes much later?)"
    }

    /// The record's cells for the rejected row, the oversized one cut to its first bytes
    /// and marked, so that `clean/rejected.csv` stays bounded too.
    static func cellsShortened(_ record: CSVByteRecord) -> [String] {
        var cells = record.strings
        if let long = record.oversizedCell, long < cells.count { cells[long] += "…" }
        return cells
    }

    /// "`total_cost` (column 6, `Total costs of contract`)".
    private func describe(_ column: ReturnColumn, _ index: Int) -> String {
        let header = mapping.headers[index]
        let position = "column \(index + 1)"
        return header == column.rawValue ? "`\(column.rawValue)` (\(position))" : "`\(column.rawValue)` (\(position), `\(header)`)"
    }
}

/// The typed cells of one row while it is being read.
private struct RowValues {
    var authority: String?
    var service: String?
    var period: String?
    var model: String?
    var evidenceLabel: String?
    var totalCost: Double?
    var peopleSupported: Int?
    var counts = CountValues()
    var reportedCostPerPerson: Double?
    var reportedCostPerOutcome: Double?

    /// Stores a present (non-missing) cell read straight from its bytes when it is a plain
    /// number (`CellBytes`) or text; false when it needs `set`'s full reading.
    mutating func setFast(_ column: ReturnColumn, from cell: UnsafeBufferPointer<UInt8>) -> Bool {
        switch column.kind {
        case .text:
            let text = String(decoding: cell, as: UTF8.self)
            switch column {
            case .authority: authority = text
            case .service: service = text
            case .period: period = text
            default: model = text
            }
        case .evidenceBase:
            evidenceLabel = String(decoding: cell, as: UTF8.self)
        case .money:
            guard let value = CellBytes.money(cell) else { return false }
            switch column {
            case .totalCost: totalCost = value
            case .reportedCostPerPerson: reportedCostPerPerson = value
            default: reportedCostPerOutcome = value
            }
        case .count:
            guard let value = CellBytes.count(cell) else { return false }
            if column == .peopleSupported { peopleSupported = value } else { counts[column] = value }
        }
        return true
    }

    /// Stores a present (non-missing) cell; returns the problem if it does not parse.
    mutating func set(_ column: ReturnColumn, from cell: Substring) -> (rule: String, message: String)? {
        switch column.kind {
        case .text:
            let text = String(cell)
            switch column {
            case .authority: authority = text
            case .service: service = text
            case .period: period = text
            default: model = text
            }
        case .evidenceBase:
            evidenceLabel = String(cell)
        case .money:
            switch CellValues.money(cell) {
            case .value(let value):
                switch column {
                case .totalCost: totalCost = value
                case .reportedCostPerPerson: reportedCostPerPerson = value
                default: reportedCostPerOutcome = value
                }
            case .unparsable:
                return ("unparsable-money", "cannot read \"\(cell)\" as money; expected pounds such as 263132, £263,132 or 1,730.50")
            case .tooLarge:
                return ("unparsable-money", "\"\(cell)\" is too large to be a cost (more than £1,000,000,000,000,000); check the cell")
            }
        case .count:
            switch CellValues.count(cell) {
            case .value(let value):
                if column == .peopleSupported { peopleSupported = value } else { counts[column] = value }
            case .unparsable:
                return ("unparsable-count", "cannot read \"\(cell)\" as a count; expected a whole number such as 12 or 1,200")
            case .notWhole:
                return ("non-integer-count", "\"\(cell)\" is not a whole number; a count of people must be whole (12 or 12.0)")
            case .tooLarge:
                return ("unparsable-count", "\"\(cell)\" is too large to be a count (more than 1,000,000,000,000); check the cell")
            }
        }
        return nil
    }
}
