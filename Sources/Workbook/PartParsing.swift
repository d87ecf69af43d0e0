import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs `XMLParser` (libxml2, event-driven) over a part with `delegate` and turns its
/// failure into a `WorkbookError` naming the part and line. External entities are never
/// resolved (no XXE).
enum PartParsing {
    static func parse(_ parser: XMLParser, part: String, delegate: some XMLParserDelegate,
                      stopped: () -> Bool = { false }) throws(WorkbookError) {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        if parser.parse() || stopped() { return }
        let line = parser.lineNumber
        let cause = parser.parserError.map { String(describing: $0) } ?? ""
        throw WorkbookError(.malformedPart, "the part `\(part)` is not well-formed XML (near line \(line) of the part)", cause: cause)
    }

    static func parse(_ data: Data, part: String, delegate: some XMLParserDelegate) throws(WorkbookError) {
        try parse(XMLParser(data: data), part: part, delegate: delegate)
    }

    /// The element's local name: `x:row` and `row` are the same element (writers such as the
    /// Open XML SDK prefix SpreadsheetML elements).
    static func localName(_ qualified: String) -> Substring {
        if let colon = qualified.lastIndex(of: ":") { return qualified[qualified.index(after: colon)...] }
        return Substring(qualified)
    }

    /// An attribute by local name (`r:id` and `id` are told apart by the caller).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes where localName(key) == name { return value }
        return nil
    }
}

/// OOXML `ST_Xstring` escapes: `_xHHHH_` stands for the UTF-16 code unit HHHH (Excel writes
/// a carriage return as `_x000D_`), and `_x005F_` escapes a literal underscore
/// (ECMA-376 Part 1, §22.9.2.19).
enum XstringEscapes {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var units: [UInt16] = []
        let source = Array(text.utf16)
        var index = 0
        while index < source.count {
            if source[index] == 0x5F, index + 6 < source.count, source[index + 1] == 0x78, source[index + 6] == 0x5F,
               let value = hex(source[(index + 2) ..< (index + 6)]) {
                units.append(value)
                index += 7
            } else {
                units.append(source[index])
                index += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func hex(_ digits: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in digits {
            let nibble: UInt16
            switch unit {
            case 0x30...0x39: nibble = unit - 0x30
            case 0x41...0x46: nibble = unit - 0x41 + 10
            case 0x61...0x66: nibble = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }
}
