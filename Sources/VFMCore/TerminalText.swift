/// Text made safe for a terminal: every control character is shown, never obeyed.
///
/// Log lines quote third parties' cells (a service's name, a header, a raw value). An ANSI
/// escape sequence in such a cell, echoed raw to stderr, would recolour, move the cursor,
/// retitle the window or hide the rest of the line from the person reading the log at
/// 3 a.m. (issue 31). C0 controls, DEL and C1 controls become visible escapes (`\e`
/// written `\u{1B}`), as do the bidirectional overrides that reorder what a line seems to
/// say (Trojan Source, CVE-2021-42574). Everything else passes through unchanged.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00 ... 0x1F, 0x7F ... 0x9F: return true
        case 0x202A ... 0x202E, 0x2066 ... 0x2069: return true  // bidi embeddings, overrides, isolates
        default: return false
        }
    }
}
