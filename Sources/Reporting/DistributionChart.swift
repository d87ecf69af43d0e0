import StatisticsKernel
import Tabular

/// Every service's figure as a bar, sorted from lowest to highest, with the mean marked:
/// the study's Charts 6 (cost per person supported) and 7 (cost per job outcome). Bars
/// carry the service's name where it fits (above a short bar, inside a tall one: only when
/// the bars are wide enough for text at `ChartText.minimumSize`), and a triangle over each
/// service flagged as an outlier on this measure — named beside it when the bars are too
/// narrow for names (`OutlierNames`). The axis stays linear from £0 whatever the spread:
/// a bar's length must stay proportional to its figure (the scatters take the log scale). Above
/// `ReportLimits.distributionBars` services it draws the 100 percentiles instead (the
/// same sorted shape, one bar per 1% of services), so the chart stays small at any n.
struct DistributionChart {
    var title: String
    var metric: String
    /// Points use `y` for the figure; `x` is ignored.
    var points: [ChartPoint]
    var mean: Double?
    /// A bar's label: the service's name.
    var label: (Int) -> String
    /// A bar's tooltip: the service's full name.
    var name: (Int) -> String
    /// Rows flagged as outliers on `metric`.
    var outliers: FlaggedRows

    func rendered() -> String {
        // The percentiles need the figures in order, not the services: a sort of numbers.
        guard points.count <= ReportLimits.distributionBars else { return percentiles() }
        return bars(points.sorted { ($0.y, $0.row) < ($1.y, $1.row) })
    }

