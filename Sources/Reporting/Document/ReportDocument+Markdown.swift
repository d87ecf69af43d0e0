import RunFiles
import Tabular
import VFMCore

extension ReportDocument {
    /// `report.md`: GitHub-flavoured Markdown, one blank line between blocks, LF, one
    /// final newline. Third-party text goes through `MarkdownText.escape` (the project's
    /// one Markdown escaper). The charts the page shows in the text are embedded as images
    /// (`![title](charts/….svg)`, so GitHub and editors' previews show them); the list of
    /// every chart links them, relative to report.md.
    var markdown: String {
        var out = ""
        for block in blocks {
            let text = Self.markdown(block)
            guard !text.isEmpty else { continue }
            if !out.isEmpty { out += "\n" }
            out += text
        }
        return out
    }

    private static func markdown(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let inlines):
            return String(repeating: "#", count: max(1, min(level, 6))) + " " + markdown(inlines) + "\n"
        case .paragraph(let inlines):
            return markdown(inlines) + "\n"
        case .note(let inlines):
            return "> " + markdown(inlines) + "\n"
        case .bullets(let items):
            return items.map { "- " + markdown($0) + "\n" }.joined()
        case .table(let table):
            return markdown(table)
        case .figures(let figures):
            return figures.map { "![" + markdown($0.title) + "](" + href(.chart($0.file)) + ")\n" }
                .joined(separator: "\n")
        case .chartList(let charts):
            return charts.map { "- " + markdown([.link($0.title, .chart($0.file))]) + "\n" }.joined()
        }
    }

    static func markdown(_ inlines: [Inline]) -> String {
        inlines.map(markdown).joined()
    }

    private static func markdown(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return text
        case .name(let text): return MarkdownText.escape(text)
        case .code(let text): return "`" + text + "`"
        case .strong(let inner): return "**" + markdown(inner) + "**"
        case .emphasis(let inner): return "*" + markdown(inner) + "*"
        case .link(let inner, let target): return "[" + markdown(inner) + "](" + href(target) + ")"
        }
    }

    private static func href(_ target: LinkTarget) -> String {
        switch target {
        case .chart(let file): return RunLayout.chartsDirectory + "/" + file
        case .runFile(let path): return path
        }
    }

    private static func markdown(_ table: ReportTable) -> String {
        var lines = ["| " + table.columns.map { markdown($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.alignment == .left ? " --- |" : " ---: |" }.joined())
        for row in table.rows { lines.append("| " + row.map(markdown).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }
}
