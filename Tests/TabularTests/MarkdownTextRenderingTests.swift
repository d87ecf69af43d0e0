import Foundation
import Testing
import VFMTestSupport
@testable import Tabular

/// Third-party names through a real GitHub-flavoured renderer (SPEC §7): whatever the
/// name, cmark-gfm produces exactly the page's own structure and shows the name as text.
@Suite("Markdown-escaped names stay text in cmark-gfm")
struct MarkdownTextRenderingTests {
    static let hostileNames: [String] = [
        "![x](http://e.invalid/p.png)", "[click](javascript:alert(1))", "*em*", "_u_", "**bold**", "__init__",
        "a_b_c", "# head", "## head ##", "- item", "+ plus", "* star", "1. one", "2) two", "> quote", "---", "***",
        "===", "www.e.invalid", "WWW.E.INVALID", "<https://e.invalid>", "http://e.invalid/x", "HTTPS://E.INVALID",
        "ftp://e.invalid", "mailto:a@b.example", "foo@bar.example", "xmpp:a@b.example/r", "`code`", "``x``",
        "a|b", "| a | b |", "<b>x</b>", "<script>alert(1)</script>", "<!-- c -->", "&lt;b&gt;", "&amp;", "&#60;i&#62;",
        "\\", "ends in \\", "a\\|b", "~~del~~", "~sub~", "[ref]: http://e.invalid", "[a][b]", "[^1]", "line1\nline2",
        "x\r\n# h", "    indented", "\tTab", "a\u{2028}b", "{x} $x$ ^y^", "St. Helen's (North) & Co.", "",
        "- - x", "1.5 x", "12) x", "Www.e.invalid", "x www.e.invalid", "(www.e.invalid)", "*www.e.invalid*",
        "_http://e.invalid_", "a:b", "#1 team", "+44 jobs", "=SUM(A1)", "!important", "![](x)", "<>", "a\\*b*",
        "ftp:/x", "a &#x2a;b&#x2a;", "www.e.invalid/ (www.e.invalid)", "mixed\n- item\n# head",
        // Escaped only by position (issue 29): these keep most of their characters raw.
        "01_brackenmoor.csv", "a_", "_a", "a__b_", "x_ y", "x _y", "naïve_café", "a_(b)", "(a)_b", "a_.b_c",
        "Work & Skills", "&copy;", "&copy", "&#x41;", "& #65;", "&#;", "&x", "vfm 0.1.0", "1.", "1)", "2.x", "3)y",
        "-5%", "-", "--", "-x", "+", "+-", "#", "#x", "####### x", "###### x", "= x", "==", "> x", "a > b", "a>b",
        "<", "a<b", "x_y_z*w*",
    ]

    /// The page around a name: a sentence, a list item, a heading and a table cell.
    static func page(_ name: String) -> String {
        let cell = MarkdownText.escape(name)
        return "Before \(cell) after.\n\n- \(cell)\n\n### \(cell)\n\n| name | n |\n| --- | --- |\n| \(cell) | 1 |\n"
    }

    static let pageTags = ["p", "ul", "li", "h3", "table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]

    @Test("no link, image, autolink, emphasis, heading, list, code span, table break or HTML from a name",
          arguments: hostileNames)
    func nameStaysText(_ name: String) throws {
        let html = try GFMRenderer.render(Self.page(name))
        #expect(GFMRenderer.openingTags(in: html) == Self.pageTags, "\(name.debugDescription) rendered as \(html)")
    }

    @Test("the reader sees the name itself, spaces normalised", arguments: hostileNames)
    func nameReadsAsWritten(_ name: String) throws {
        let html = try GFMRenderer.render(Self.page(name))
        let paragraph = try #require(html.split(separator: "\n").first)
        let shown = GFMRenderer.text(ofHTML: paragraph).replacingOccurrences(of: "\u{200B}", with: "")
        let expected = name.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
            .trimmingCharacters(in: .whitespaces)
        #expect(shown == "Before " + expected + " after.", "\(name.debugDescription) shown as \(shown.debugDescription)")
    }
}
