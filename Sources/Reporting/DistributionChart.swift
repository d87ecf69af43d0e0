/// Every service's figure as a bar, sorted from lowest to highest, with the mean marked:
/// the study's Charts 6 (cost per person supported) and 7 (cost per job outcome).
struct DistributionChart {
    var title: String
    var metric: String
    /// Points use `y` for the figure; `x` is ignored.
    var points: [ChartPoint]
    var mean: Double?

    func rendered() -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        let sorted = points.sorted { ($0.y, $0.name) < ($1.y, $1.name) }
        let yAxis = ChartAxis(metric: metric, values: sorted.map(\.y))
        let n = HumanNumbers.count(sorted.count)
        let subtitle = "All services, sorted, n = \(n)" + (mean.map { " · mean " + yAxis.label($0) } ?? "")
        ChartFrame.draw(into: &svg, title: title, subtitle: subtitle, yAxis: yAxis, yTitle: Labels.axis(metric),
                        xTitle: "Services, sorted from lowest to highest (n = \(n))")
        ChartFrame.drawLegend(into: &svg, bars: true, extra: mean == nil ? nil : "Mean")
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom
        let slot = (right - left) / Double(max(sorted.count, 1))
        let gap = slot > 4 ? slot * 0.15 : 0
        for (index, point) in sorted.enumerated() {
            let y = yAxis.position(point.y, from: bottom, to: top)
            svg.rect(x: left + Double(index) * slot + gap / 2, y: y, width: slot - gap, height: bottom - y,
                     style: point.evidenceBased ? ChartFrame.evidenceBarStyle : ChartFrame.barStyle,
                     title: point.name + ": " + yAxis.label(point.y))
        }
        if let mean {
            let y = yAxis.position(mean, from: bottom, to: top)
            svg.line(x1: left, y1: y, x2: right, y2: y,
                     style: "stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"")
        }
        return svg.rendered(title: title,
                            description: "Bar chart of \(Labels.axis(metric)) for each of \(n) services, "
                                + "sorted from lowest to highest.")
    }
}
