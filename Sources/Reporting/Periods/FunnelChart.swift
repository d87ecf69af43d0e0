import Analysis
import StatisticsKernel
import Tabular

/// The funnel chart of one edit variable between two periods (SPEC §11): each matched
/// service's ratio v_to / v_from (log scale) against its size max(v_from, v_to) (log
/// scale), with the Hidiroglou–Berthelot accepted region drawn as its two curves
/// r_M · (1 + E_high / size^U) and r_M / (1 − E_low / size^U). The region narrows as size
/// grows — a large service must change less to be flagged — which is the method's point.
///
/// Services outside the bounds are marked (vermillion triangles, the furthest
/// `ReportLimits.evidencePoints` by name); above `ReportLimits.scatterPoints` services the
/// others are binned into a density grid, so the chart stays small at any size (SPEC §7).
struct FunnelChart {
    struct Point {
        var size: Double
        var ratio: Double
        var flagged: Bool
        var name: String
    }

    let variable: String
    let from: String
    let to: String
    let points: [Point]
    let medianRatio: Double
    let effectLow: Double?
    let effectHigh: Double?
    let sizeExponent: Double
    /// What the points are (`services`, or the spending survey's `areas`, SPEC §12).
    var units = "services"
    /// Whether the sizes are pounds; `nil`: only `total_cost` is.
    var moneySizes: Bool? = nil

    var title: String { "\(variable): change from \(from) to \(to) against size" }
    var file: String { "funnel-\(variable).svg" }

    func rendered() -> String {
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        let (left, right, top, bottom) = (ChartFrame.left, ChartFrame.right, ChartFrame.top, ChartFrame.bottom)
        let xAxis = LogAxis(values: points.map(\.size), money: moneySizes ?? (variable == "total_cost"))
        let yAxis = LogAxis(values: points.map(\.ratio) + [medianRatio], money: false, tight: true)
        let room = ChartFrame.width - 2 * ChartFrame.margin
        ChartFrame.drawFitted(title, into: &svg, x: ChartFrame.margin, y: 26, room: room, size: 16, bold: true)
        let flagged = points.filter(\.flagged).count
        let shown = flagged > ReportLimits.evidencePoints
            ? " (triangles: the \(HumanNumbers.count(ReportLimits.evidencePoints)) furthest)" : " (triangles)"
        // Two lines: one does not fit the chart's width at a readable size.
        ChartFrame.drawFitted("\(HumanNumbers.count(points.count)) matched \(units); \(HumanNumbers.count(flagged)) "
            + "outside the Hidiroglou–Berthelot bounds" + shown + ";", into: &svg, x: ChartFrame.margin, y: 46,
            room: room, size: 12)
        ChartFrame.drawFitted("the dashed lines are the bounds", into: &svg, x: ChartFrame.margin, y: 62, room: room,
                              size: 12)
        for tick in yAxis.ticks {
            let y = yAxis.position(tick, from: bottom, to: top)
            svg.line(x1: left, y1: y, x2: right, y2: y, style: "stroke=\"#e3e3e3\" stroke-width=\"1\"")
            svg.text(yAxis.label(tick), x: left - 8, y: y + 4, anchor: .end, size: 11)
        }
        for tick in xAxis.ticks {
            let x = xAxis.position(tick, from: left, to: right)
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, style: "stroke=\"#333333\" stroke-width=\"1\"")
            svg.text(xAxis.label(tick), x: x, y: bottom + 20, anchor: .middle, size: 11)
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, style: "stroke=\"#333333\" stroke-width=\"1\"")
        svg.line(x1: left, y1: top, x2: left, y2: bottom, style: "stroke=\"#333333\" stroke-width=\"1\"")
        svg.text("ratio \(to) / \(from) (log scale)", x: ChartFrame.margin + 6, y: (top + bottom) / 2, anchor: .middle,
                 size: 12, rotate: true)
        svg.text("size: the larger of the two values (log scale)", x: (left + right) / 2, y: bottom + 48,
                 anchor: .middle, size: 12)

