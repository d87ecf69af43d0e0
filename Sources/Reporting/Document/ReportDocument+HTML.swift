import RunFiles
import Tabular
import VFMCore

extension ReportDocument {
    /// `report.html`: the same document as one self-contained page — CSS inline, every
    /// chart inline as SVG, no request to any origin (a Content-Security-Policy of
    /// `default-src 'none'` makes that a property of the page, not only of this writer),
    /// readable without script (a small inline script only sorts tables on a click),
    /// headings with ids and a contents list, table captions, print CSS.
    var html: String {
        var ids = HeadingIDs()
        var intro = ""
        var body = ""
        var contents: [(id: String, text: String)] = []
        var title = "Report"
        for block in blocks {
            if case .heading(let level, let inlines) = block {
                let id = ids.next(for: inlines)
                if level == 1 { title = inlines.map(\.plainText).joined() }
                if level == 2 { contents.append((id, Self.html(inlines))) }
                let tag = "h\(max(1, min(level, 6)))"
                let text = "<\(tag) id=\"\(id)\">" + Self.html(inlines) + "</\(tag)>\n"
                if contents.isEmpty { intro += text } else { body += text }
            } else if contents.isEmpty {
                intro += Self.html(block)
            } else {
                body += Self.html(block)
            }
        }
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; script-src '\(HTMLStyle.sortScriptHash)'; img-src data:\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>" + HTMLText.escape(title) + "</title>\n<style>\n" + HTMLStyle.css + "</style>\n</head>\n<body>\n"
        // The title and its introduction, then the contents, then the sections.
        page += "<main>\n" + intro
        if !contents.isEmpty {
            page += "<nav aria-label=\"Contents\">\n<h2 class=\"contents\">Contents</h2>\n<ol>\n"
            for entry in contents { page += "<li><a href=\"#\(entry.id)\">" + entry.text + "</a></li>\n" }
            page += "</ol>\n</nav>\n"
        }
        page += body + "</main>\n<script>" + HTMLStyle.sortScriptElement + "</script>\n</body>\n</html>\n"
        return page
    }

    private static func html(_ block: ReportBlock) -> String {
        switch block {
        case .heading: return ""
        case .paragraph(let inlines): return "<p>" + html(inlines) + "</p>\n"
        case .note(let inlines): return "<aside class=\"note\"><p>" + html(inlines) + "</p></aside>\n"
        case .bullets(let items): return "<ul>\n" + items.map { "<li>" + html($0) + "</li>\n" }.joined() + "</ul>\n"
        case .table(let table): return html(table)
        case .figures(let figures):
            var text = "<div class=\"figures" + (figures.count == 1 ? " single" : "") + "\">\n"
            for figure in figures {
                text += "<figure id=\"" + chartID(figure.file) + "\">\n" + inlineSVG(figure.svg)
                text += "<figcaption>" + html(figure.title) + " · <a href=\"" + HTMLText.escape(
                    RunLayout.chartsDirectory + "/" + figure.file) + "\">SVG file</a></figcaption>\n</figure>\n"
            }
            return text + "</div>\n"
        case .chartList(let charts):
            return "<ul class=\"charts\">\n" + charts.map { "<li>" + html([.link($0.title, .chart($0.file))]) + "</li>\n" }
                .joined() + "</ul>\n"
        }
    }

    static func html(_ inlines: [Inline]) -> String { inlines.map(html).joined() }

    private static func html(_ inline: Inline) -> String {
        switch inline {
        case .text(let text), .name(let text): return HTMLText.escape(text)
        case .code(let text): return "<code>" + HTMLText.escape(text) + "</code>"
        case .strong(let inner): return "<strong>" + html(inner) + "</strong>"
        case .emphasis(let inner): return "<em>" + html(inner) + "</em>"
        case .link(let inner, .chart(let file)): return "<a href=\"#" + chartID(file) + "\">" + html(inner) + "</a>"
        case .link(let inner, .runFile(let path)):
            return "<a href=\"" + HTMLText.escape(path) + "\">" + html(inner) + "</a>"
        }
    }

    private static func html(_ table: ReportTable) -> String {
        var text = "<div class=\"table\"><table>\n<caption>" + html(table.caption) + "</caption>\n<thead><tr>"
        for column in table.columns {
            text += "<th scope=\"col\"" + (column.alignment == .right ? " class=\"num\"" : "") + ">"
                + html(column.title) + "</th>"
        }
        text += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            text += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].alignment == .right
                text += (numeric ? "<td class=\"num\">" : "<td>") + html(cell) + "</td>"
            }
            text += "</tr>\n"
        }
        return text + "</tbody>\n</table></div>\n"
    }

    /// The page id of a chart: `chart-` and its file name (already restricted to
    /// `[a-z0-9_.-]` by `ChartPlan.fileSafe`).
    static func chartID(_ file: String) -> String { "chart-" + HTMLText.escape(file) }

    /// The chart's SVG without its XML declaration, for inline use.
    private static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }
}

/// Ids for headings: `s-` and the heading's ASCII letters and digits joined by `-`,
/// numbered when two headings read the same.
private struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for inlines: [Inline]) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in inlines.map(\.plainText).joined().lowercased().unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.utf8.count >= 60 { break }
        }
        let base = "s-" + (slug.isEmpty ? "section" : slug)
        let seen = used[base, default: 0]
        used[base] = seen + 1
        return seen == 0 ? base : base + "-\(seen + 1)"
    }
}
