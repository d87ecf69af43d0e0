import Tabular

/// The names of flagged outliers beside their marks, on a white box so they read over
/// points and bars. Each name goes right of its mark, else left, above or below —
/// the first place that stays inside the plot area and overlaps no name already placed —
/// and a name that has no such place is left to its mark's tooltip. At most `cap` are
/// named, in the order given (the caller puts the furthest out first), so a chart with
/// many outliers stays legible; the chart's note says how many were named.
struct OutlierNames {
    struct Mark {
        var x: Double
        var y: Double
        /// The name as a person reads it (third-party text: escaped by `SVGDocument`).
        var name: String
    }

    /// Names drawn on one chart at most.
    static let cap = 8
    /// The widest a name is drawn; a longer one is cut with "…" (its tooltip has it whole).
    static let widest = 190.0

    private struct Box {
        var left, top, right, bottom: Double
        func overlaps(_ other: Box) -> Bool {
            left < other.right + 2 && other.left < right + 2 && top < other.bottom + 2 && other.top < bottom + 2
        }
    }

    /// Draws the names it can place; returns how many.
    static func draw(_ marks: [Mark], into svg: inout SVGDocument) -> Int {
        let size = ChartText.minimumSize
        var placed: [Box] = []
        // The marks themselves, so a name does not cover another named mark.
        let dots = marks.prefix(cap).map { Box(left: $0.x - 5, top: $0.y - 5, right: $0.x + 5, bottom: $0.y + 5) }
        var drawn = 0
        for (index, mark) in marks.prefix(cap).enumerated() {
            guard let (text, _) = ChartText.fitted(DisplayName.shortened(mark.name, limit: 60), room: widest,
                                                   preferred: size) else { continue }
            let width = ChartText.width(text, size: size)
            // (anchor, x of the anchor, baseline)
            let candidates: [(SVGDocument.Anchor, Double, Double)] = [
                (.start, mark.x + 9, mark.y + 4), (.end, mark.x - 9, mark.y + 4),
                (.middle, mark.x, mark.y - 10), (.middle, mark.x, mark.y + 18),
            ]
            for (anchor, x, baseline) in candidates {
                let left = anchor == .start ? x : anchor == .end ? x - width : x - width / 2
                let box = Box(left: left - 2, top: baseline - size + 1, right: left + width + 2, bottom: baseline + 3)
                guard box.left >= ChartFrame.left, box.right <= ChartFrame.right, box.top >= ChartFrame.top,
                      box.bottom <= ChartFrame.bottom,
                      !placed.contains(where: box.overlaps),
                      !dots.enumerated().contains(where: { $0.offset != index && $0.element.overlaps(box) })
                else { continue }
                svg.rect(x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top,
                         style: "fill=\"#ffffff\" fill-opacity=\"0.85\"")
                svg.text(text, x: x, y: baseline, anchor: anchor, size: size, fill: "#000000")
                placed.append(box)
                drawn += 1
                break
            }
        }
        return drawn
    }
}
