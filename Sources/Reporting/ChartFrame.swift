/// The plot area, title, axes, gridlines and legend shared by every chart, so all
/// charts of a report look alike.
struct ChartFrame {
    static let width = 720.0
    static let height = 460.0
    static let left = 90.0
    static let right = 680.0
    static let top = 92.0
    /// Where the title, subtitle and legend start: the left edge, so long titles fit.
    static let margin = 16.0
    static let bottom = 390.0

    static let pointStyle = "fill=\"#3b6ea5\" fill-opacity=\"0.75\" stroke=\"#1f3f66\" stroke-width=\"0.8\""
    static let evidenceStyle = "fill=\"#c0392b\" stroke=\"#7b241c\" stroke-width=\"0.8\""
    static let barStyle = "fill=\"#3b6ea5\""
    static let evidenceBarStyle = "fill=\"#c0392b\""

    /// Title, subtitle, gridlines with tick labels on the y axis, the axis lines and the axis titles.
    static func draw(into svg: inout SVGDocument, title: String, subtitle: String, yAxis: ChartAxis,
                     yTitle: String, xTitle: String) {
        svg.text(title, x: margin, y: 26, size: titleSize(title), weight: "bold")
        svg.text(subtitle, x: margin, y: 46, size: 12)
        for tick in yAxis.ticks {
            let y = yAxis.position(tick, from: bottom, to: top)
            svg.line(x1: left, y1: y, x2: right, y2: y, style: "stroke=\"#e3e3e3\" stroke-width=\"1\"")
            svg.text(yAxis.label(tick), x: left - 8, y: y + 4, anchor: .end, size: 11)
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, style: "stroke=\"#333333\" stroke-width=\"1\"")
        svg.line(x1: left, y1: top, x2: left, y2: bottom, style: "stroke=\"#333333\" stroke-width=\"1\"")
        svg.text(yTitle, x: margin + 6, y: (top + bottom) / 2, anchor: .middle, size: 12, rotate: true)
        svg.text(xTitle, x: (left + right) / 2, y: bottom + 48, anchor: .middle, size: 12)
    }

    /// Ticks and labels along the x axis.
    static func drawXTicks(into svg: inout SVGDocument, axis: ChartAxis) {
        for tick in axis.ticks {
            let x = axis.position(tick, from: left, to: right)
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, style: "stroke=\"#333333\" stroke-width=\"1\"")
            svg.text(axis.label(tick), x: x, y: bottom + 20, anchor: .middle, size: 11)
        }
    }

    /// 16 px, smaller for a title too long for one line (about 0.6 em per bold character).
    static func titleSize(_ title: String) -> Double {
        min(16, (width - 2 * margin) / (0.6 * Double(max(title.count, 1))))
    }

    /// Legend in one row under the subtitle: other services, evidence-based services and,
    /// if drawn, the dashed line (`extra`).
    static func drawLegend(into svg: inout SVGDocument, bars: Bool, extra: String? = nil) {
        let y = 66.0
        var x = margin
        if bars {
            svg.rect(x: x, y: y - 9, width: 10, height: 10, style: barStyle)
        } else {
            svg.circle(cx: x + 5, cy: y - 4, r: 4, style: pointStyle)
        }
        svg.text("Other services", x: x + 16, y: y, size: 11)
        x += 120
        if bars {
            svg.rect(x: x, y: y - 9, width: 10, height: 10, style: evidenceBarStyle)
        } else {
            svg.diamond(cx: x + 5, cy: y - 4, r: 5.5, style: evidenceStyle)
        }
        svg.text("Evidence-based services (highlighted)", x: x + 16, y: y, size: 11)
        x += 240
        if let extra {
            svg.line(x1: x, y1: y - 4, x2: x + 16, y2: y - 4,
                     style: "stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"")
            svg.text(extra, x: x + 22, y: y, size: 11)
        }
    }
}
