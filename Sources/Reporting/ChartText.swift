/// How wide a line of chart text is, and how to make a line fit a given room without
/// going below the smallest size a reader can read on the page.
///
/// Widths are Helvetica's advance widths (Adobe's Helvetica AFM, thousandths of an em,
/// the metrics Arial shares), the font the charts ask for; a character outside that
/// table counts as 0.6 em, and a wide (CJK, emoji) one as 1 em, so an estimate errs on the
/// long side and a label said to fit does fit.
enum ChartText {
    /// The smallest font size any chart text has, in viewBox units: the page shows a chart
    /// at least `ChartFrame.width` CSS pixels wide (`HTMLStyle`), so this is also the
    /// smallest size in pixels a reader sees.
    static let minimumSize = 11.0

    /// Advance widths of U+0020…U+007E in Helvetica, thousandths of an em.
    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
    ]

    /// Width of `text` set at `size` (bold: Helvetica-Bold is up to a tenth wider).
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E: thousandths += ascii[Int(scalar.value) - 0x20]
            case 0xA3, 0x2013: thousandths += 556 // £ –
            case 0xB7: thousandths += 278 // ·
            case 0xD7, 0x2212: thousandths += 584 // × −
            case 0x2014, 0x2026: thousandths += 1000 // — …
            case 0x0300...0x036F, 0x200B...0x200F: break // combining marks and zero-width characters
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F000...0x1FAFF, 0x20000...0x3FFFD:
                thousandths += 1000
            default: thousandths += 600
            }
        }
        return Double(thousandths) / 1000 * size * (bold ? 1.1 : 1)
    }

    /// `text` at the largest size from `preferred` down to `minimumSize` at which it fits
    /// `room`; if it does not fit even at the minimum, its beginning and "…" at the
    /// minimum. Cut only when it really does not fit. `nil` when not even "…" fits.
    static func fitted(_ text: String, room: Double, preferred: Double, bold: Bool = false)
        -> (text: String, size: Double)? {
        let natural = width(text, size: preferred, bold: bold)
        if natural <= room { return (text, preferred) }
        let shrunk = preferred * room / natural
        if shrunk >= minimumSize { return (text, shrunk) }
        guard width(text, size: minimumSize, bold: bold) > room else { return (text, minimumSize) }
        // The longest beginning that leaves room for the "…", measured as it grows.
        let budget = room - width("…", size: minimumSize, bold: bold)
        var kept = "", used = 0.0
        for character in text {
            let next = width(String(character), size: minimumSize, bold: bold)
            guard used + next <= budget else { break }
            kept.append(character)
            used += next
        }
        while let last = kept.last, last.isWhitespace { kept.removeLast() }
        guard !kept.isEmpty else { return nil }
        return (kept + "…", minimumSize)
    }
}
