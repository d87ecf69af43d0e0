import Tabular
import Foundation
import StatisticsKernel

/// One point of a chart: a service's figure(s), whether it is evidence-based, and its
/// row in `clean/services.csv` (its name is made only when a chart labels it).
struct ChartPoint {
    var x: Double
    var y: Double
    var evidenceBased: Bool
    var row: Int
}

/// A scatter plot of one correlation pair in one group (study Charts 8–12), with the
/// evidence-based services highlighted (study Charts 16–18) and the least-squares line
/// from `tables/trend_lines.csv`. Up to `ReportLimits.scatterPoints` points it draws one
/// mark per service; above, a binned density layer (services per cell, shaded) so the
/// chart stays small at any n, still marking the evidence-based services — one by one up
/// to `ReportLimits.evidencePoints`, binned separately above — and drawing the line.
/// A money axis spanning more than two orders of magnitude is on a log scale
/// (`ChartAxis`), and services flagged as outliers on either measure are ringed and the
/// furthest out named (`OutlierNames`).
struct ScatterChart {
    var title: String
    var groupLabel: String
    var xMetric: String
    var yMetric: String
    var points: [ChartPoint]
    var name: (Int) -> String
    /// (intercept, slope) of y on x, if the analysis fitted one.
    var trend: (intercept: Double, slope: Double)?
    /// The line printed under the title: n, r.
    var summary: String
    /// Unique on a page that shows every chart inline (the clip path's id).
    var id: String
    /// Rows flagged as outliers on the x or the y measure.
    var outliers: FlaggedRows = []
    /// A flagged point's name beside it: the service's name (`name` when not given).
    var label: ((Int) -> String)? = nil
    /// `LogAxis.log10` of each service's x and y by row, where the chart plan has worked
    /// them out once for every chart that draws the measure (`nil`: each chart works out its own).
    var xLogarithms: [Double]? = nil
    var yLogarithms: [Double]? = nil

    static let columns = 36
    static let rows = 20

    func rendered() -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        var lowX = Double.infinity, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
        // The smallest positive values, for a log axis' span.
        var positiveX = Double.infinity, positiveY = Double.infinity
        var evidenceCount = 0
        for point in points {
            lowX = min(lowX, point.x); highX = max(highX, point.x)
            lowY = min(lowY, point.y); highY = max(highY, point.y)
            if point.x > 0 { positiveX = min(positiveX, point.x) }
            if point.y > 0 { positiveY = min(positiveY, point.y) }
            if point.evidenceBased { evidenceCount += 1 }
        }
        let xAxis = ChartAxis(metric: xMetric, values: points.isEmpty ? [] : [lowX, highX] + (positiveX.isFinite ? [positiveX] : []),
                              allowLog: true)
        let yAxis = ChartAxis(metric: yMetric, values: points.isEmpty ? [] : [lowY, highY] + (positiveY.isFinite ? [positiveY] : []),
                              allowLog: true)
        let binned = points.count > ReportLimits.scatterPoints
        let binEvidence = binned && evidenceCount > ReportLimits.evidencePoints
        ChartFrame.draw(into: &svg, title: title, subtitle: groupLabel + " · " + summary, yAxis: yAxis,
                        yTitle: yAxis.title, xTitle: xAxis.title, gap: true)
        ChartFrame.drawXTicks(into: &svg, axis: xAxis, gap: true)
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom

