import StatisticsKernel
import Survey
import Tabular

/// The spending survey's charts (SPEC §12, study Section 4 Charts 1, 2 and 4–5), drawn on
/// the same frame, palette and SVG writer as the service returns' charts.
enum SurveyCharts {
    /// Okabe–Ito colours beyond the frame's blue and vermillion, for series and segments.
    static let palette = ["#0072b2", "#d55e00", "#009e73", "#e69f00", "#56b4e9", "#cc79a7", "#f0e442"]

    /// Chart 1: mean budget per area, by year (groups) and stream (bars).
    static func spendByYear(_ rows: [SpendByYearRow]) -> ChartFigure? {
        let rows = rows.filter { $0.subset == .all && $0.mean != nil }
        guard !rows.isEmpty else { return nil }
        var years: [String] = []
        for row in rows.sorted(by: { $0.column.year < $1.column.year }) where !years.contains(row.column.year.label) {
            years.append(row.column.year.label)
        }
        let streams = SpendStream.allCases.filter { stream in rows.contains { $0.column.stream == stream } }
        let axis = ChartAxis(metric: "total_cost", values: rows.compactMap(\.mean))
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        let title = "Mean budget per area, by stream and year"
        ChartFrame.draw(into: &svg, title: title, subtitle: "Whole set: areas giving the budget (n under each bar)",
                        yAxis: axis, yTitle: "mean budget per area", xTitle: "financial year")
        let groupWidth = (ChartFrame.right - ChartFrame.left) / Double(years.count)
        let barWidth = groupWidth * 0.8 / Double(max(streams.count, 1))
        for (yearIndex, year) in years.enumerated() {
            let groupLeft = ChartFrame.left + Double(yearIndex) * groupWidth + groupWidth * 0.1
            svg.text(year, x: groupLeft + groupWidth * 0.4, y: ChartFrame.bottom + 20, anchor: .middle, size: 11)
            for (streamIndex, stream) in streams.enumerated() {
                guard let row = rows.first(where: { $0.column.stream == stream && $0.column.year.label == year }),
                      let mean = row.mean else { continue }
                let top = axis.position(mean, from: ChartFrame.bottom, to: ChartFrame.top)
                let x = groupLeft + Double(streamIndex) * barWidth
                svg.rect(x: x, y: top, width: barWidth * 0.92, height: ChartFrame.bottom - top,
                         style: "fill=\"\(palette[streamIndex % palette.count])\"",
                         title: "\(stream.rawValue) \(year): \(HumanNumbers.money(mean)) (n = \(row.n))")
                svg.text("n \(row.n)", x: x + barWidth * 0.46, y: top - 4, anchor: .middle, size: 11)
            }
        }
        legend(&svg, streams.map(\.rawValue))
        return ChartFigure(file: "spend-by-year.svg", title: [.text(title)],
                           svg: svg.rendered(title: title, description: "Bar chart of the mean budget per area for "
                               + "employment support by stream and financial year (tables/spend_by_year.csv)."))
    }

    /// Charts 4–5: 100% stacked bars of the breakdown's spend by type, one bar per subset
    /// and client group with spend.
    static func spendByType(_ rows: [SpendByTypeRow]) -> ChartFigure? {
        var bars: [(label: String, shares: [Double])] = []
        for subset in SurveySubset.allCases {
            for client in ["all"] + Breakdown.clients where subset == .all || client == "all" {
                let group = rows.filter { $0.subset == subset && $0.client == client }
                guard let n = group.first?.n, n > 0, group.contains(where: { $0.share != nil }) else { continue }
                bars.append(("\(subset.rawValue) · \(client) (n \(n))", group.map { $0.share ?? 0 }))
            }
        }
        guard !bars.isEmpty else { return nil }
        let title = "Spend by type of support within client group"
        var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height)
        ChartFrame.drawFitted(title, into: &svg, x: ChartFrame.margin, y: 26, room: ChartFrame.width - 2 * ChartFrame.margin,
                              size: 16, bold: true)
        svg.text("Share of each group's breakdown spend; responses giving a breakdown (n)", x: ChartFrame.margin, y: 46,
                 size: 12)
        let left = 200.0, right = ChartFrame.right, top = ChartFrame.top + 10
        let height = (ChartFrame.bottom - top) / Double(bars.count)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = left + tick * (right - left)
            svg.line(x1: x, y1: top, x2: x, y2: ChartFrame.bottom, style: "stroke=\"#e3e3e3\" stroke-width=\"1\"")
            svg.text(HumanNumbers.percent(tick), x: x, y: ChartFrame.bottom + 16, anchor: .middle, size: 11)
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * height
            svg.text(bar.label, x: left - 8, y: y + height * 0.55, anchor: .end, size: 11)
            var x = left
            for (typeIndex, share) in bar.shares.enumerated() where share > 0 {
                let width = share * (right - left)
                svg.rect(x: x, y: y + height * 0.15, width: width, height: height * 0.7,
                         style: "fill=\"\(palette[typeIndex % palette.count])\"",
                         title: "\(Breakdown.types[typeIndex]): \(HumanNumbers.percent(share))")
                x += width
            }
        }
        legend(&svg, Breakdown.types)
        return ChartFigure(file: "spend-by-type.svg", title: [.text(title)],
                           svg: svg.rendered(title: title, description: "Stacked bars of the share of the breakdown's "
                               + "spend on each type of support (tables/spend_by_type.csv)."))
    }

    /// Chart 2: each area's budget ratio between the last two years against its size, with
    /// §11's Hidiroglou–Berthelot bounds (the periods report's funnel chart).
    static func funnels(_ clean: SurveyClean) -> [FunnelChart] {
        guard let from = clean.breakdownYear, let to = clean.lastYear else { return [] }
        return SpendStream.allCases.compactMap { stream in
            let fromColumn = SpendColumn(stream: stream, year: from), toColumn = SpendColumn(stream: stream, year: to)
            let edits = clean.edits.filter { $0.from == fromColumn && $0.to == toColumn }
            let screened = edits.filter { $0.edit.effect != nil }
            guard let first = screened.first, let median = OrderStatistics.median(screened.compactMap(\.edit.ratio)) else {
                return nil
            }
            let points = edits.compactMap { edit -> FunnelChart.Point? in
                let area = clean.areas[edit.area]
                guard let ratio = edit.edit.ratio, ratio > 0, let a = area.spend[fromColumn], let b = area.spend[toColumn]
                else { return nil }
                return FunnelChart.Point(size: max(a, b), ratio: ratio,
                                         flagged: edit.edit.outcome == .above || edit.edit.outcome == .below,
                                         name: area.authority)
            }
            return FunnelChart(variable: "spend_\(stream.rawValue)", from: from.label, to: to.label, points: points,
                               medianRatio: median, effectLow: first.edit.effectLow, effectHigh: first.edit.effectHigh,
                               sizeExponent: 0.5, units: "areas", moneySizes: true)
        }
    }

    private static func legend(_ svg: inout SVGDocument, _ labels: [String]) {
        var x = ChartFrame.margin
        for (index, label) in labels.enumerated() {
            svg.rect(x: x, y: 57, width: 10, height: 10, style: "fill=\"\(palette[index % palette.count])\"")
            svg.text(label, x: x + 14, y: 66, size: 11)
            x += 24 + 6.2 * Double(label.count)
        }
    }
}