        let unflagged = points.filter { !$0.flagged }
        let marked = points.filter(\.flagged).sorted { distance($0.ratio) > distance($1.ratio) }
        if points.count > ReportLimits.scatterPoints {
            // Flagged services beyond the furthest marked are counted in the density with the rest.
            drawDensity(unflagged + marked.dropFirst(ReportLimits.evidencePoints), into: &svg, xAxis: xAxis, yAxis: yAxis)
        } else {
            for point in unflagged {
                svg.circle(cx: xAxis.position(point.size, from: left, to: right),
                           cy: yAxis.position(point.ratio, from: bottom, to: top), r: 3.5, style: ChartFrame.pointStyle,
                           title: point.name)
            }
        }
        for point in marked.prefix(ReportLimits.evidencePoints) {
            svg.triangle(cx: xAxis.position(point.size, from: left, to: right),
                         cy: yAxis.position(point.ratio, from: bottom, to: top), r: 5, style: ChartFrame.evidenceStyle,
                         title: point.name)
        }
        for bound in [bound(upper: true, xAxis: xAxis, yAxis: yAxis), bound(upper: false, xAxis: xAxis, yAxis: yAxis)] {
            if let bound { svg.raw(bound) }
        }
        return svg.rendered(title: title, description: "Funnel chart of the period-to-period edits of \(variable): "
            + "each matched service's ratio of its \(to) value to its \(from) value against its size, with the "
            + "accepted region's two bounds.")
    }

    /// One bound as a polyline over 64 sizes spread evenly on the log scale, where it is
    /// defined and positive.
    private func bound(upper: Bool, xAxis: LogAxis, yAxis: LogAxis) -> String? {
        guard let effect = upper ? effectHigh : effectLow else { return nil }
        var coordinates: [String] = []
        for step in 0...63 {
            let power = xAxis.lower + (xAxis.upper - xAxis.lower) * Double(step) / 63
            let size = Elementary.exp(power * Elementary.log(10))
            let scaled = effect / Elementary.exp(sizeExponent * Elementary.log(size))
            let ratio = upper ? medianRatio * (1 + scaled) : medianRatio / (1 - scaled)
            guard ratio > 0, ratio.isFinite, !upper || 1 + scaled > 0, upper || 1 - scaled > 0,
                  yAxis.contains(ratio) else { continue }
            coordinates.append(SVGDocument.number(xAxis.position(size, from: ChartFrame.left, to: ChartFrame.right)) + ","
                + SVGDocument.number(yAxis.position(ratio, from: ChartFrame.bottom, to: ChartFrame.top)))
        }
        guard coordinates.count > 1 else { return nil }
        return "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" \(ChartFrame.dashedStyle)/>"
    }

    /// Services per cell of a 48 × 30 grid, shaded by `ChartFrame.densityRamp`.
    private func drawDensity(_ points: [Point], into svg: inout SVGDocument, xAxis: LogAxis, yAxis: LogAxis) {
        let columns = 48, rows = 30
        var counts = [Int](repeating: 0, count: columns * rows)
        let (width, height) = ((ChartFrame.right - ChartFrame.left) / Double(columns),
                               (ChartFrame.bottom - ChartFrame.top) / Double(rows))
        // The points' logarithms in bulk (`LogAxis.log10` of an array: the same bits).
        let sizes = LogAxis.log10(points.map(\.size)), ratios = LogAxis.log10(points.map(\.ratio))
        for k in points.indices {
            let x = xAxis.position(ofLogarithm: sizes[k], from: 0, to: Double(columns))
            let y = yAxis.position(ofLogarithm: ratios[k], from: Double(rows), to: 0)
            counts[min(rows - 1, Int(y)) * columns + min(columns - 1, Int(x))] += 1
        }
        let most = counts.max() ?? 1
        for row in 0..<rows {
            for column in 0..<columns where counts[row * columns + column] > 0 {
                let count = counts[row * columns + column]
                let shade = ChartFrame.densityRamp[min(ChartFrame.densityRamp.count - 1,
                                                       (count * ChartFrame.densityRamp.count - 1) / max(most, 1))]
                svg.rect(x: ChartFrame.left + Double(column) * width, y: ChartFrame.top + Double(row) * height,
                         width: width, height: height, style: "fill=\"\(shade)\"",
                         title: "\(HumanNumbers.count(count)) \(units)")
            }
        }
    }

    private func distance(_ ratio: Double) -> Double { ratio > 0 ? max(ratio, 1 / ratio) : 0 }
}

extension FunnelChart {
    /// One chart per edit variable, for the latest pair of consecutive periods in which it
    /// was screened; none when nothing was.
    static func charts(_ tables: PeriodTables?, sizeExponent: Double) -> [FunnelChart] {
        guard let edits = tables?.edits else { return [] }
        var variables: [String] = []
        for edit in edits where !variables.contains(edit.variable) { variables.append(edit.variable) }
        // The rows by position, read where they lie (filtering the rows copied every edit of
        // a million services, names retained, for each variable), and a point's name made
        // only if the chart can draw that point alone: every point of a chart small enough to
        // draw each, else the flagged ones (the rest go into the density grid, unnamed).
        return variables.compactMap { variable in
            guard let last = edits.lastIndex(where: { $0.variable == variable && $0.effect != nil }).map({ edits[$0] })
            else { return nil }
            let pair = edits.indices.filter {
                edits[$0].variable == variable && edits[$0].from == last.from && edits[$0].to == last.to
            }
            let ratios = pair.compactMap { edits[$0].effect != nil ? edits[$0].ratio : nil }
            guard let median = OrderStatistics.median(ratios) else { return nil }
            var points: [Point] = [], rows: [Int] = []
            for index in pair {
                guard let ratio = edits[index].ratio, ratio > 0, let a = edits[index].valueFrom, let b = edits[index].valueTo
                else { continue }
                points.append(Point(size: max(a, b), ratio: ratio,
                                    flagged: edits[index].outcome == "above" || edits[index].outcome == "below", name: ""))
                rows.append(index)
            }
            let drawsEach = points.count <= ReportLimits.scatterPoints
            for k in points.indices where drawsEach || points[k].flagged {
                points[k].name = edits[rows[k]].authority + " — " + edits[rows[k]].service
            }
            return FunnelChart(variable: variable, from: last.from, to: last.to, points: points, medianRatio: median,
                               effectLow: last.effectLow, effectHigh: last.effectHigh, sizeExponent: sizeExponent)
        }
    }
}