        var legend: [ChartFrame.LegendItem] = []
        var density = DensityGrid(columns: Self.columns, rows: Self.rows)
        var evidenceGrid = DensityGrid(columns: Self.columns, rows: Self.rows)
        if binned {
            for point in points {
                let column = xAxis.position(point.x, logarithm: xLogarithms?[point.row], from: 0, to: Double(Self.columns))
                let row = yAxis.position(point.y, logarithm: yLogarithms?[point.row], from: 0, to: Double(Self.rows))
                if point.evidenceBased, binEvidence { evidenceGrid.add(column: column, row: row) }
                if !point.evidenceBased { density.add(column: column, row: row) }
            }
            if density.maximum > 0 {
                legend.append(.density("Other services per cell: 1 to " + HumanNumbers.count(density.maximum)))
            }
        } else if points.contains(where: { !$0.evidenceBased }) {
            legend.append(.point("Other services"))
        }
        if evidenceCount > 0 {
            legend.append(binEvidence ? .evidenceBin("Evidence-based services per cell (larger: more)")
                                      : .evidencePoint("Evidence-based services (highlighted)"))
        }
        // Flagged services: ringed one by one up to `evidencePoints`, the furthest out named.
        let flagged = points.filter { outliers.contains($0.row) }
        if !flagged.isEmpty { legend.append(.flagged("Flagged as an outlier")) }
        var trendNote = ""
        if let line = trendLine(lowX: lowX, highX: highX, xAxis: xAxis, yAxis: yAxis) {
            // Short, so that the legend keeps to two rows above the plot; the description says it in full.
            legend.append(.dashed(line.clipped ? "Least-squares line, cut off " + line.why : "Least-squares line"))
            if line.clipped { trendNote = " The least-squares line is cut off where it leaves the chart " + line.why + "." }
        }
        ChartFrame.drawLegend(into: &svg, items: legend)

