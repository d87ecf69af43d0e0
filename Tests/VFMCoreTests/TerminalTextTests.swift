import Testing
import VFMCore

/// Control characters in a log line are shown, never obeyed (issue 31: a cell's ANSI escape
/// sequences were echoed raw in stderr warnings). Expected texts written by hand.
@Suite("text made safe for a terminal")
struct TerminalTextTests {
    @Test("controls become visible escapes", arguments: [
        ("\u{1B}[2J\u{1B}[31mred", "\\u{1B}[2J\\u{1B}[31mred"),
        ("a\nb\rc\td", "a\\u{A}b\\u{D}c\\u{9}d"),
        ("bell\u{07} del\u{7F} csi\u{9B}", "bell\\u{7} del\\u{7F} csi\\u{9B}"),
        ("abc\u{202E}fed", "abc\\u{202E}fed"),
    ])
    func escaped(raw: String, shown: String) {
        #expect(TerminalText.escaped(raw) == shown)
    }

    @Test("ordinary text, accents and £ pass unchanged")
    func unchanged() {
        for text in ["Work & Skills", "Brackenmoor £263,132", "Café Ünïcode — “quoted”", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
    }
}
