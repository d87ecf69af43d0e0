import Returns
import Tabular
import VFMCore

/// Reads the rows of one survey table — a CSV file or a worksheet — into responses and
/// rejected rows: the header is the first row naming `authority` (rows above it are
/// preamble, counted), every row below is accepted or rejected with its line, column and
/// reason (SPEC §12, with §4's ragged rows, long cells and totals rows).
struct SurveyTable {
    let name: String
    let cells: SurveyCellReader
    let totals: TotalsLabels
    /// Worksheet rows have no fixed width: they are padded to the header's, never ragged.
    let padsRows: Bool

    private(set) var header: SurveyHeader?
    private(set) var preambleRows = 0
    private(set) var rowsRead = 0
    private(set) var responses: [SurveyResponse] = []
    private(set) var rejected: [RejectedRow] = []
    private(set) var cellsBeyondHeader = false

    init(name: String, missingWords: MissingValueWords, totals: TotalsLabels, padsRows: Bool) {
        self.name = name
        self.cells = SurveyCellReader(missingWords: missingWords)
        self.totals = totals
        self.padsRows = padsRows
    }

    mutating func take(line: Int, cells row: [ReturnCell]) throws(VFMError) {
        guard let header else {
            let texts = row.map(\.text)
            if SurveyHeader.namesAuthority(texts) {
                var trimmed = texts
                if padsRows { while trimmed.last.map({ CellText.trimmed($0).isEmpty }) == true { trimmed.removeLast() } }
                header = try SurveyHeader(line: line, cells: trimmed, file: name)
            } else {
                preambleRows += 1
            }
            return
        }
        rowsRead += 1
        var row = row
        let record = row.map(\.text)
        let source = SourceLocation(file: name, line: line)
        let width = header.slots.count
        if padsRows {
            if row.count > width {
                if row[width...].contains(where: { $0 != .empty }) { cellsBeyondHeader = true }
                row.removeLast(row.count - width)
            }
            while row.count < width { row.append(.empty) }
        } else if row.count != width {
            rejected.append(RejectedRow(source: source, rule: .raggedRow, message: "the row has \(row.count) cells but the "
                + "header on line \(header.line) has \(width); a cell was added or lost (an unquoted comma?) — fix the row",
                columnName: nil, record: record))
            return
        }
        if let reject = reject(row, header: header, source: source, record: record) {
            rejected.append(reject)
            return
        }
        var answers: [String: SurveyValue] = [:]
        for (index, slot) in header.slots.enumerated() {
            let column: (name: String, kind: SurveyCellKind)
            switch slot {
            case .column(let fixed): column = (fixed.name, fixed.kind)
            case .spend(let spend): column = (spend.name, .money)
            case .ignored: continue
            }
            do throws(SurveyCellProblem) {
                if let value = try cells.read(row[index], as: column.kind) { answers[column.name] = value }
            } catch {
                let written = row[index].text
                rejected.append(RejectedRow(source: source, rule: error.rule, message: "`\(column.name)` (column "
                    + "\(index + 1)) `\(written.count > 80 ? written.prefix(80) + "…" : written)` \(error.reason)", columnName: column.name,
                    value: written, record: record))
                return
            }
        }
        guard case .text(let authority)? = answers["authority"] else {
            rejected.append(RejectedRow(source: source, rule: .authorityMissing, message: "the response names no authority",
                                        columnName: "authority", record: record))
            return
        }
        responses.append(SurveyResponse(source: source, authority: authority, answers: answers))
    }

    /// The whole-row rules, before any cell is typed: a cell over the limit, a totals row,
    /// no authority.
    private func reject(_ row: [ReturnCell], header: SurveyHeader, source: SourceLocation,
                        record: [String]) -> RejectedRow? {
        for (index, cell) in row.enumerated() where cell.text.utf8.count > CellLimit.bytes {
            let name = columnName(header.slots[index])
            let shortened = CellLimit.shortened(cell.text)
            return RejectedRow(source: source, rule: .cellTooLong, message: "column \(index + 1) holds \(cell.text.utf8.count) "
                + "bytes, longer than the limit of \(CellLimit.bytes) bytes (64 KiB) for a cell; no answer is that long",
                columnName: name, value: shortened, record: record.map { $0.utf8.count > CellLimit.bytes ? CellLimit.shortened($0) : $0 })
        }
        for (index, slot) in header.slots.enumerated() {
            guard case .column(let column) = slot, column.name == "authority" || column.name == "response" else { continue }
            let text = row[index].text
            if totals.isTotal(text) {
                return RejectedRow(source: source, rule: .totalRow, message: "a totals row, not a response — the figures are "
                    + "summed from the responses", columnName: column.name, value: text, record: record)
            }
        }
        guard let authorityIndex = header.slots.firstIndex(where: { columnName($0) == "authority" }) else { return nil }
        let authority = row[authorityIndex]
        if authority == .empty || cells.missingWords.isMissing(CellText.trimmed(authority.text)) {
            return RejectedRow(source: source, rule: .authorityMissing, message: "the response names no authority, so it "
                + "belongs to no area — fill in `authority`", columnName: "authority", value: authority.text, record: record)
        }
        return nil
    }

    private func columnName(_ slot: SurveyHeader.Slot) -> String? {
        switch slot {
        case .column(let column): return column.name
        case .spend(let spend): return spend.name
        case .ignored: return nil
        }
    }
}
