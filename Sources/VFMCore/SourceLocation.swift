import VFMCore
/// Where a record came from: the input file (named relative to the `--input` argument it
/// came from, or its base name when given directly — SPEC §7) and the physical line on
/// which the record starts (1-based, header = line 1 — SPEC §4).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, as written in the `source` column of `clean/services.csv`.
    public var description: String { "\(file):\(line)" }

    /// Reads `file:line` as `description` writes it (the file name may hold colons: the
    /// line follows the last).
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) else { return nil }
        self.init(file: String(text[..<colon]), line: line)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if let order = ByteOrder.compare(lhs.file, rhs.file) { return order }
        return lhs.line < rhs.line
    }
}
