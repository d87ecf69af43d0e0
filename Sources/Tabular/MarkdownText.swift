/// Making third-party text inert inside Markdown tables and prose (SPEC §7).
///
/// Service and authority names, file names and pipeline labels come from third parties;
/// whatever a GitHub-flavoured renderer (cmark-gfm with its autolink, table,
/// strikethrough and tagfilter extensions) makes of the page, such text must never become
/// a link, image, autolink, emphasis, heading, list, table cell break, code span or HTML.
/// The rules hold wherever the text is placed (a table cell, mid-sentence, right after a
/// list marker), and escape only where a character can mean something, so that ordinary
/// names (`LD-focused`, `returns-a.csv`, `St. Helen's (North)`) read unchanged in the raw
/// file:
///
/// - `\`, `` ` ``, `*`, `_`, `[`, `]`, `|` and `~` are always backslash-escaped
///   ([CommonMark 0.31 §2.4]: any ASCII punctuation may be): code spans, emphasis, links
///   and images (`!` needs a `[`), table cells, strikethrough;
/// - at the very start, `-`, `+`, `#` and `=`, and the `.` or `)` after leading digits, are
///   escaped: no list item, heading or setext line can begin with the text;
/// - the `:` of `scheme:/` and the `.` of `www.` are escaped, which ends a GFM autolink
///   match ([GFM §6.9]);
/// - `<`, `>` and `&` are entity-encoded, so no raw HTML, no `<…>` autolink, no block
///   quote and no entity from the name survives;
/// - a zero-width space (`&#8203;`) follows every `@`: GFM's e-mail autolink looks
///   through escapes and entities, but needs a domain character right after the `@`;
/// - newlines, tabs and other control characters become spaces (no new block can start),
///   and leading/trailing spaces are dropped (no indented code block after a list marker).
///
/// `Tests/TabularTests/MarkdownTextRenderingTests.swift` renders hostile names with
/// Debian's cmark-gfm to hold these rules to account.
///
/// [CommonMark 0.31 §2.4]: https://spec.commonmark.org/0.31.2/#backslash-escapes
/// [GFM §6.9]: https://github.github.com/gfm/#autolinks-extension-
public enum MarkdownText {
    /// Punctuation that can open or close inline syntax anywhere in a line.
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~"]
    /// Punctuation that opens a block (list, heading, setext underline) at the start of a line.
    static let escapedAtStart: Set<Character> = ["-", "+", "#", "="]

    public static func escape(_ text: String) -> String {
        let characters = Array(text.trimmingSpaces())
        let leadingDigits = characters.prefix { $0.isASCII && $0.isNumber }.count
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if alwaysEscaped.contains(character)
                || (index == 0 && escapedAtStart.contains(character))
                || (index == leadingDigits && leadingDigits > 0 && (character == "." || character == ")"))
                || (character == ":" && next == "/")
                || (character == "." && index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www") {
                escaped.append("\\")
                escaped.append(character)
                continue
            }
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "@": escaped += "@&#8203;"
            default:
                if character.isLineOrControl { escaped.append(" ") } else { escaped.append(character) }
            }
        }
        return escaped
    }
}

extension Character {
    /// Newlines (`\n`, `\r`, `\r\n`, U+2028/9, NEL), tabs and other C0/C1 controls.
    fileprivate var isLineOrControl: Bool {
        isNewline || unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

extension String {
    /// Without leading and trailing spaces, newlines and control characters.
    fileprivate func trimmingSpaces() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0.isLineOrControl || $0.isWhitespace }
        guard let first = firstIndex(where: { !isBlank($0) }),
              let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return self[first...last]
    }
}
