import VFMCore


/// A JSON value written byte-for-byte the same on every machine: object keys sorted by
/// their UTF-8 bytes, two-space indent, LF, no trailing spaces, integers only (the
/// RFC 8259 string escaping. Fractions are written as the CSV files write them
/// (`NumberFormatting.csv`: the shortest text that reads back as the same Double).
public enum DeterministicJSON: Sendable, Equatable {
    case object([String: DeterministicJSON])
    case array([DeterministicJSON])
    case string(String)
    case integer(Int)
    /// A finite number (a non-finite one is written as `null`: JSON has no NaN).
    case number(Double)
    case bool(Bool)
    case null

    /// The document with a final newline.
    public var rendered: String { render(indent: 0) + "\n" }

    private func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .integer(let value): return String(value)
        case .number(let value): return value.isFinite ? NumberFormatting.csv(value) : "null"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let keys = members.keys.sorted { ByteOrder.precedes($0, $1) }
            let lines = keys.map { key in inner + Self.quoted(key) + ": " + (members[key]?.render(indent: indent + 1) ?? "null") }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    public static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
