import Foundation
import PipelineDefinition

/// A linear axis from a data range to "nice" ticks (1, 2 or 5 × 10^k apart), starting
/// at 0 for the non-negative measures of the study so that charts are not misleading.
struct ChartAxis {
    let metric: String
    let lower: Double
    let upper: Double
    let ticks: [Double]

    init(metric: String, values: [Double]) {
        self.metric = metric
        let low = min(0, values.min() ?? 0)
        var high = values.max() ?? 1
        if high <= low { high = low + 1 }
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

    /// 1, 2 or 5 × 10^k, the smallest not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        for multiple in [1.0, 2.0, 5.0] where multiple * magnitude >= raw { return multiple * magnitude }
        return 10 * magnitude
    }

    /// Position of `value` along a screen interval (`from` is where `lower` goes).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - lower) / (upper - lower) * (to - from)
    }

    /// Tick label: £ for money, % for rates (one decimal when steps are below 1%).
    func label(_ value: Double) -> String {
        let known = Metric(rawValue: metric)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        if known?.isRate == true {
            return HumanNumbers.decimal(value * 100, decimals: step * 100 < 1 ? 1 : 0) + "%"
        }
        if known?.isMoney == true { return HumanNumbers.money(value) }
        return HumanNumbers.decimal(value, decimals: step < 1 ? (step < 0.1 ? 2 : 1) : 0)
    }
}
