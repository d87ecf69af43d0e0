/// One point of a chart: a service, its figure(s) and whether it is evidence-based.
struct ChartPoint {
    var name: String
    var x: Double
    var y: Double
    var evidenceBased: Bool
}

/// A scatter plot of one correlation pair in one group (study Charts 8–12), with the
/// evidence-based services highlighted (study Charts 16–18) and the least-squares line
/// from `tables/trend_lines.csv`.
struct ScatterChart {
    var title: String
    var groupLabel: String
    var xMetric: String
    var yMetric: String
    var points: [ChartPoint]
    /// (intercept, slope) of y on x, if the analysis fitted one.
    var trend: (intercept: Double, slope: Double)?
    /// The line printed under the title: n, r.
    var summary: String

    func rendered() -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        let xAxis = ChartAxis(metric: xMetric, values: points.map(\.x))
        let yAxis = ChartAxis(metric: yMetric, values: points.map(\.y))
        ChartFrame.draw(into: &svg, title: title, subtitle: groupLabel + " · " + summary, yAxis: yAxis,
                        yTitle: Labels.axis(yMetric), xTitle: Labels.axis(xMetric))
        ChartFrame.drawXTicks(into: &svg, axis: xAxis)
        ChartFrame.drawLegend(into: &svg, bars: false, extra: trend == nil ? nil : "Least-squares line")
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom
        if let trend {
            svg.raw("<clipPath id=\"plot-area\"><rect x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" "
                + "width=\"\(SVGDocument.number(right - left))\" height=\"\(SVGDocument.number(bottom - top))\"/></clipPath>")
            let lowX = points.map(\.x).min() ?? xAxis.lower
            let highX = points.map(\.x).max() ?? xAxis.upper
            let y1 = trend.intercept + trend.slope * lowX
            let y2 = trend.intercept + trend.slope * highX
            if y1.isFinite, y2.isFinite {
                svg.line(x1: xAxis.position(lowX, from: left, to: right), y1: yAxis.position(y1, from: bottom, to: top),
                         x2: xAxis.position(highX, from: left, to: right), y2: yAxis.position(y2, from: bottom, to: top),
                         style: "stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" clip-path=\"url(#plot-area)\"")
            }
        }
        // Evidence-based services last, so they are drawn on top.
        for point in points.filter({ !$0.evidenceBased }) + points.filter(\.evidenceBased) {
            let cx = xAxis.position(point.x, from: left, to: right)
            let cy = yAxis.position(point.y, from: bottom, to: top)
            let tip = point.name + ": " + xAxis.label(point.x) + ", " + yAxis.label(point.y)
            if point.evidenceBased {
                svg.diamond(cx: cx, cy: cy, r: 5.5, style: ChartFrame.evidenceStyle, title: tip)
            } else {
                svg.circle(cx: cx, cy: cy, r: 4, style: ChartFrame.pointStyle, title: tip)
            }
        }
        return svg.rendered(title: title + " — " + groupLabel,
                            description: "Scatter plot of \(Labels.axis(yMetric)) against \(Labels.axis(xMetric)), "
                                + "one point per service; \(summary).")
    }
}