        if binned { drawDensity(density, into: &svg) }
        // One mark per service: the line under the marks. Binned: over the cells, so it stays visible.
        if !binned { drawTrend(into: &svg, lowX: lowX, highX: highX, xAxis: xAxis, yAxis: yAxis) }
        if binEvidence {
            drawEvidenceBins(evidenceGrid, into: &svg)
        } else {
            // Evidence-based services last, so they are drawn on top.
            let marked = binned ? points.filter(\.evidenceBased)
                                : points.filter { !$0.evidenceBased } + points.filter(\.evidenceBased)
            for point in marked {
                let cx = xAxis.position(point.x, logarithm: xLogarithms?[point.row], from: left, to: right)
                let cy = yAxis.position(point.y, logarithm: yLogarithms?[point.row], from: bottom, to: top)
                let tip = name(point.row) + ": " + xAxis.label(point.x) + ", " + yAxis.label(point.y)
                if point.evidenceBased {
                    svg.diamond(cx: cx, cy: cy, r: 5.5, style: ChartFrame.evidenceStyle, title: tip)
                } else {
                    svg.circle(cx: cx, cy: cy, r: 4, style: ChartFrame.pointStyle, title: tip)
                }
            }
        }
        if binned { drawTrend(into: &svg, lowX: lowX, highX: highX, xAxis: xAxis, yAxis: yAxis, halo: true) }
        let outlierNote = drawOutliers(flagged, into: &svg, xAxis: xAxis, yAxis: yAxis)
        let how = binned ? "services binned into a \(Self.columns) × \(Self.rows) grid, shaded by how many fall in "
            + "each cell" : "one point per service"
        var scales = ""
        for axis in [yAxis, xAxis] where axis.log != nil {
            scales += " " + Labels.axis(axis.metric) + " is on a log scale (its values span more than "
                + "two orders of magnitude)" + (axis.zeroStrip ? ", £0 below the lowest decade." : ".")
        }
        return svg.rendered(title: title + " — " + groupLabel,
                            description: "Scatter plot of \(Labels.axis(yMetric)) against \(Labels.axis(xMetric)), "
                                + "\(how); \(summary).\(scales)\(trendNote)\(outlierNote)")
    }

    /// Rings the flagged services (the first `ReportLimits.evidencePoints` furthest from the
    /// plot's centre) and names the furthest `OutlierNames.cap` that have room; returns the
    /// sentence the chart's description adds.
    private func drawOutliers(_ flagged: [ChartPoint], into svg: inout SVGDocument, xAxis: ChartAxis,
                              yAxis: ChartAxis) -> String {
        guard !flagged.isEmpty else { return "" }
        let centreX = (ChartFrame.left + ChartFrame.right) / 2, centreY = (ChartFrame.top + ChartFrame.bottom) / 2
        let placed = flagged.map { point -> (point: ChartPoint, x: Double, y: Double, distance: Double) in
            let x = xAxis.position(point.x, logarithm: xLogarithms?[point.row], from: ChartFrame.left, to: ChartFrame.right)
            let y = yAxis.position(point.y, logarithm: yLogarithms?[point.row], from: ChartFrame.bottom, to: ChartFrame.top)
            // Relative to the plot's half-width and half-height, so both axes count alike.
            let dx = (x - centreX) / (ChartFrame.right - centreX), dy = (y - centreY) / (ChartFrame.bottom - centreY)
            return (point, x, y, dx * dx + dy * dy)
        }.sorted { ($0.distance, $1.point.row) > ($1.distance, $0.point.row) }
        let ringed = placed.prefix(ReportLimits.evidencePoints)
        for mark in ringed {
            svg.circle(cx: mark.x, cy: mark.y, r: 8, style: ChartFrame.flaggedStyle,
                       title: name(mark.point.row) + ": flagged as an outlier")
        }
        let named = OutlierNames.draw(ringed.map { OutlierNames.Mark(x: $0.x, y: $0.y,
                                                                    name: (label ?? name)($0.point.row)) }, into: &svg)
        let count = HumanNumbers.count(flagged.count)
        var note = " \(count) " + (flagged.count == 1 ? "service is" : "services are") + " flagged as an outlier "
            + "(ringed)"
        if named == flagged.count {
            note += (named == 1 ? "; it is named." : "; each is named.")
        } else {
            note += "; \(HumanNumbers.count(named)) named (at most \(OutlierNames.cap), the furthest out, where "
                + "a name has room); every flag is in clean/flags.csv."
        }
        return note
    }

    /// The least-squares line, clipped to the plot area; with `halo`, over a white band so
    /// it reads on dark density cells.
    private func drawTrend(into svg: inout SVGDocument, lowX: Double, highX: Double, xAxis: ChartAxis, yAxis: ChartAxis,
                           halo: Bool = false) {
        let left = ChartFrame.left, right = ChartFrame.right, top = ChartFrame.top, bottom = ChartFrame.bottom
        guard let line = trendLine(lowX: lowX, highX: highX, xAxis: xAxis, yAxis: yAxis) else { return }
        svg.raw("<clipPath id=\"\(id)\"><rect x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" "
            + "width=\"\(SVGDocument.number(right - left))\" height=\"\(SVGDocument.number(bottom - top))\"/></clipPath>")
        let styles = (halo ? ["stroke=\"#ffffff\" stroke-width=\"4\""] : [])
            + ["stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""]
        guard xAxis.log != nil || yAxis.log != nil, let trend else {
            let x1 = xAxis.position(lowX, from: left, to: right), y1 = yAxis.position(line.y1, from: bottom, to: top)
            let x2 = xAxis.position(highX, from: left, to: right), y2 = yAxis.position(line.y2, from: bottom, to: top)
            for style in styles { svg.line(x1: x1, y1: y1, x2: x2, y2: y2, style: style + " clip-path=\"url(#\(id))\"") }
            return
        }
        // On a log axis the straight line of the data is a curve: 64 points spread evenly
        // along the x axis, the line broken where y ≤ 0 (no place on a log scale).
        var segments: [[String]] = [[]]
        let start = xAxis.log != nil ? max(lowX, xAxis.lower) : lowX
        for step in 0...63 {
            let t = Double(step) / 63
            let x = xAxis.log != nil
                ? Elementary.exp((LogAxis.log10(start) + t * (LogAxis.log10(highX) - LogAxis.log10(start))) * Elementary.log(10))
                : lowX + t * (highX - lowX)
            let y = trend.intercept + trend.slope * x
            guard x > 0 || xAxis.log == nil, y > 0 || yAxis.log == nil, x.isFinite, y.isFinite else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            segments[segments.count - 1].append(SVGDocument.number(xAxis.position(x, from: left, to: right)) + ","
                + SVGDocument.number(yAxis.position(y, from: bottom, to: top)))
        }
        for segment in segments where segment.count > 1 {
            for style in styles {
                svg.raw("<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" \(style) "
                    + "clip-path=\"url(#\(id))\"/>")
            }
        }
    }

    /// The line's ends over the data's x range, and whether (and why) it leaves the plotted range.
    private func trendLine(lowX: Double, highX: Double, xAxis: ChartAxis, yAxis: ChartAxis)
        -> (y1: Double, y2: Double, clipped: Bool, why: String)? {
        guard let trend, lowX.isFinite, highX.isFinite else { return nil }
        let y1 = trend.intercept + trend.slope * lowX
        let y2 = trend.intercept + trend.slope * highX
        guard y1.isFinite, y2.isFinite else { return nil }
        let below = min(y1, y2) < yAxis.lower, above = max(y1, y2) > yAxis.upper
        let why = below && above ? "(beyond the axis range)"
            : below ? "(it passes below " + yAxis.label(yAxis.lower) + ")"
            : "(it passes above " + yAxis.label(yAxis.upper) + ")"
        return (y1, y2, below || above, why)
    }

    private func drawDensity(_ grid: DensityGrid, into svg: inout SVGDocument) {
        let cellWidth = (ChartFrame.right - ChartFrame.left) / Double(Self.columns)
        let cellHeight = (ChartFrame.bottom - ChartFrame.top) / Double(Self.rows)
        for (column, row, count) in grid.cells {
            let shade = ChartFrame.densityRamp[grid.shade(count, steps: ChartFrame.densityRamp.count)]
            svg.rect(x: ChartFrame.left + Double(column) * cellWidth, y: ChartFrame.bottom - Double(row + 1) * cellHeight,
                     width: cellWidth, height: cellHeight, style: "fill=\"\(shade)\"",
                     title: HumanNumbers.count(count) + (count == 1 ? " service" : " services"))
        }
    }

    private func drawEvidenceBins(_ grid: DensityGrid, into svg: inout SVGDocument) {
        let cellWidth = (ChartFrame.right - ChartFrame.left) / Double(Self.columns)
        let cellHeight = (ChartFrame.bottom - ChartFrame.top) / Double(Self.rows)
        for (column, row, count) in grid.cells {
            // Log scale, as the shading: a few crowded cells must not shrink every other mark to a dot.
            let scale = grid.maximum > 1 ? Foundation.log(Double(count)) / Foundation.log(Double(grid.maximum)) : 1
            let radius = 3 + 4 * scale
            svg.diamond(cx: ChartFrame.left + (Double(column) + 0.5) * cellWidth,
                        cy: ChartFrame.bottom - (Double(row) + 0.5) * cellHeight, r: radius,
                        style: ChartFrame.evidenceBinStyle,
                        title: HumanNumbers.count(count) + " evidence-based service" + (count == 1 ? "" : "s"))
        }
    }
}

