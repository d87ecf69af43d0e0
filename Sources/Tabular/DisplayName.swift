/// A third party's name as a person reads it on a page or a chart: whole when it is of a
/// reasonable length, else its beginning and "…". The tables keep the full text.
///
/// Why: a name may be up to the 64 KiB cell limit, and a name is printed many times (each
/// table it is in, each chart's tooltip). Seventy names of 65 KB made report.md 10 MB,
/// report.html 185 MB and each chart 9.1 MB (issue 31), against bounds of 512 KB, 8 MB and
/// 300 KB. Real service and authority names are under 100 characters.
public enum DisplayName {
    /// Unicode scalars kept before the "…" (counted in scalars, not graphemes: one grapheme
    /// can carry thousands of combining marks).
    public static let limit = 120

    public static func shortened(_ name: String, limit: Int = DisplayName.limit) -> String {
        let scalars = name.unicodeScalars
        guard scalars.count > limit else { return name }
        var kept = String.UnicodeScalarView(scalars.prefix(limit))
        // No dangling half of a space before the ellipsis.
        while let last = kept.last, last.properties.isWhitespace { kept.removeLast() }
        return String(kept) + "…"
    }
}
