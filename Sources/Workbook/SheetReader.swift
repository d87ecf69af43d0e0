import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one worksheet part (§18.3.1.99 `sheetData`) row by row. Only the row being read
/// is held: the part is parsed from a file stream by `XMLParser` (libxml2 push parser), so
/// memory does not grow with the sheet.
final class SheetReader: NSObject, XMLParserDelegate {
    /// Columns beyond XFD (16,384) do not exist in SpreadsheetML.
    static let maximumColumns = 16_384
    /// Rows beyond 1,048,576 do not exist in SpreadsheetML.
    static let maximumRow = 1_048_576

    private let part: String
    private let sharedStrings: [String]
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
    private var cellReference = ""
    private var cellType = "n"
    private var cellStyle = 0
    private var hasFormula = false
    /// The cell has a `<v>` element, even an empty one: a formula's saved result.
    private var hasValue = false
    private var value = ""
    private var inlineText = ""
    private var collecting: Collecting = .none
    private var inInlineString = false, phoneticDepth = 0
    private weak var parser: XMLParser?

    private enum Collecting { case none, value, inlineText }

    init(part: String, sharedStrings: [String], percentStyles: [Bool], rowTextLimit: Int,
         merges: MergedRanges = MergedRanges(), body: @escaping (WorkbookRow) -> Bool) {
        self.mergeFill = MergeFill(merges)
        self.part = part
        self.rowTextLimit = rowTextLimit
        self.sharedStrings = sharedStrings
        self.percentStyles = percentStyles
        self.body = body
    }

    func run(_ url: URL) throws(WorkbookError) {
        guard let stream = InputStream(url: url) else {
            throw WorkbookError(.malformedPart, "cannot read back the worksheet `\(part)` from its temporary file")
        }
        let parser = XMLParser(stream: stream)
        self.parser = parser
        try PartParsing.parse(parser, part: part, delegate: self, stopped: { stopped || failure != nil })
        if let failure { throw failure }
    }

    private func fail(_ message: String) {
        guard failure == nil else { return }
        failure = WorkbookError(.malformedPart, "the worksheet `\(part)` is damaged: \(message)")
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil, !stopped else { return }
        switch PartParsing.localName(elementName) {
        case "row":
            var number = rowNumber + 1
            if let text = attributeDict["r"] {
                guard let given = Int(text), given > rowNumber, given <= Self.maximumRow else {
                    return fail("row number `\(text)` after row \(rowNumber) is out of order or out of range")
                }
                number = given
            }
            rowNumber = number
            rowTextBytes = 0
            cells.removeAll(keepingCapacity: true)
            inRow = true
        case "c" where inRow:
            inCell = true
            cellType = attributeDict["t"] ?? "n"
            cellStyle = attributeDict["s"].flatMap { Int($0) } ?? 0
            hasFormula = false
            hasValue = false
            value = ""
            inlineText = ""
            if let reference = attributeDict["r"] {
                guard let column = Self.column(of: reference), column >= cells.count else {
                    return fail("cell reference `\(reference)` in row \(rowNumber) is not a cell of that row after column \(cells.count)")
                }
                cellReference = reference
                cellColumn = column
            } else {
                cellColumn = cells.count
                cellReference = Self.letters(cellColumn) + String(rowNumber)
            }
            guard cellColumn < Self.maximumColumns else { return fail("row \(rowNumber) has more than 16,384 columns") }
        case "col" where !inRow:
            let hidden = attributeDict["hidden"].map { $0 == "1" || $0 == "true" } ?? false
            if hidden, let first = attributeDict["min"].flatMap({ Int($0) }), let last = attributeDict["max"].flatMap({ Int($0) }),
               first >= 1, first <= last {
                for column in first ... min(last, Self.maximumColumns) { hiddenColumns.insert(column - 1) }
            }
        case "v" where inCell:
            collecting = .value
            hasValue = true
        case "f" where inCell: hasFormula = true
        case "is" where inCell: inInlineString = true
        case "rPh" where inInlineString: phoneticDepth += 1
        case "t" where inInlineString && phoneticDepth == 0: collecting = .inlineText
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, !stopped else { return }
        switch PartParsing.localName(elementName) {
        case "v", "t": collecting = .none
        case "rPh" where inInlineString: phoneticDepth -= 1
        case "is": inInlineString = false
        case "c" where inCell:
            inCell = false
            guard let cell = makeCell() else { return }
            if case .text(let text) = cell, !addRowText(text.utf8.count, parser: parser, from: "") { return }
            while cells.count < cellColumn { cells.append(.empty) }
            cells.append(cell)
        case "row" where inRow:
            inRow = false
            if !mergeFill.isEmpty,
               !addRowText(mergeFill.fill(row: rowNumber, cells: &cells), parser: parser, from: " once its merged cells are filled") {
                return
            }
            while cells.last == .empty { cells.removeLast() }
            if !body(WorkbookRow(number: rowNumber, cells: cells)) {
                stopped = true
                parser.abortParsing()
            }
        default: break
        }
    }

    /// Counts `bytes` more text in the row; false, with the parse aborted, past the row's
    /// limit (`WorkbookLimits.rowTextBytes`). `how` says where the text came from.
    private func addRowText(_ bytes: Int, parser: XMLParser, from how: String) -> Bool {
        rowTextBytes += bytes
        guard rowTextBytes > rowTextLimit else { return true }
        failure = WorkbookError(.partTooLarge, "row \(rowNumber) of the worksheet `\(part)` holds more than "
            + "\(rowTextLimit >> 20) MiB of text\(how), the limit for one row of a return (a real row is a few hundred bytes); "
            + "the workbook is damaged or made to exhaust memory")
        parser.abortParsing()
        return false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .none: break
        case .value: value += string
        case .inlineText: inlineText += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    /// The cell just closed, by its type (§18.18.11); nil after a failure.
    private func makeCell() -> WorkbookCell? {
        switch cellType {
        case "s":
            guard !value.isEmpty else { return .empty }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail("cell \(cellReference) names shared string `\(value)`, which the workbook does not have")
                return nil
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return .text(XstringEscapes.decode(inlineText))
        case "str", "e", "d":
            // A formula whose saved result is the empty string (`=IF(B2="","",B2)`) has an
            // empty `<v>`: calculated, and empty — not a formula left uncalculated.
            if value.isEmpty { return cellType == "str" && hasValue ? .empty : emptyFormulaOrEmpty() }
            return .text(XstringEscapes.decode(value))
        case "b":
            switch value.trimmingCharacters(in: .whitespaces) {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            case "": return emptyFormulaOrEmpty()
            default:
                fail("cell \(cellReference) is a boolean holding `\(value)`")
                return nil
            }
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return emptyFormulaOrEmpty() }
            guard let number = Double(trimmed), number.isFinite else {
                fail("cell \(cellReference) is a number holding `\(value)`")
                return nil
            }
            let percent = percentStyles.indices.contains(cellStyle) && percentStyles[cellStyle]
            return .number(number + 0, isPercent: percent)
        }
    }

    private func emptyFormulaOrEmpty() -> WorkbookCell {
        if hasFormula {
            formulasWithoutValue += 1
            if firstFormulaWithoutValue == nil { firstFormulaWithoutValue = cellReference }
        }
        return .empty
    }

    /// `B7` → 1 (column index from 0); nil when the reference is not letters then digits.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
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
