/// Streams one worksheet part (ECMA-376 Part 1 §18.3.1.99 `sheetData`) row by row from
/// `XMLPushParser`'s events. Only the row being read is held, so memory does not grow with
/// the sheet. Element and attribute names are compared as bytes, a cell's value is gathered
/// as bytes, and a number cell becomes a `Double` without a `String` (`CellNumber`).
///
/// The reading itself is `SheetRows`, a value the reader mutates once per event: its state
/// in a struct, not in the class's properties, so that the millions of events do not each
/// pay Swift's dynamic exclusivity checks on a class's stored properties (6% of a 10⁵-row
/// read, issue 30). The struct lives in memory the reader allocates and owns, not in a
/// stored `var`: a mutating call on a class's `var` is itself such a check (begin and end
/// access, a thread-local lookup each), 5% of the read again.
final class SheetReader: XMLEventHandler {
    /// Columns beyond XFD (16,384) do not exist in SpreadsheetML.
    static let maximumColumns = 16_384
    /// Rows beyond 1,048,576 do not exist in SpreadsheetML.
    static let maximumRow = 1_048_576

    /// Allocated in `init`, freed in `deinit`; only this reader, on its one thread, uses it.
    private let state: UnsafeMutablePointer<SheetRows>
    private var rows: SheetRows { state.pointee }

    init(part: String, sharedStrings: SharedStrings, percentStyles: [Bool], rowTextLimit: Int,
         merges: MergedRanges = MergedRanges(), body: @escaping (WorkbookRow) -> Bool) {
        state = .allocate(capacity: 1)
        state.initialize(to: SheetRows(part: part, sharedStrings: sharedStrings, percentStyles: percentStyles,
                                       rowTextLimit: rowTextLimit, merges: merges, body: body))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Formula cells with no saved result, read as empty (`A1`-style reference of the first).
    var formulasWithoutValue: Int { rows.formulasWithoutValue }
    var firstFormulaWithoutValue: String? { rows.firstFormulaWithoutValue }
    /// Merged ranges' values written into the cells they cover (`MergeFill`).
    var mergeFill: MergeFill { rows.mergeFill }
    /// Columns (from 0) the sheet hides (`cols/col hidden="1"`, §18.3.1.13), for messages.
    var hiddenColumns: Set<Int> { rows.hiddenColumns }

    /// Reads the worksheet in `scratch` to its end, or until `body` says stop.
    func run(_ scratch: ScratchPart) throws(WorkbookError) {
        try PartParser.parse(scratch, part: rows.part, with: self, place: { self.rows.place })
        if let failure = rows.failure { throw failure }
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool { state.pointee.startElement(name, attributes) }
    func endElement(_ name: XMLName) -> Bool { state.pointee.endElement(name) }
    func characters(_ text: XMLBytes) { state.pointee.characters(text) }

    /// `B7` → 1 (column index from 0); nil when the reference is not letters then digits.
    static func column(of reference: String) -> Int? {
        var bytes = Array(reference.utf8)
        return bytes.withUnsafeMutableBufferPointer { column(of: UnsafeBufferPointer($0)) }
    }

    static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        var digits = 0
        for byte in reference {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0 else { return nil }
                digits += 1
            default:
                return nil
            }
        }
        return letters > 0 ? column - 1 : nil
    }

