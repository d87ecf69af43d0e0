import Foundation
import StatisticsKernel
import PipelineDefinition

/// Outlier screening of one metric's values (SPEC §5), as pure functions of the sample.
///
/// Conventions (tested against numpy/scipy in `Fixtures/cleaning/`):
/// - **modified z** (Iglewicz & Hoaglin 1993): Mᵢ = 0.6745 (xᵢ − x̃) / MAD with the raw
///   MAD = median |xᵢ − x̃| (`OrderStatistics.medianAbsoluteDeviation`); outlier when
///   |Mᵢ| > threshold. When MAD = 0 (more than half the values equal) M is undefined:
///   nothing is flagged and the screen reports why — dividing by zero would call every
///   value that differs from the majority an infinitely extreme outlier.
/// - **Tukey fences**: Q1, Q3 by Hyndman–Fan type 7 (numpy `linear`, R default); outlier
///   when xᵢ < Q1 − k·IQR or xᵢ > Q3 + k·IQR. No division is involved, so IQR = 0 is
///   applied as defined: every value outside [Q1, Q3] is flagged.
/// - **classic z**: zᵢ = (xᵢ − mean) / s with the sample SD (n − 1); outlier when
///   |zᵢ| > threshold. With n < 2 or s = 0 nothing can be flagged and the screen says so.
///   (With n values |z| cannot exceed (n − 1)/√n, so z > 3 needs n ≥ 11.)
/// - **log scale**: the screen runs on ln(x); values ≤ 0 have no logarithm and are not
///   screened (a zero cost is not an outlier of a right-skewed distribution, and zero
///   people supported / job outcomes are flagged by their own rules). Limits are
///   reported back on the original scale, exp(limit).
public enum OutlierScreen {
    /// A value outside the limits.
    public struct Finding: Sendable, Equatable {
        /// Position in the input array.
        public var index: Int
        /// Modified z or z score; `nil` for Tukey fences.
        public var score: Double?
        /// The limit crossed, on the screened scale (log scale: ln of the limit).
        public var limit: Double
        public var isAbove: Bool
    }

    public struct Screening: Sendable, Equatable {
        public var findings: [Finding]
        /// Why nothing could be screened (MAD = 0, SD = 0, too few values), if so.
        public var skippedBecause: String?
        /// How many values were screened (after dropping values ≤ 0 on the log scale).
        public var screened: Int
    }

    /// Screens `values` (nil = missing, not screened). Indices in the result refer to `values`.
    public static func screen(_ values: [Double?], method: OutlierMethod, threshold: Double, logScale: Bool) -> Screening {
        screen(count: values.count, value: { values[$0] }, method: method, threshold: threshold, logScale: logScale)
    }

    /// `screen(_:…)` of `(0..<count).map(value)`, without that array (issue 12: the clean
    /// stage screens several metrics of a million services, two at a time).
    static func screen(count: Int, value: (Int) -> Double?, method: OutlierMethod, threshold: Double,
                       logScale: Bool) -> Screening {
        var indices: [Int] = []
        var sample: [Double] = []
        for index in 0..<count {
            guard let value = value(index), value.isFinite, !logScale || value > 0 else { continue }
            sample.append(value)
            indices.append(index)
        }
        // The project's log, not libm's (whose last bits differ by CPU), in bulk (`Elementary.logs`).
        if logScale { sample = Elementary.logs(sample) }
        guard !sample.isEmpty else { return Screening(findings: [], skippedBecause: "no values", screened: 0) }
        let local: (findings: [Finding], skipped: String?)
        switch method {
        case .modifiedZScore: local = modifiedZ(sample, threshold: threshold)
        case .tukeyFences: local = tukey(sample, k: threshold)
        case .zScore: local = classicZ(sample, threshold: threshold)
        }
        let findings = local.findings.map { Finding(index: indices[$0.index], score: $0.score, limit: $0.limit, isAbove: $0.isAbove) }
        return Screening(findings: findings, skippedBecause: local.skipped, screened: sample.count)
    }

    static func modifiedZ(_ x: [Double], threshold: Double) -> ([Finding], String?) {
        guard let (median, deviation) = OrderStatistics.medianAndMAD(x), let mad = deviation else {
            return ([], "no values")
        }
        guard mad > 0 else { return ([], "MAD = 0 (more than half the values are equal)") }
        let reach = threshold * mad / 0.6745
        var findings: [Finding] = []
        for (index, value) in x.enumerated() {
            let score = 0.6745 * (value - median) / mad
            if abs(score) > threshold {
                findings.append(Finding(index: index, score: score, limit: score > 0 ? median + reach : median - reach,
                                        isAbove: score > 0))
            }
        }
        return (findings, nil)
    }

    static func tukey(_ x: [Double], k: Double) -> ([Finding], String?) {
        guard let q1 = OrderStatistics.quantile(x, probability: 0.25),
              let q3 = OrderStatistics.quantile(x, probability: 0.75) else { return ([], "no values") }
        let iqr = q3 - q1
        let low = q1 - k * iqr, high = q3 + k * iqr
        var findings: [Finding] = []
        for (index, value) in x.enumerated() {
            if value > high {
                findings.append(Finding(index: index, score: nil, limit: high, isAbove: true))
            } else if value < low {
                findings.append(Finding(index: index, score: nil, limit: low, isAbove: false))
            }
        }
        return (findings, nil)
    }

    static func classicZ(_ x: [Double], threshold: Double) -> ([Finding], String?) {
        // The same accurate mean and sample SD the analysis reports (StatisticsKernel.Descriptive).
        guard let summary = Descriptive.summarize(x), let sd = summary.standardDeviation else {
            return ([], "fewer than 2 values")
        }
        guard sd > 0, sd.isFinite else { return ([], "SD = 0 (all values are equal)") }
        let mean = summary.mean
        var findings: [Finding] = []
        for (index, value) in x.enumerated() {
            let score = (value - mean) / sd
            if abs(score) > threshold {
                let reach = threshold * sd
                findings.append(Finding(index: index, score: score, limit: score > 0 ? mean + reach : mean - reach,
                                        isAbove: score > 0))
            }
        }
        return (findings, nil)
    }
}
