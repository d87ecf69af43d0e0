/// Neutralising spreadsheet formulas in third-party text (OWASP "CSV Injection"):
/// a text cell that a spreadsheet would evaluate — starting with `=`, `+`, `-`, `@`,
/// tab, CR or LF — is written with a leading `'`. Cells that are plain numbers (such as
/// `-12.5`) are not touched. A value that already starts with `'` followed by such a
/// cell gets one more `'`, so that `CSVInjection.restore` undoes exactly what
/// `neutralise` did and every name round-trips through our own files.
public enum CSVInjection {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// True when `text` would be evaluated as a formula, or is an escaped one.
    static func needsPrefix(_ text: Substring) -> Bool {
        // Leading `'`s are looked through in a loop, not by recursion: a name of a million
        // `'` must not overflow the stack.
        let rest = text.drop { $0 == "'" }
        guard let first = rest.first else { return false }
        guard triggers.contains(first) else { return false }
        return !isPlainNumber(rest)
    }

    /// `-12.5`, `+3`, `-0.5e3`: numbers that spreadsheets read as numbers, not formulas.
    static func isPlainNumber(_ text: Substring) -> Bool {
        guard text.first == "-" || text.first == "+" else { return false }
        let body = text.dropFirst()
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
        return Double(String(text)) != nil
    }

    /// False when a text whose first UTF-8 byte is `firstByte` certainly needs no prefix:
    /// that byte is none of the ASCII triggers nor `'` (a first `Character` can only be one
    /// of those when its first UTF-8 byte is). Lets writers skip the `Character` test for
    /// almost every cell.
    @inline(__always)
    static func mayNeedPrefix(firstByte: UInt8) -> Bool {
        switch firstByte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
             UInt8(ascii: "\r"), UInt8(ascii: "\n"), prefix: return true
        default: return false
        }
    }

    /// The byte `neutralise` puts in front of a formula: `'`.
    static let prefix = UInt8(ascii: "'")

    /// The text as it should be written to a CSV cell.
    public static func neutralise(_ text: String) -> String {
        needsPrefix(Substring(text)) ? "'" + text : text
    }

    /// Undo `neutralise` when reading one of this project's own CSV files.
    public static func restore(_ cell: String) -> String {
        let body = Substring(cell)
        if body.first == "'", needsPrefix(body.dropFirst()) { return String(body.dropFirst()) }
        return cell
    }
}
