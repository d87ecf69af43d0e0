/// Making third-party text safe inside Markdown tables and prose (SPEC §7): `|` and
/// backticks escaped, newlines turned into spaces, `<`, `>` and `&` entity-encoded, so a
/// service name can neither break a table nor inject HTML. A backslash is escaped too:
/// otherwise a name ending in `\` would escape the table's own next `|` and break the row.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "|": escaped += "\\|"
            case "`": escaped += "\\`"
            case "\r\n", "\n", "\r": escaped += " "
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
