import Tabular
import Foundation
import PipelineDefinition

/// A chart axis from a data range. Linear by default, to "nice" ticks (1, 2 or 5 × 10^k
/// apart): money, rates and counts start at 0 so that bar heights and distances are not
/// misleading; the Support Level Index (1 to 10 by construction) and unknown measures span
/// their data. A money axis whose positive values span more than `logSpan` (one £33,573
/// service squashes every other point of a cost scatter to the floor) can be drawn on a
/// base-10 log scale (`LogAxis`) instead: ratios of costs read as equal distances there.
/// Zero cannot go on a log scale; a £0 value is drawn in a strip below the lowest decade,
/// at a "£0" tick of its own (costs cannot be negative: the clean stage rejects them).
struct ChartAxis {
    let metric: String
    /// The ends the axis draws (on a log axis, of its log range: the £0 strip is below `lower`).
    let lower: Double
    let upper: Double
    let ticks: [Double]
    /// The log scale, when the axis uses one.
    let log: LogAxis?
    /// On a log axis: whether a £0 strip sits below the lowest decade.
    let zeroStrip: Bool

    /// A log axis is drawn when max / min of the positive values exceeds this: more than
    /// two orders of magnitude.
    static let logSpan = 100.0
    /// The share of a log axis' length given to its £0 strip.
    static let zeroStripShare = 0.08

    /// `allowLog`: the chart can show this measure on a log scale (a scatter; not a bar
    /// chart, whose bar lengths must stay proportional to the values).
    init(metric: String, values: [Double], allowLog: Bool = false) {
        self.metric = metric
        let known = Metric(rawValue: metric)
        if allowLog, known?.isMoney == true, let scale = Self.logScale(values) {
            log = scale.axis
            zeroStrip = scale.zeroStrip
            lower = LogAxis.exp10(scale.axis.lower)
            upper = LogAxis.exp10(scale.axis.upper)
            ticks = (scale.zeroStrip ? [0] : []) + scale.axis.ticks
            return
        }
        log = nil
        zeroStrip = false
        let fromZero: Bool
        switch known {
        case .some(let known): fromZero = known.isMoney || known.isRate || known == .peopleSupported || known == .jobOutcomes
        case nil: fromZero = false
        }
        let dataLow = values.min() ?? 0
        var low = fromZero ? min(0, dataLow) : dataLow
        var high = values.max() ?? 1
        if high <= low {
            // One distinct value: a unit-wide axis around it (from 0 where the axis starts there).
            low = fromZero ? low : low - 0.5
            high = low + 1
        }
        let step = Self.niceStep((high - low) / 5)
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var index = 0.0
        while first + index * step <= last + step / 2, ticks.count < 12 {
            ticks.append(first + index * step)
            index += 1
        }
        self.lower = first
        self.upper = max(last, first + step)
        self.ticks = ticks
    }

    /// The log scale for `values`, if their positive values span more than `logSpan` and
    /// none is negative; with a £0 strip if one is 0.
    static func logScale(_ values: [Double]) -> (axis: LogAxis, zeroStrip: Bool)? {
        var smallest = Double.infinity, largest = 0.0, zero = false
        for value in values where value.isFinite {
            if value < 0 { return nil }
            if value == 0 { zero = true; continue }
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        guard smallest.isFinite, largest > smallest * logSpan else { return nil }
        return (LogAxis(values: [smallest, largest], money: true), zero)
    }

    /// The axis title: the measure with its unit, and "log scale" when it is one.
    var title: String {
        guard log != nil else { return Labels.axis(metric) }
        let label = Labels.axis(metric)
        if label.hasSuffix(")") { return String(label.dropLast()) + ", log scale)" }
        return label + " (log scale)"
    }

    /// 1, 2 or 5 × 10^k, the smallest not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        for multiple in [1.0, 2.0, 5.0] where multiple * magnitude >= raw { return multiple * magnitude }
        return 10 * magnitude
    }

    /// Position of `value` along a screen interval (`from` is where `lower` goes, or on a
    /// log axis with a £0 strip, where £0 goes). On a log axis a value beyond the ends lies
    /// beyond them, for a clip path to cut; a value ≤ 0 goes to `from`.
    func position(_ value: Double, from: Double, to: Double) -> Double {
        position(value, logarithm: nil, from: from, to: to)
    }

    /// The same, given `LogAxis.log10(value)` when the caller has it already (a chart plan
    /// works out each service's once for every chart; `nil`: worked out here).
    func position(_ value: Double, logarithm: Double?, from: Double, to: Double) -> Double {
        guard let log else { return from + (value - lower) / (upper - lower) * (to - from) }
        guard value > 0 else { return from }
        let start = zeroStrip ? from + Self.zeroStripShare * (to - from) : from
        return start + log.fraction(ofLogarithm: logarithm ?? LogAxis.log10(value)) * (to - start)
    }

    /// Tick label: £ for money, % for rates (one decimal when steps are below 1%).
    func label(_ value: Double) -> String {
        let known = Metric(rawValue: metric)
        if let log { return log.label(value) }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        if known?.isRate == true {
            return HumanNumbers.decimal(value * 100, decimals: step * 100 < 1 ? 1 : 0) + "%"
        }
        if known?.isMoney == true { return HumanNumbers.money(value) }
        return HumanNumbers.decimal(value, decimals: step < 1 ? (step < 0.1 ? 2 : 1) : 0)
    }
}
