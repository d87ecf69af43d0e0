/// One cell of an output CSV. Text is neutralised against formula injection; numbers are
/// written at full precision by `NumberFormatting`; `nil` is an empty (missing) cell.
public enum CSVField: Sendable, Equatable {
    case text(String?)
    case number(Double?)
    case count(Int?)

    var rendered: String {
        switch self {
        case .text(let value): return CSVInjection.neutralise(value ?? "")
        case .number(let value): return NumberFormatting.csv(value)
        case .count(let value): return NumberFormatting.csv(value)
        }
    }
}

/// Builds an RFC 4180 CSV document with LF line endings, quoting only where needed,
/// so that outputs are byte-identical on every machine (SPEC §7).
public struct CSVWriter: Sendable {
    public private(set) var text: String
    public let columnCount: Int

    public init(header: [String]) {
        columnCount = header.count
        text = ""
        appendLine(header.map(Self.quoteIfNeeded))
    }

    /// Appends one record; the caller passes exactly one field per header column.
    public mutating func append(_ row: [CSVField]) {
        precondition(row.count == columnCount, "CSV row has \(row.count) fields for \(columnCount) columns")
        appendLine(row.map { Self.quoteIfNeeded($0.rendered) })
    }

    /// Appends one record of already-rendered raw text cells (e.g. a rejected row's raw
    /// cells, which may be more or fewer than the header): neutralised and quoted.
    public mutating func appendRaw(_ cells: [String]) {
        appendLine(cells.map { Self.quoteIfNeeded(CSVInjection.neutralise($0)) })
    }

    private mutating func appendLine(_ cells: [String]) {
        text += cells.joined(separator: ",")
        text += "\n"
    }

    static func quoteIfNeeded(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else { return cell }
        var quoted = "\""
        for character in cell {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
