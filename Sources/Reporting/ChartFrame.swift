/// The plot area, title, axes, gridlines and legend shared by every chart, so all
/// charts of a report look alike. Colours are the Okabe–Ito palette (blue and
/// vermillion, distinguishable with the common colour-vision deficiencies), and the
/// evidence-based series differs by shape (diamond) as well as colour.
///
/// A chart is `width` units wide, and the page never shows one narrower than `width` CSS
/// pixels (`HTMLStyle`: two a row at the page's full width, one a row below it), so a
/// unit is never less than a pixel and no text, at `ChartText.minimumSize` or more, is
/// under 11 px (issue 29: at 720 units in a 600 px column, tick labels were 9 px).
struct ChartFrame {
    static let width = 600.0
    static let height = 440.0
    static let left = 90.0
    static let right = 560.0
    static let top = 92.0
    /// Where the title, subtitle and legend start: the left edge, so long titles fit.
    static let margin = 16.0
    static let bottom = 360.0
    /// Scatter axes sit this far outside the plot area, so a point at 0 (a 0% rate) is
    /// drawn clear of the axis line instead of hidden on it.
    static let axisGap = 8.0

    static let pointStyle = "fill=\"#0072b2\" fill-opacity=\"0.75\" stroke=\"#004a75\" stroke-width=\"0.8\""
    static let evidenceStyle = "fill=\"#d55e00\" stroke=\"#7f3800\" stroke-width=\"0.8\""
    /// A white-filled outline, so the mark stays visible over the darkest density cells.
    static let evidenceBinStyle = "fill=\"#ffffff\" fill-opacity=\"0.7\" stroke=\"#d55e00\" stroke-width=\"1.6\""
    static let barStyle = "fill=\"#0072b2\""
    static let evidenceBarStyle = "fill=\"#d55e00\""
    static let outlierStyle = "fill=\"#000000\""
    /// The ring round a scatter point flagged as an outlier.
    static let flaggedStyle = "fill=\"none\" stroke=\"#000000\" stroke-width=\"1.5\""
    static let dashedStyle = "stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\""
    /// Light to dark blue for services per cell of a binned scatter (one hue: readable
    /// without colour vision and in greyscale print).
    static let densityRamp = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b"]

    /// Title, subtitle, gridlines with tick labels on the y axis, the axis lines and the
    /// axis titles; with `gap`, the axes stand `axisGap` off the plot area.
    static func draw(into svg: inout SVGDocument, title: String, subtitle: String, yAxis: ChartAxis,
                     yTitle: String, xTitle: String, gap: Bool = false) {
        let offset = gap ? axisGap : 0
        drawFitted(title, into: &svg, x: margin, y: 26, room: width - 2 * margin, size: 16, bold: true)
        drawFitted(subtitle, into: &svg, x: margin, y: 46, room: width - 2 * margin, size: 12)
        for tick in yAxis.ticks {
            let y = yAxis.position(tick, from: bottom, to: top)
            svg.line(x1: left, y1: y, x2: right, y2: y, style: "stroke=\"#e3e3e3\" stroke-width=\"1\"")
            svg.text(yAxis.label(tick), x: left - 8 - offset, y: y + 4, anchor: .end, size: 11)
        }
        svg.line(x1: left - offset, y1: bottom + offset, x2: right, y2: bottom + offset,
                 style: "stroke=\"#333333\" stroke-width=\"1\"")
        svg.line(x1: left - offset, y1: top, x2: left - offset, y2: bottom + offset,
                 style: "stroke=\"#333333\" stroke-width=\"1\"")
        // The y title runs along the plot's height, clear of the legend above it.
        drawFitted(yTitle, into: &svg, x: margin + 6, y: (top + bottom + offset) / 2, room: bottom + offset - top + 20,
                   size: 12, anchor: .middle, rotate: true)
        drawFitted(xTitle, into: &svg, x: (left + right) / 2, y: bottom + 48, room: width - 2 * margin, size: 12,
                   anchor: .middle)
    }

