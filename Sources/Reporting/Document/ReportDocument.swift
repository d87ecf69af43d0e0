import Foundation
import Tabular

/// The report as a document — sections of headings, paragraphs, lists, notes, tables
/// with captions and charts — built once from the run and rendered twice: `report.md`
/// (GitHub-flavoured Markdown) and `report.html` (one self-contained page). Third-party
/// text is marked as such (`Inline.name`) so each renderer escapes it its own way and a
/// name can never become markup in either (SPEC §7, Safety of outputs).
struct ReportDocument {
    var blocks: [ReportBlock]
}

/// One block of the report.
enum ReportBlock {
    /// `level` 1 is the report's title, 2 a section, 3 a subsection.
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    case bullets([[Inline]])
    /// A call-out: a caveat or warning (a Markdown block quote).
    case note([Inline])
    case table(ReportTable)
    /// Charts shown inline in report.html; report.md links them from the text and the
    /// chart list instead (its charts stay files beside it).
    case figures([ChartFigure])
    /// Every chart of the run: a list of links in both renderings.
    case chartList([ChartFigure])
}

/// Inline text. The project's own words (`text`) are written as they are in Markdown —
/// the report's sentences use no Markdown punctuation by accident — and escaped in HTML;
/// `name` is third-party text (service, authority, file and pipeline names, messages)
/// and is escaped in both.
enum Inline {
    case text(String)
    case name(String)
    /// An identifier of the project (a file, a column): a code span.
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case link([Inline], LinkTarget)
}

extension Inline {
    /// A service's or authority's name as a person reads it on the page (`DisplayName`:
    /// whole when reasonable, else its beginning and "…"); the tables keep it whole.
    static func displayName(_ text: String) -> Inline { .name(DisplayName.shortened(text)) }

    /// A message that quotes third parties' cells (a flag, a rejected row), bounded the
    /// same way at a length no message of ours reaches. Our messages put identifiers and
    /// quoted cells between backticks (`` `total_cost` is not a number ``): each such pair
    /// becomes a code span (`<code>` on the page) instead of showing its backticks, when
    /// the quoted text can be one safely (no `|`, which would end a Markdown table cell
    /// even inside a code span); anything else stays escaped text.
    static func displayText(_ text: String) -> [Inline] {
        let shortened = DisplayName.shortened(text, limit: 1_000)
        let parts = shortened.split(separator: "`", omittingEmptySubsequences: false)
        // An odd count of parts: every backtick paired; otherwise the text stays whole.
        guard parts.count >= 3, parts.count % 2 == 1 else { return [.name(shortened)] }
        var inlines: [Inline] = []
        for (index, part) in parts.enumerated() {
            let quoted = index % 2 == 1
            if quoted, !part.isEmpty, !part.contains("|"), !part.contains(where: \.isNewline),
               part.first != " ", part.last != " " {
                inlines.append(.code(String(part)))
            } else {
                // Escaping trims a name's edges; the spaces around a code span are kept.
                let text = quoted ? "`" + part + "`" : String(part)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if text.first == " ", !inlines.isEmpty { inlines.append(.text(" ")) }
                if !trimmed.isEmpty { inlines.append(.name(trimmed)) }
                if text.last == " ", index < parts.count - 1 { inlines.append(.text(" ")) }
            }
        }
        return inlines
    }
}

/// Where a link goes: a chart of the run (a file in `charts/` for report.md, the chart
/// on the page for report.html) or another file of the run directory.
enum LinkTarget {
    case chart(String)
    case runFile(String)
}

/// A table with a caption (report.html shows it; report.md keeps the heading above it).
struct ReportTable {
    enum Alignment { case left, right }

    var caption: [Inline]
    var columns: [(title: [Inline], alignment: Alignment)]
    var rows: [[[Inline]]] = []

    /// Column titles in the project's own words.
    init(caption: [Inline], _ columns: [(String, Alignment)]) {
        self.init(caption: caption, inlineColumns: columns.map { ([.text($0.0)], $0.1) })
    }

    /// Column titles that may hold third-party text (a pipeline's metric name).
    init(caption: [Inline], inlineColumns columns: [([Inline], Alignment)]) {
        self.caption = caption
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    /// Appends a row; missing cells and empty cells become "—".
    mutating func append(_ cells: [[Inline]]) {
        var row = Array(cells.prefix(columns.count))
        while row.count < columns.count { row.append([]) }
        rows.append(row.map { Self.isEmpty($0) ? [.text(HumanNumbers.missing)] : $0 })
    }

    /// Appends a row of the project's own figures and words.
    mutating func append(text cells: [String]) { append(cells.map { [.text($0)] }) }

    var isEmpty: Bool { rows.isEmpty }

    private static func isEmpty(_ cell: [Inline]) -> Bool {
        cell.allSatisfy { inline in
            switch inline {
            case .text(let text), .name(let text), .code(let text): return text.isEmpty
            case .strong(let inner), .emphasis(let inner): return isEmpty(inner)
            case .link: return false
            }
        }
    }
}

/// A drawn chart: its file in `charts/`, its title and its SVG text.
struct ChartFigure {
    var file: String
    var title: [Inline]
    var svg: String
}

extension Inline {
    /// The plain text a reader sees (for ids, alt text and tests).
    var plainText: String {
        switch self {
        case .text(let text), .name(let text), .code(let text): return text
        case .strong(let inner), .emphasis(let inner), .link(let inner, _): return inner.map(\.plainText).joined()
        }
    }
}
