/// A GitHub-flavoured Markdown table. Cells are written as given: callers pass
/// third-party text through `MarkdownText.escape` first.
struct MarkdownTable {
    enum Alignment { case left, right }

    private let header: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func append(_ cells: [String]) {
        var row = Array(cells.prefix(header.count))
        while row.count < header.count { row.append(HumanNumbers.missing) }
        rows.append(row.map { $0.isEmpty ? HumanNumbers.missing : $0 })
    }

    var isEmpty: Bool { rows.isEmpty }

    var rendered: String {
        var lines = ["| " + header.joined(separator: " | ") + " |"]
        lines.append("|" + alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined())
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }
}
