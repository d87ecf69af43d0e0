import Tabular

/// A Markdown pipe table. Cells are written as given: callers escape third-party text
/// with `MarkdownText.escape` (`cell(_:)`) and format numbers with `PeopleNumbers`.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + String(repeating: " --- |", count: header.count)]
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Third-party or run-supplied text made safe for a Markdown table cell or prose
/// (SPEC §7); an empty cell is shown as missing.
func cell(_ text: String) -> String {
    text.isEmpty ? PeopleNumbers.missing : MarkdownText.escape(text)
}

/// `old → new`, or just the value when both are the same.
func transition(_ old: String, _ new: String) -> String {
    old == new ? old : "\(old) → \(new)"
}

/// A metric name as words: `cost_per_person` → `cost per person`.
func metricWords(_ metric: String) -> String {
    cell(metric.replacingOccurrences(of: "_", with: " "))
}

/// `1 service`, `2 services`.
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(PeopleNumbers.count(count)) \(count == 1 ? singular : plural)"
}