    private func bars(_ sorted: [ChartPoint]) -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        let yAxis = ChartAxis(metric: metric, values: sorted.map(\.y))
        let n = HumanNumbers.count(sorted.count)
        let subtitle = "All services, sorted, n = \(n)" + (mean.map { " · mean " + yAxis.label($0) } ?? "")
        ChartFrame.draw(into: &svg, title: title, subtitle: subtitle, yAxis: yAxis, yTitle: Labels.axis(metric),
                        xTitle: "Services, sorted from lowest to highest (n = \(n))")
        let flagged = sorted.filter { outliers.contains($0.row) }.count
        var legend: [ChartFrame.LegendItem] = []
        if sorted.contains(where: { !$0.evidenceBased }) { legend.append(.bar("Other services")) }
        if sorted.contains(where: \.evidenceBased) { legend.append(.evidenceBar("Evidence-based services")) }
        if flagged > 0 { legend.append(.outlier("Flagged as an outlier")) }
        if mean != nil { legend.append(.dashed("Mean")) }
        ChartFrame.drawLegend(into: &svg, items: legend)
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom
        let slot = (right - left) / Double(max(sorted.count, 1))
        let gap = slot > 4 ? slot * 0.15 : 0
        // Rotated names need a bar at least as wide as a line of the smallest text.
        let fontSize = ChartText.minimumSize
        let namesFit = slot >= fontSize + 1
        var flaggedMarks: [OutlierNames.Mark] = []
        for (index, point) in sorted.enumerated() {
            let y = yAxis.position(point.y, from: bottom, to: top)
            let x = left + Double(index) * slot
            svg.rect(x: x + gap / 2, y: y, width: slot - gap, height: bottom - y,
                     style: point.evidenceBased ? ChartFrame.evidenceBarStyle : ChartFrame.barStyle,
                     title: name(point.row) + ": " + yAxis.label(point.y))
            let flaggedHere = outliers.contains(point.row)
            if flaggedHere {
                svg.triangle(cx: x + slot / 2, cy: y - 6, r: min(4, max(2, slot / 2)), style: ChartFrame.outlierStyle,
                             title: name(point.row) + ": flagged as an outlier")
                flaggedMarks.append(.init(x: x + slot / 2, y: y - 6, name: label(point.row)))
            }
            guard namesFit else { continue }
            // The name goes where there is more room: above the bar, or inside it in white;
            // cut with "…" only when it does not fit whole there.
            let above = y - top - (flaggedHere ? 12 : 3)
            let inside = bottom - y - 6
            let room = max(above, inside)
            let whole = DisplayName.shortened(label(point.row))
            guard let (text, _) = ChartText.fitted(whole, room: room, preferred: fontSize),
                  text == whole || ChartText.width(text, size: fontSize) >= 3 * ChartText.width("M", size: fontSize)
            else { continue }
            let baseline = x + slot / 2 + fontSize * 0.35
            if above >= inside {
                svg.text(text, x: baseline, y: y - (flaggedHere ? 12 : 3), size: fontSize, rotate: true, fill: "#333333")
            } else {
                svg.text(text, x: baseline, y: bottom - 3, size: fontSize, rotate: true, fill: "#ffffff")
            }
        }
        drawMean(into: &svg, axis: yAxis)
        // The furthest out first: the tallest bars, then the lowest.
        let named = namesFit ? flagged : OutlierNames.draw(flaggedMarks.reversed(), into: &svg)
        var description = "Bar chart of \(Labels.axis(metric)) for each of \(n) services, sorted from lowest to highest"
        if flagged > 0 {
            description += "; \(HumanNumbers.count(flagged)) flagged as outliers are marked with a triangle"
            if named < flagged {
                description += ", \(HumanNumbers.count(named)) of them named (at most \(OutlierNames.cap), the highest, "
                    + "where a name has room; every flag is in clean/flags.csv)"
            }
        }
        return svg.rendered(title: title, description: description + ".")
    }

    /// The percentile chart: bar k is the figure below which (k + ½)% of services fall
    /// (linear interpolation between order statistics, Hyndman & Fan type 7).
    private func percentiles() -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        // `sorted()`'s values in linear time (a radix sort: a million services' figures).
        let values = SortOrder.sortedValues(points.map(\.y))
        let yAxis = ChartAxis(metric: metric, values: [values.first ?? 0, values.last ?? 1])
        let n = HumanNumbers.count(points.count)
        let subtitle = "All services, n = \(n), one bar per percentile" + (mean.map { " · mean " + yAxis.label($0) } ?? "")
        ChartFrame.draw(into: &svg, title: title, subtitle: subtitle, yAxis: yAxis, yTitle: Labels.axis(metric),
                        xTitle: "Percentile of services, sorted from lowest to highest (n = \(n))")
        var legend: [ChartFrame.LegendItem] = [.bar("Each bar: 1% of services")]
        if mean != nil { legend.append(.dashed("Mean")) }
        ChartFrame.drawLegend(into: &svg, items: legend)
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom
        let slot = (right - left) / 100
        for k in 0..<100 {
            let value = Self.quantile(values, (Double(k) + 0.5) / 100)
            let y = yAxis.position(value, from: bottom, to: top)
            svg.rect(x: left + Double(k) * slot + slot * 0.075, y: y, width: slot * 0.85, height: bottom - y,
                     style: ChartFrame.barStyle, title: "Percentile \(k + 1): " + yAxis.label(value))
        }
        drawMean(into: &svg, axis: yAxis)
        let flagged = outliers.isEmpty ? 0 : points.filter { outliers.contains($0.row) }.count
        var description = "Bar chart of the percentiles of \(Labels.axis(metric)) over \(n) services, sorted from "
            + "lowest to highest"
        if flagged > 0 { description += "; \(HumanNumbers.count(flagged)) flagged as outliers are listed in clean/flags.csv" }
        return svg.rendered(title: title, description: description + ".")
    }

    private func drawMean(into svg: inout SVGDocument, axis: ChartAxis) {
        guard let mean else { return }
        let y = axis.position(mean, from: ChartFrame.bottom, to: ChartFrame.top)
        svg.line(x1: ChartFrame.left, y1: y, x2: ChartFrame.right, y2: y, style: ChartFrame.dashedStyle)
    }

    /// Type-7 quantile of sorted values: x[h⌊⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋]), h = (n − 1)p.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
