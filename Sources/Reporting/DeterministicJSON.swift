/// A JSON value written byte-for-byte the same on every machine: object keys sorted by
/// their UTF-8 bytes, two-space indent, LF, no trailing spaces, integers only (the
/// manifest holds no fractions), RFC 8259 string escaping.
enum DeterministicJSON {
    case object([String: DeterministicJSON])
    case array([DeterministicJSON])
    case string(String)
    case integer(Int)

    /// The document with a final newline.
    var rendered: String { render(indent: 0) + "\n" }

    private func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .integer(let value): return String(value)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let lines = keys.map { key in inner + Self.quoted(key) + ": " + (members[key]?.render(indent: indent + 1) ?? "null") }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    /// `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`; the rest as UTF-8.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
