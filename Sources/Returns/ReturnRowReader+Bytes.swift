import Tabular
import VFMCore

extension ReturnRowReader {
    /// Types one CSV record straight from its bytes (issue 12): the same outcome as
    /// `read(line:cells:)` on the record's cells as text, but a `String` is made only for
    /// text columns, extra columns and rejects. Plain numbers are read by `CellBytes`;
    /// anything else (percentages, `+12`, U+2212, a bad cell) goes through `RowValues.set`
    /// and its messages.
    mutating func read(_ record: CSVByteRecord) -> RowOutcome {
        let source = SourceLocation(file: file, line: record.position.line)
        guard record.count == mapping.slots.count else {
            if let skipped = skip(line: record.position.line, cells: record.strings) { return skipped }
            let found = record.count, expected = mapping.slots.count
            return .rejected(RejectedRow(
                source: source, rule: .raggedRow,
                message: "row has \(found) cell\(found == 1 ? "" : "s") but the header has \(expected) columns; "
                    + "check for an unquoted comma or a missing cell",
                record: record.strings))
        }
        if let long = record.oversizedCell {
            var cells = record.strings
            cells[long] = CellLimit.shortened(cells[long])
            return .rejected(RejectedRow(source: source, rule: .cellTooLong,
                                         message: oversizedMessage(length: record.oversizedCellLength, cell: long),
                                         column: mapping.slots[long].canonicalColumn, value: cells[long], record: cells))
        }
        var state = RecordTyping(extraValues: [String?](repeating: nil, count: mapping.extras.count),
                                 line: record.position.line)
        let slots = mapping.slots
        record.bytes.withUnsafeBufferPointer { bytes in
            for index in slots.indices {
                let raw = UnsafeBufferPointer(rebasing: bytes[record.range(of: index)])
                if let cell = CellTrim.trimmedInPlace(raw) {
                    take(cell, raw: raw, index: index, slot: slots[index], into: &state)
                } else {
                    var text = CellTrim.trimmedText(raw)
                    text.withUTF8 { take($0, raw: raw, index: index, slot: slots[index], into: &state) }
                }
            }
        }
        if state.droppedUnnamedCells { droppedUnnamedCells = true }
        remarks.append(state.remarks)
        return finish(source: source, row: &state.row, extraValues: state.extraValues, problems: state.problems,
                      record: { record.strings })
    }

    /// One trimmed cell (`raw` as read) of column `index` into `state`.
    private func take(_ cell: UnsafeBufferPointer<UInt8>, raw: UnsafeBufferPointer<UInt8>, index: Int, slot: HeaderSlot,
                      into state: inout RecordTyping) {
        if SpreadsheetErrorValue.matches(cell) {
            let text = String(decoding: cell, as: UTF8.self)
            switch errorValue(Substring(text), raw: String(decoding: raw, as: UTF8.self), index: index, slot: slot) {
            case .rejects(let problem): state.problems.append(problem)
            case .missing: state.remarks.addError(line: state.line, column: index, value: text)
            case .ignored: break
            }
            return
        }
        let missing = missingWords.isMissing(cell)
        switch slot {
        case .unnamed:
            if !missing { state.droppedUnnamedCells = true }
        case .extra(let extraIndex):
            state.extraValues[extraIndex] = missing ? nil : String(decoding: cell, as: UTF8.self)
        case .canonical(let column):
            if missing {
                if ReturnColumn.required.contains(column) {
                    let written = String(decoding: raw, as: UTF8.self)
                    state.problems.append(Problem(rule: .requiredMissing, message: describe(column, index)
                        + " is required but is \(raw.isEmpty ? "empty" : "\"\(written)\" (missing)"); fill it in or remove the row",
                        column: column, value: written))
                }
                return
            }
            if state.row.setFast(column, from: cell) { return }
            state.row.index = index
            let text = String(decoding: cell, as: UTF8.self)
            if let problem = state.row.set(column, from: .text(text), text: Substring(text)) {
                state.problems.append(Problem(rule: problem.rule, message: describe(column, index) + ": " + problem.message,
                                              column: column, value: String(decoding: raw, as: UTF8.self)))
            }
        }
    }
}

/// What one record has given so far while its cells are typed: a struct passed `inout`,
/// not variables captured by a nested function, which would be boxed and checked for
/// exclusive access at run time on every cell.
private struct RecordTyping {
    var row = RowValues()
    var extraValues: [String?]
    var problems: [ReturnRowReader.Problem] = []
    var droppedUnnamedCells = false
    var line: Int
    var remarks = RowRemarks()
}

extension RowValues {
    /// Stores a present (non-missing) cell read straight from its bytes when it is a plain
    /// number (`CellBytes`) or text; false when it needs `set`'s full reading.
    mutating func setFast(_ column: ReturnColumn, from cell: UnsafeBufferPointer<UInt8>) -> Bool {
        switch column.kind {
        case .text:
            setText(String(decoding: cell, as: UTF8.self), of: column)
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
            if column == .peopleSupported { peopleSupported = value } else { counts[column] = Double(value) }
        }
        return true
    }
}

extension HeaderSlot {
    /// The canonical column at this position, if it is one.
    var canonicalColumn: ReturnColumn? {
        if case .canonical(let column) = self { return column }
        return nil
    }
}

/// The longest cell read (issue 19 item 5, SPEC §3): `CSVByteParser.defaultCellLimit`,
/// 64 KiB, for CSV and workbook cells alike.
package enum CellLimit {
    package static let bytes = CSVByteParser.defaultCellLimit

    /// What is kept of an oversized cell in messages and `clean/rejected.csv`: its first
    /// `CSVByteParser.keptPrefixOfLongCell` bytes, cut back to a whole UTF-8 character,
    /// then `…`.
    package static func shortened(_ cell: String) -> String {
        var bytes = Array(cell.utf8.prefix(CSVByteParser.keptPrefixOfLongCell))
        if bytes.count == CSVByteParser.keptPrefixOfLongCell {
            // Drop a multi-byte character cut in two (continuation bytes, then its lead).
            var end = bytes.count
            while end > 0, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
            if end > 0, bytes[end - 1] >= 0xC0 {
                let lead = bytes[end - 1]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                if bytes.count - (end - 1) < length { bytes.removeSubrange((end - 1)...) }
            }
        }
        return String(decoding: bytes, as: UTF8.self) + "…"
    }
}
