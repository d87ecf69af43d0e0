import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The package's relationships (`_rels/*.rels`, OPC §9.3): id → (type, target part).
struct Relationships {
    struct Relationship {
        var type: String
        var target: String
    }
    var byID: [String: Relationship] = [:]
    var inOrder: [Relationship] = []

    /// The first target whose type ends with `/suffix` (e.g. `officeDocument`, `styles`).
    func target(ofType suffix: String) -> String? {
        inOrder.first { $0.type.hasSuffix("/" + suffix) }?.target
    }

    static func parse(_ data: Data, part: String) throws(WorkbookError) -> Relationships {
        let delegate = RelationshipsDelegate()
        try PartParsing.parse(data, part: part, delegate: delegate)
        return delegate.result
    }

    /// Resolves a relationship target against the directory of the part that owns it;
    /// an absolute target (`/xl/worksheets/sheet1.xml`) is taken from the package root.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        if target.hasPrefix("/") { return normalise(String(target.dropFirst())) }
        let directory = sourcePart.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return normalise(directory.isEmpty ? target : directory + "/" + target)
    }

    private static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for piece in path.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func partFor(_ part: String) -> String {
        var pieces = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name = pieces.removeLast()
        return (pieces + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}

private final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    var result = Relationships()

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard PartParsing.localName(elementName) == "Relationship",
              let id = attributeDict["Id"], let target = attributeDict["Target"] else { return }
        if attributeDict["TargetMode"] == "External" { return }
        let relationship = Relationships.Relationship(type: attributeDict["Type"] ?? "", target: target)
        result.byID[id] = relationship
        result.inOrder.append(relationship)
    }
}

/// `xl/workbook.xml`: the sheets in workbook order with their relationship ids.
struct WorkbookPart {
    var sheets: [(name: String, relationshipID: String)] = []

    static func parse(_ data: Data, part: String) throws(WorkbookError) -> WorkbookPart {
        let delegate = WorkbookDelegate()
        try PartParsing.parse(data, part: part, delegate: delegate)
        return delegate.result
    }
}

private final class WorkbookDelegate: NSObject, XMLParserDelegate {
    var result = WorkbookPart()

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard PartParsing.localName(elementName) == "sheet", let name = attributeDict["name"] else { return }
        // The relationship id is `r:id` in the officeDocument relationships namespace,
        // whatever prefix the writer chose.
        let id = attributeDict.first { $0.key != "name" && PartParsing.localName($0.key) == "id" }?.value
        result.sheets.append((name, id ?? ""))
    }
}

/// `xl/sharedStrings.xml` (§18.4): the strings cells of type `s` index into. A rich-text
/// string is the concatenation of its runs' `t`; phonetic runs (`rPh`) are not part of it.
enum SharedStringsPart {
    static func parse(_ url: URL, part: String, limit: Int) throws(WorkbookError) -> [String] {
        guard let stream = InputStream(url: url) else {
            throw WorkbookError(.malformedPart, "cannot read back the part `\(part)` from its temporary file")
        }
        let parser = XMLParser(stream: stream)
        let delegate = SharedStringsDelegate(limit: limit, parser: parser)
        try PartParsing.parse(parser, part: part, delegate: delegate, stopped: { delegate.overLimit })
        if delegate.overLimit {
            throw WorkbookError(.partTooLarge, "the part `\(part)` holds more than \(limit) shared strings, the limit for a workbook "
                + "(a million-row return has a few million); it is damaged or made to exhaust memory")
        }
        return delegate.strings
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private let limit: Int
    private weak var parser: XMLParser?
    private(set) var overLimit = false

    init(limit: Int, parser: XMLParser) {
        self.limit = limit
        self.parser = parser
    }

    private var current = ""
    private var inItem = false, inText = false, phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch PartParsing.localName(elementName) {
        case "si": inItem = true; current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch PartParsing.localName(elementName) {
        case "si":
            guard strings.count < limit else { overLimit = true; parser.abortParsing(); return }
            strings.append(XstringEscapes.decode(current)); inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if inText { current += String(decoding: CDATABlock, as: UTF8.self) }
    }
}

/// `xl/styles.xml` (§18.8): for each cell format (`cellXfs/xf`, the index a cell's `s`
/// names), whether its number format shows a percentage. Built-in formats 9 (`0%`) and 10
/// (`0.00%`) do (§18.8.30); a custom `numFmt` does when its code has a `%` outside quoted
/// text, `\`-escapes and `[…]` sections. Money formats (`£#,##0`) are plain numbers.
enum StylesPart {
    static func percentStyles(_ data: Data, part: String) throws(WorkbookError) -> [Bool] {
        let delegate = StylesDelegate()
        try PartParsing.parse(data, part: part, delegate: delegate)
        return delegate.cellFormats.map { id in id == 9 || id == 10 || (delegate.customFormats[id].map(isPercentCode) ?? false) }
    }

    static func isPercentCode(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where !inQuote: escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "%" where !inQuote && !inBracket: return true
            default: break
            }
        }
        return false
    }
}

private final class StylesDelegate: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch PartParsing.localName(elementName) {
        case "numFmt":
            if let id = attributeDict["numFmtId"].flatMap({ Int($0) }), let code = attributeDict["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributeDict["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if PartParsing.localName(elementName) == "cellXfs" { inCellXfs = false }
    }
}
