import StatisticsKernel
import Tabular

/// A base-10 logarithmic axis: the funnel charts' ratio and size (SPEC §11), and a scatter's
/// money axis whose values span more than `ChartAxis.logSpan` (`ChartAxis`). Ticks at 1, 2
/// and 5 × 10^k when the range is narrow and at powers of ten when it is wide. Logarithms
/// through `Elementary`, so the SVG's bytes are the same on every CPU.
struct LogAxis {
    /// log10 of the ends.
    let lower: Double
    let upper: Double
    let ticks: [Double]
    let money: Bool

    /// `tight`: the axis spans the data with a margin (ratios near 1 need it) instead of
    /// whole powers of ten, with ticks at 1, 2, 5 × 10^k and 0.8, 0.9, 1.1, 1.25.
    init(values: [Double], money: Bool, tight: Bool = false) {
        self.money = money
        let logs = Self.log10(values.filter { $0 > 0 && $0.isFinite })
        var low = logs.min() ?? 0, high = logs.max() ?? 1
        if tight {
            let pad = max(0.02, 0.06 * (high - low))
            low -= pad
            high += pad
        } else {
            low = low.rounded(.down)
            high = high.rounded(.up)
            if high <= low { high = low + 1 }
        }
        if high - low > 12 { low = high - 12 }
        lower = low
        upper = high
        var candidates: [Double] = []
        var power = low.rounded(.down)
        while power <= high.rounded(.up) {
            let decade = Self.exp10(power)
            let multiples: [Double] = high - low <= 2 ? (tight ? [0.8, 0.9, 1, 1.1, 1.25, 2, 5] : [1, 2, 5]) : [1]
            candidates += multiples.map { $0 * decade }
            power += 1
        }
        let inside = candidates.filter { Self.log10($0) >= low - 1e-12 && Self.log10($0) <= high + 1e-12 }
        ticks = inside.count > 10 ? inside.filter { Self.log10($0).rounded() == Self.log10($0) } : inside
    }

    static func log10(_ value: Double) -> Double { Elementary.log(value) / ln10 }

    /// `log10(_:)` of every value (positive), the logarithms taken in bulk (`Elementary.logs`).
    static func log10(_ values: [Double]) -> [Double] { Elementary.logs(values).map { $0 / ln10 } }

    /// ln 10, once: a scatter of a million services takes a logarithm per point.
    private static let ln10 = Elementary.log(10)

    static func exp10(_ power: Double) -> Double {
        var value = 1.0
        if power >= 0 { for _ in 0..<Int(power) { value *= 10 } } else { for _ in 0..<Int(-power) { value /= 10 } }
        return value
    }

    /// Position of `value` (> 0) along a screen interval; values outside are clamped to it.
    func position(_ value: Double, from: Double, to: Double) -> Double {
        position(ofLogarithm: Self.log10(value), from: from, to: to)
    }

    /// `position` from `log10(value)` already worked out.
    func position(ofLogarithm power: Double, from: Double, to: Double) -> Double {
        from + min(1, max(0, fraction(ofLogarithm: power))) * (to - from)
    }

    /// Where `value` (> 0) falls between the ends: 0 at `lower`, 1 at `upper`, beyond them
    /// outside 0…1 (a line clipped by the plot area, not squashed onto its edge).
    func fraction(_ value: Double) -> Double { fraction(ofLogarithm: Self.log10(value)) }

    /// The same from `log10(value)` already worked out.
    func fraction(ofLogarithm power: Double) -> Double { (power - lower) / (upper - lower) }

    func contains(_ value: Double) -> Bool {
        let power = Self.log10(value)
        return power >= lower && power <= upper
    }

    func label(_ value: Double) -> String {
        if money { return HumanNumbers.money(value) }
        // As few decimals as show the tick exactly: 1.25, 0.9, 0.08, 1,000.
        var decimals = 0, scale = 1.0
        while decimals < 12, abs((value * scale).rounded() / scale - value) > 1e-9 * value {
            decimals += 1
            scale *= 10
        }
        return HumanNumbers.decimal(value, decimals: decimals)
    }
}
