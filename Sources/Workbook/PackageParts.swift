import Foundation

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
        let reader = RelationshipsReader()
        try PartParser.parse(data, part: part, with: reader)
        return reader.result
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

private final class RelationshipsReader: XMLEventHandler {
    var result = Relationships()

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        guard name.equals("Relationship"), let id = attributes["Id"], let target = attributes["Target"] else { return true }
        if let mode = attributes["TargetMode"], mode.equals("External") { return true }
        let relationship = Relationships.Relationship(type: attributes["Type"]?.string ?? "", target: target.string)
        result.byID[id.string] = relationship
        result.inOrder.append(relationship)
        return true
    }

    func endElement(_ name: XMLName) -> Bool { true }
    func characters(_ text: XMLBytes) {}
}

/// `xl/workbook.xml`: the sheets in workbook order with their relationship ids.
struct WorkbookPart {
    var sheets: [(name: String, relationshipID: String)] = []

    static func parse(_ data: Data, part: String) throws(WorkbookError) -> WorkbookPart {
        let reader = WorkbookPartReader()
        try PartParser.parse(data, part: part, with: reader)
        return reader.result
    }
}

private final class WorkbookPartReader: XMLEventHandler {
    var result = WorkbookPart()

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        guard name.equals("sheet"), let sheetName = attributes["name"] else { return true }
        // The relationship id is `r:id` in the officeDocument relationships namespace,
        // whatever prefix the writer chose.
        result.sheets.append((sheetName.string, attributes.value(anyPrefixFirst: "id")?.string ?? ""))
        return true
    }

    func endElement(_ name: XMLName) -> Bool { true }
    func characters(_ text: XMLBytes) {}
}

/// `xl/styles.xml` (§18.8): for each cell format (`cellXfs/xf`, the index a cell's `s`
/// names), whether its number format shows a percentage. Built-in formats 9 (`0%`) and 10
/// (`0.00%`) do (§18.8.30); a custom `numFmt` does when its code has a `%` outside quoted
/// text, `\`-escapes and `[…]` sections. Money formats (`£#,##0`) are plain numbers.
enum StylesPart {
    static func percentStyles(_ data: Data, part: String) throws(WorkbookError) -> [Bool] {
        let reader = StylesReader()
        try PartParser.parse(data, part: part, with: reader)
        return reader.cellFormats.map { id in id == 9 || id == 10 || (reader.customFormats[id].map(isPercentCode) ?? false) }
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

private final class StylesReader: XMLEventHandler {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
        if name.equals("numFmt") {
            if let id = attributes["numFmtId"]?.integer, let code = attributes["formatCode"] {
                customFormats[id] = code.string
            }
        } else if name.equals("cellXfs") {
            inCellXfs = true
        } else if name.equals("xf"), inCellXfs {
            cellFormats.append(attributes["numFmtId"]?.integer ?? 0)
        }
        return true
    }

    func endElement(_ name: XMLName) -> Bool {
        if name.equals("cellXfs") { inCellXfs = false }
        return true
    }

    func characters(_ text: XMLBytes) {}
}
