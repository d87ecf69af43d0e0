import Tabular

/// A hand-written SVG document with deterministic text: coordinates at fixed decimals,
/// attribute order fixed, LF line ends, XML-escaped text (third-party names appear in
/// point titles). Valid standalone SVG 1.1 with a viewBox, so browsers scale it.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate or length, two decimals.
    static func number(_ value: Double) -> String { HumanNumbers.plain(value, decimals: 2) }

    /// Text content or attribute value safe in XML 1.0: `& < > " '` escaped, characters
    /// XML forbids (C0 controls other than tab) dropped, newlines turned into spaces.
    static func escape(_ text: String) -> String {
        // Most labels are plain printable ASCII: nothing to escape, nothing to copy.
        let needsWork = text.utf8.contains { byte in
            byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n", "\r", "\t": escaped += " "
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    mutating func raw(_ element: String) { body.append(element) }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, style: String) {
        body.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" \(style)/>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, style: String, title: String? = nil) {
        let open = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
            + "height=\"\(Self.number(height))\" \(style)"
        body.append(Self.withTitle(open, element: "rect", title: title))
    }

    mutating func circle(cx: Double, cy: Double, r: Double, style: String, title: String? = nil) {
        let open = "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" \(style)"
        body.append(Self.withTitle(open, element: "circle", title: title))
    }

    /// A diamond centred on (cx, cy): the evidence-based marker, distinct by shape as
    /// well as colour for readers who cannot tell red from blue.
    mutating func diamond(cx: Double, cy: Double, r: Double, style: String, title: String? = nil) {
        let points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
            .map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        body.append(Self.withTitle("<polygon points=\"\(points)\" \(style)", element: "polygon", title: title))
    }

    /// An upward triangle centred on (cx, cy): the flagged-outlier mark.
    mutating func triangle(cx: Double, cy: Double, r: Double, style: String, title: String? = nil) {
        let points = [(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]
            .map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        body.append(Self.withTitle("<polygon points=\"\(points)\" \(style)", element: "polygon", title: title))
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       weight: String? = nil, rotate: Bool = false, fill: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        if rotate { attributes += " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" }
        body.append("<text \(attributes)>\(Self.escape(content))</text>")
    }

    private static func withTitle(_ open: String, element: String, title: String?) -> String {
        guard let title else { return open + "/>" }
        return open + "><title>\(escape(title))</title></\(element)>"
    }

    /// The whole document, with a `<title>` and `<desc>` for screen readers.
    func rendered(title: String, description: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.number(width))\" "
                + "height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
                + "font-family=\"Helvetica, Arial, sans-serif\">",
            "<title>\(Self.escape(title))</title>",
            "<desc>\(Self.escape(description))</desc>",
            "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>",
        ]
        lines.append(contentsOf: body)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