/// Counts of points per cell of a fixed grid over the plot area.
struct DensityGrid {
    let columns: Int
    let rows: Int
    private var counts: [Int]
    private(set) var maximum = 0

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        counts = Array(repeating: 0, count: columns * rows)
    }

    /// `column` and `row` in cell units from the plot's lower left; the upper edge joins the last cell.
    mutating func add(column: Double, row: Double) {
        guard column.isFinite, row.isFinite else { return }
        let c = Self.cell(column, count: columns), r = Self.cell(row, count: rows)
        counts[r * columns + c] += 1
        maximum = max(maximum, counts[r * columns + c])
    }

    /// `min(count − 1, max(0, ⌊x⌋))` for finite x, clamped before it is made an integer:
    /// between 0 and count − 1 the floor is the truncation, without a call into libm's
    /// `floor` per point (two per service and chart at 10⁶ services, issue 30), and a value
    /// beyond `Int`'s range lands on an edge cell instead of trapping.
    @inline(__always)
    static func cell(_ x: Double, count: Int) -> Int {
        guard x > 0 else { return 0 }
        guard x < Double(count - 1) else { return max(0, count - 1) }
        return Int(x)
    }

    /// Non-empty cells, row by row from the bottom.
    var cells: [(column: Int, row: Int, count: Int)] {
        counts.enumerated().compactMap { $0.element > 0 ? ($0.offset % columns, $0.offset / columns, $0.element) : nil }
    }

    /// 0 ..< steps on a log scale from 1 to `maximum`, so a few dense cells do not wash out the rest.
    func shade(_ count: Int, steps: Int) -> Int {
        guard maximum > 1, count > 1 else { return 0 }
        let fraction = Foundation.log(Double(count)) / Foundation.log(Double(maximum))
        return min(steps - 1, max(0, Int((fraction * Double(steps)).rounded(.down))))
    }
}