    /// 0 → `A`, 27 → `AB`.
    static func letters(_ column: Int) -> String {
        var result: [Character] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            result.insert(Character(UnicodeScalar(UInt8(65 + digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(result)
    }
}

/// The state and rules of `SheetReader`: rows, cells by their stored type, merged cells,
/// the row's text limit, formulas without results, hidden columns.
struct SheetRows {
    let part: String
    private let sharedStrings: SharedStrings
    private let percentStyles: [Bool]
    private let body: (WorkbookRow) -> Bool
    /// `WorkbookLimits.rowTextBytes`, and the text of the row being read so far.
    private let rowTextLimit: Int
    private var rowTextBytes = 0

    private(set) var failure: WorkbookError?
    private(set) var stopped = false
    /// Formula cells with no saved result, read as empty (`A1`-style reference of the first).
    private(set) var formulasWithoutValue = 0
    private(set) var firstFormulaWithoutValue: String?
    /// Merged ranges' values written into the cells they cover (`MergeFill`).
    private(set) var mergeFill: MergeFill
    /// Columns (from 0) the sheet hides (`cols/col hidden="1"`, §18.3.1.13), for messages.
    private(set) var hiddenColumns: Set<Int> = []

    private var rowNumber = 0
    private var cells: [WorkbookCell] = []
    private var inRow = false
    // The cell being read.
    private var inCell = false
    private var cellColumn = 0
    /// The cell's `r` as written (`B7`, `$B$7`), kept as bytes: a `String` only for messages.
    private var givenReference: [UInt8] = []
    private var cellType = CellType.number
    private var cellStyle = 0
    private var hasFormula = false
    /// The cell has a `<v>` element, even an empty one: a formula's saved result.
    private var hasValue = false
    private var value: [UInt8] = []
    private var inlineText: [UInt8] = []
    private var collecting: Collecting = .none
    private var inInlineString = false, phoneticDepth = 0

    private enum Collecting { case none, value, inlineText }

    /// `ST_CellType` (§18.18.11), by the bytes of the cell's `t`; anything else is read as a number.
    private enum CellType {
        case sharedString, inlineString, formulaString, error, date, boolean, number

        init(_ bytes: XMLBytes?) {
            guard let bytes else { self = .number; return }
            if bytes.equals("s") { self = .sharedString }
            else if bytes.equals("inlineStr") { self = .inlineString }
            else if bytes.equals("str") { self = .formulaString }
            else if bytes.equals("e") { self = .error }
            else if bytes.equals("d") { self = .date }
            else if bytes.equals("b") { self = .boolean }
            else { self = .number }
        }
    }

    init(part: String, sharedStrings: SharedStrings, percentStyles: [Bool], rowTextLimit: Int,
         merges: MergedRanges = MergedRanges(), body: @escaping (WorkbookRow) -> Bool) {
        self.mergeFill = MergeFill(merges)
        self.part = part
        self.rowTextLimit = rowTextLimit
        self.sharedStrings = sharedStrings
        self.percentStyles = percentStyles
        self.body = body
    }

    /// Where the reader is, for a message about XML that is not well-formed.
    var place: String {
        if inCell { return ", in cell \(cellReference)" }
        if rowNumber > 0 { return inRow ? ", in row \(rowNumber)" : ", after row \(rowNumber)" }
        return ""
    }

    /// The current cell as its `r` names it, else `A1`-style; made only for messages.
    private var cellReference: String {
        givenReference.isEmpty ? SheetReader.letters(cellColumn) + String(rowNumber) : String(decoding: givenReference, as: UTF8.self)
    }

    private mutating func fail(_ message: String) -> Bool {
        if failure == nil { failure = WorkbookError(.malformedPart, "the worksheet `\(part)` is damaged: \(message)") }
        return false
    }

    mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        guard failure == nil, !stopped else { return false }
        if name.equals("c") {
            guard inRow else { return true }
            return startCell(attributes)
        } else if name.equals("v") {
            if inCell {
                collecting = .value
                hasValue = true
            }
        } else if name.equals("row") {
            return startRow(attributes)
        } else if name.equals("f") {
            if inCell { hasFormula = true }
        } else if name.equals("is") {
            if inCell { inInlineString = true }
        } else if name.equals("t") {
            if inInlineString && phoneticDepth == 0 { collecting = .inlineText }
        } else if name.equals("rPh") {
            if inInlineString { phoneticDepth += 1 }
        } else if name.equals("col") {
            if !inRow { noteHiddenColumns(attributes) }
        }
        return true
    }

    private mutating func startRow(_ attributes: XMLAttributes) -> Bool {
        var number = rowNumber + 1
        if let text = attributes["r"] {
            guard let given = text.integer, given > rowNumber, given <= SheetReader.maximumRow else {
                return fail("row number `\(text.string)` after row \(rowNumber) is out of order or out of range")
            }
            number = given
        }
        rowNumber = number
        rowTextBytes = 0
        cells.removeAll(keepingCapacity: true)
        inRow = true
        return true
    }

    private mutating func startCell(_ attributes: XMLAttributes) -> Bool {
        var type: XMLBytes?, style: XMLBytes?, given: XMLBytes?
        attributes.forEachUnprefixed { name, value in
            if name.equals("r") { given = value } else if name.equals("t") { type = value } else if name.equals("s") { style = value }
        }
        inCell = true
        cellType = CellType(type)
        cellStyle = style?.integer ?? 0
        hasFormula = false
        hasValue = false
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        givenReference.removeAll(keepingCapacity: true)
        if let reference = given {
            guard let column = reference.withBuffer(SheetReader.column(of:)), column >= cells.count else {
                return fail("cell reference `\(reference.string)` in row \(rowNumber) is not a cell of that row after column \(cells.count)")
            }
            cellColumn = column
            reference.append(to: &givenReference)
        } else {
            cellColumn = cells.count
        }
        guard cellColumn < SheetReader.maximumColumns else { return fail("row \(rowNumber) has more than 16,384 columns") }
        return true
    }

    private mutating func noteHiddenColumns(_ attributes: XMLAttributes) {
        let hidden = attributes["hidden"].map { $0.equals("1") || $0.equals("true") } ?? false
        if hidden, let first = attributes["min"]?.integer, let last = attributes["max"]?.integer, first >= 1, first <= last {
            for column in first ... min(last, SheetReader.maximumColumns) { hiddenColumns.insert(column - 1) }
        }
    }

    mutating func endElement(_ name: XMLName) -> Bool {
        guard failure == nil, !stopped else { return false }
        if name.equals("v") || name.equals("t") {
            collecting = .none
        } else if name.equals("c") {
            guard inCell else { return true }
            inCell = false
            guard let cell = makeCell() else { return false }
            if case .text(let text) = cell, !addRowText(text.utf8.count, from: "") { return false }
            while cells.count < cellColumn { cells.append(.empty) }
            cells.append(cell)
        } else if name.equals("row") {
            guard inRow else { return true }
            inRow = false
            if !mergeFill.isEmpty, !addRowText(mergeFill.fill(row: rowNumber, cells: &cells), from: " once its merged cells are filled") {
                return false
            }
            while cells.last == .empty { cells.removeLast() }
            if !body(WorkbookRow(number: rowNumber, cells: cells)) {
                stopped = true
                return false
            }
        } else if name.equals("rPh") {
            if inInlineString { phoneticDepth -= 1 }
        } else if name.equals("is") {
            inInlineString = false
        }
        return true
    }

    /// Counts `bytes` more text in the row; false past the row's limit
    /// (`WorkbookLimits.rowTextBytes`). `how` says where the text came from.
    private mutating func addRowText(_ bytes: Int, from how: String) -> Bool {
        rowTextBytes += bytes
        guard rowTextBytes > rowTextLimit else { return true }
        failure = WorkbookError(.partTooLarge, "row \(rowNumber) of the worksheet `\(part)` holds more than "
            + "\(rowTextLimit >> 20) MiB of text\(how), the limit for one row of a return (a real row is a few hundred bytes); "
            + "the workbook is damaged or made to exhaust memory")
        return false
    }

    mutating func characters(_ text: XMLBytes) {
        switch collecting {
        case .none: break
        case .value: text.append(to: &value)
        case .inlineText: text.append(to: &inlineText)
        }
    }

    /// The cell just closed, by its type (§18.18.11); nil after a failure.
    private mutating func makeCell() -> WorkbookCell? {
        switch cellType {
        case .sharedString:
            guard !value.isEmpty else { return .empty }
            if let index = sharedStringIndex(), let string = sharedStrings.string(index) { return .text(string) }
            _ = fail("cell \(cellReference) names shared string `\(String(decoding: value, as: UTF8.self))`, which the workbook does not have")
            return nil
        case .inlineString:
            return .text(Self.text(inlineText))
        case .formulaString, .error, .date:
            // A formula whose saved result is the empty string (`=IF(B2="","",B2)`) has an
            // empty `<v>`: calculated, and empty — not a formula left uncalculated.
            if value.isEmpty { return cellType == .formulaString && hasValue ? .empty : emptyFormulaOrEmpty() }
            return .text(Self.text(value))
        case .boolean:
            switch String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces) {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            case "": return emptyFormulaOrEmpty()
            default:
                _ = fail("cell \(cellReference) is a boolean holding `\(String(decoding: value, as: UTF8.self))`")
                return nil
            }
        case .number:
            let number: Double
            switch value.withUnsafeBufferPointer(CellNumber.parse) {
            case .number(let parsed): number = parsed
            case .blank: return emptyFormulaOrEmpty()
            case .undecided:
                // What the fast path leaves: read exactly as the reader always read it.
                let text = String(decoding: value, as: UTF8.self)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return emptyFormulaOrEmpty() }
                guard let parsed = Double(trimmed), parsed.isFinite else {
                    _ = fail("cell \(cellReference) is a number holding `\(text)`")
                    return nil
                }
                number = parsed
            }
            let percent = cellStyle >= 0 && cellStyle < percentStyles.count && percentStyles[cellStyle]
            return .number(number + 0, isPercent: percent)
        }
    }

    /// The index a shared-string cell's `<v>` holds, as `Int` read it after trimming spaces.
    private func sharedStringIndex() -> Int? {
        if let plain = value.withUnsafeBufferPointer(ASCIIInteger.parse) { return plain }
        return Int(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// A text cell's bytes as text, `_xHHHH_` escapes decoded.
    private static func text(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return XstringEscapes.mayContain(bytes) ? XstringEscapes.decode(text) : text
    }

    private mutating func emptyFormulaOrEmpty() -> WorkbookCell {
        if hasFormula {
            formulasWithoutValue += 1
            if firstFormulaWithoutValue == nil { firstFormulaWithoutValue = cellReference }
        }
        return .empty
    }
}