    /// `text` at `size`, smaller down to `ChartText.minimumSize` if that makes it fit `room`,
    /// else cut with "…" (the chart's `<title>` and `<desc>` say everything in full).
    static func drawFitted(_ text: String, into svg: inout SVGDocument, x: Double, y: Double, room: Double,
                           size: Double, bold: Bool = false, anchor: SVGDocument.Anchor = .start,
                           rotate: Bool = false) {
        guard let (fitted, fittedSize) = ChartText.fitted(text, room: room, preferred: size, bold: bold) else { return }
        svg.text(fitted, x: x, y: y, anchor: anchor, size: fittedSize, weight: bold ? "bold" : nil, rotate: rotate)
    }

    /// Ticks and labels along the x axis.
    static func drawXTicks(into svg: inout SVGDocument, axis: ChartAxis, gap: Bool = false) {
        let offset = gap ? axisGap : 0
        for tick in axis.ticks {
            let x = axis.position(tick, from: left, to: right)
            svg.line(x1: x, y1: bottom + offset, x2: x, y2: bottom + offset + 5, style: "stroke=\"#333333\" stroke-width=\"1\"")
            // A label centred on the last tick must not run off the chart's right edge.
            let label = axis.label(tick)
            let half = ChartText.width(label, size: ChartText.minimumSize) / 2
            let atEdge = x + half > width - 2
            svg.text(label, x: atEdge ? width - 2 : x, y: bottom + offset + 20, anchor: atEdge ? .end : .middle,
                     size: ChartText.minimumSize)
        }
    }

    /// What a legend can show; a chart lists only what it draws.
    enum LegendItem {
        case point(String)
        case evidencePoint(String)
        case evidenceBin(String)
        case bar(String)
        case evidenceBar(String)
        case outlier(String)
        case flagged(String)
        case dashed(String)
        case density(String)

        var label: String {
            switch self {
            case .point(let t), .evidencePoint(let t), .evidenceBin(let t), .bar(let t), .evidenceBar(let t),
                 .outlier(let t), .flagged(let t), .dashed(let t), .density(let t): return t
            }
        }
    }

    /// The legend in one row under the subtitle (a second row when it does not fit),
    /// each item as wide as its label (`ChartText.width`).
    static func drawLegend(into svg: inout SVGDocument, items: [LegendItem]) {
        var y = 66.0
        var x = margin
        for item in items {
            let keyWidth: Double
            if case .density = item { keyWidth = Double(densityRamp.count) * 8 } else { keyWidth = 16 }
            let width = keyWidth + 6 + ChartText.width(item.label, size: ChartText.minimumSize) + 18
            if x + width > Self.width - margin, x > margin { x = margin; y += 14 }
            switch item {
            case .point: svg.circle(cx: x + 5, cy: y - 4, r: 4, style: pointStyle)
            case .evidencePoint: svg.diamond(cx: x + 5, cy: y - 4, r: 5.5, style: evidenceStyle)
            case .evidenceBin: svg.diamond(cx: x + 5, cy: y - 4, r: 5, style: evidenceBinStyle)
            case .bar: svg.rect(x: x, y: y - 9, width: 10, height: 10, style: barStyle)
            case .evidenceBar: svg.rect(x: x, y: y - 9, width: 10, height: 10, style: evidenceBarStyle)
            case .outlier: svg.triangle(cx: x + 5, cy: y - 4, r: 5, style: outlierStyle)
            case .flagged: svg.circle(cx: x + 5, cy: y - 4, r: 6, style: flaggedStyle)
            case .dashed: svg.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4, style: dashedStyle)
            case .density:
                for (index, colour) in densityRamp.enumerated() {
                    svg.rect(x: x + Double(index) * 8, y: y - 9, width: 8, height: 10, style: "fill=\"\(colour)\"")
                }
            }
            svg.text(item.label, x: x + keyWidth + 6, y: y, size: ChartText.minimumSize)
            x += width
        }
    }
}
