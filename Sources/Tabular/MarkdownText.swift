/// Making third-party text inert inside Markdown tables and prose (SPEC §7).
///
/// Service and authority names, file names and pipeline labels come from third parties;
/// whatever a GitHub-flavoured renderer (cmark-gfm with its autolink, table,
/// strikethrough and tagfilter extensions) makes of the page, such text must never become
/// a link, image, autolink, emphasis, heading, list, table cell break, code span or HTML.
/// The rules hold wherever the text is placed (a table cell, mid-sentence, right after a
/// list marker: the text's own first character is treated as a line's first, its edges
/// as touching anything), and escape a character only where a GFM parser could give it a
/// meaning in that position, so that ordinary names (`01_brackenmoor.csv`,
/// `Work & Skills`, `vfm 0.1.0`, `LD-focused`) read unchanged in the raw file, which
/// reviewers read in `git diff`:
///
/// - `\`, `` ` ``, `*`, `[`, `]`, `|` and `~` are always backslash-escaped
///   ([CommonMark 0.31 §2.4]: any ASCII punctuation may be): code spans, emphasis (a `*`
///   opens it even inside a word), links and images (`!` needs a `[`), table cells,
///   strikethrough;
/// - `_` is escaped unless its run sits inside a word (a letter or digit on both sides):
///   an intraword `_` can neither open nor close emphasis ([CommonMark §6.2], rules 2
///   and 4);
/// - at the very start, `-`, `+`, `#` and `=` are escaped where they could open a block:
///   a list item or heading (followed by a space or the end), a thematic break or setext
///   underline (the text is only that character); the `.` or `)` after leading digits
///   likewise, where it could end an ordered-list marker (`1. `, not `0.1.0`); a `>` at
///   the start is encoded (no block quote);
/// - the `:` of `scheme:/` and the `.` of `www.` are escaped, which ends a GFM autolink
///   match ([GFM §6.9]);
/// - `<` is entity-encoded everywhere (no raw HTML, no `<…>` autolink), `&` only where it
///   could start an entity reference (`&amp;`, `&#38;`), so no entity from the name
///   survives; `>` elsewhere means nothing;
/// - a zero-width space (`&#8203;`) follows every `@`: GFM's e-mail autolink looks
///   through escapes and entities, but needs a domain character right after the `@`;
/// - newlines, tabs and other control characters become spaces (no new block can start),
///   and leading/trailing spaces are dropped (no indented code block after a list marker).
///
/// `Tests/TabularTests/MarkdownTextRenderingTests.swift` renders hostile names with
/// Debian's cmark-gfm to hold these rules to account.
///
/// [CommonMark 0.31 §2.4]: https://spec.commonmark.org/0.31.2/#backslash-escapes
/// [CommonMark §6.2]: https://spec.commonmark.org/0.31.2/#emphasis-and-strong-emphasis
/// [GFM §6.9]: https://github.github.com/gfm/#autolinks-extension-
public enum MarkdownText {
    /// Punctuation that can open or close inline syntax anywhere in a line.
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "[", "]", "|", "~"]
    /// Punctuation that opens a block (list, heading, setext underline, thematic break) at
    /// the start of a line.
    static let escapedAtStart: Set<Character> = ["-", "+", "#", "="]

    public static func escape(_ text: String) -> String {
        let characters = Array(text.trimmingSpaces())
        let leadingDigits = characters.prefix { $0.isASCII && $0.isNumber }.count
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if alwaysEscaped.contains(character)
                || (character == "_" && !isIntraword(characters, underscoreAt: index))
                || (index == 0 && escapedAtStart.contains(character) && opensBlock(characters))
                || (index == leadingDigits && leadingDigits > 0 && (character == "." || character == ")")
                    && endsMarker(next))
                || (character == ":" && next == "/")
                || (character == "." && index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www") {
                escaped.append("\\")
                escaped.append(character)
                continue
            }
            switch character {
            case "<": escaped += "&lt;"
            case ">" where index == 0: escaped += "&gt;"
            case "&" where startsEntity(characters, at: index): escaped += "&amp;"
            case "@": escaped += "@&#8203;"
            default:
                if character.isLineOrControl { escaped.append(" ") } else { escaped.append(character) }
            }
        }
        return escaped
    }

    /// A list or ordered-list marker needs a space or the end of the line after it.
    private static func endsMarker(_ next: Character?) -> Bool {
        guard let next else { return true }
        return next == " " || next.isWhitespace
    }

    /// Whether the text, read from its first character as a line's first, could open a
    /// block: `- x`, `+ x`, `## x`, `=` / `---` alone (setext underline, thematic break).
    private static func opensBlock(_ characters: [Character]) -> Bool {
        let first = characters[0]
        let run = characters.prefix { $0 == first }.count
        if characters.allSatisfy({ $0 == first || $0 == " " }) { return true }
        let afterRun = run < characters.count ? characters[run] : nil
        if first == "#" { return run <= 6 && endsMarker(afterRun) }
        return endsMarker(characters.count > 1 ? characters[1] : nil)
    }

    /// A run of `_` with a letter or digit (not a space, not punctuation) on both sides,
    /// inside the text: it can neither open nor close emphasis.
    private static func isIntraword(_ characters: [Character], underscoreAt index: Int) -> Bool {
        var start = index, end = index
        while start > 0, characters[start - 1] == "_" { start -= 1 }
        while end + 1 < characters.count, characters[end + 1] == "_" { end += 1 }
        guard start > 0, end + 1 < characters.count else { return false }
        return characters[start - 1].isWordCharacter && characters[end + 1].isWordCharacter
    }

    /// `&` followed by what an entity reference needs: `name;`, `#digits;`, `#xhex;`.
    private static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var position = index + 1
        guard position < characters.count else { return false }
        var allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if characters[position] == "#" {
            position += 1
            allowed = { $0.isASCII && $0.isNumber }
            if position < characters.count, characters[position] == "x" || characters[position] == "X" {
                position += 1
                allowed = { $0.isASCII && $0.isHexDigit }
            }
        }
        let bodyStart = position
        while position < characters.count, allowed(characters[position]) { position += 1 }
        return position > bodyStart && position < characters.count && characters[position] == ";"
    }
}

extension Character {
    /// A letter or digit of any script: neither white space nor punctuation, which is
    /// what CommonMark's flanking rules ask of an emphasis delimiter's neighbours.
    fileprivate var isWordCharacter: Bool {
        unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

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
