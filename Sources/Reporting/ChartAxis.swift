import Tabular
import Foundation
import PipelineDefinition

/// A linear axis from a data range to "nice" ticks (1, 2 or 5 × 10^k apart). Money,
/// rates and counts start at 0 so that bar heights and distances are not misleading; the
/// Support Level Index (1 to 10 by construction) and unknown measures span their data.
struct ChartAxis {
    let metric: String
    let lower: Double
    let upper: Double
    let ticks: [Double]

    init(metric: String, values: [Double]) {
        self.metric = metric
        let fromZero: Bool
        switch Metric(rawValue: metric) {
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
