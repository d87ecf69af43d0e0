/// The Hidiroglou–Berthelot period-to-period edit (Hidiroglou & Berthelot, *Survey
/// Methodology* 12, 1986; as in Statistics Canada's Banff and R's univOutl `HBmethod`),
/// as SPEC §11 fixes it.
///
/// A plain ratio test flags every small unit and misses large ones; HB centres the ratios
/// on their median and weights each by the unit's size, so that a change matters more
/// the more it moves:
/// - r_i = v_to / v_from, r_M their median;
/// - s_i = 1 − r_M / r_i when r_i < r_M, else r_i / r_M − 1;
/// - E_i = s_i · max(v_from, v_to)^U;
/// - with E's type-7 quartiles Q1, M, Q3: d_Q1 = max(M − Q1, |A·M|),
///   d_Q3 = max(Q3 − M, |A·M|); where a spread is 0 the 10th (or 90th) percentile
///   stands in for the quartile (Hidiroglou & Emond 2018, univOutl's `pct`), and where it
///   is still 0 that side is not screened;
/// - bounds M − C·d_Q1 and M + C·d_Q3.
///
/// A value carried over unchanged (ratio exactly 1) is set aside before any median or
/// quartile: budgets rolled over say nothing about what a plausible change is.
public enum HidiroglouBerthelot {
    public struct Parameters: Sendable, Equatable {
        /// U, the size exponent (univOutl: 0.5).
        public var sizeExponent: Double
        /// A, the floor on each spread as a fraction of |E_M| (univOutl: 0.05).
        public var spreadFloor: Double
        /// C, the bounds' width in spreads (univOutl: 4).
        public var boundWidth: Double
        /// Fewer screened pairs than this: none is screened (SPEC §11: 5).
        public var minimumScreened: Int

        public init(sizeExponent: Double = 0.5, spreadFloor: Double = 0.05, boundWidth: Double = 4,
                    minimumScreened: Int = 5) {
            self.sizeExponent = sizeExponent
            self.spreadFloor = spreadFloor
            self.boundWidth = boundWidth
            self.minimumScreened = minimumScreened
        }
    }

    public enum Outcome: String, Sendable, Equatable {
        case within, below, above, unchanged
        /// A value missing or not positive, or too few pairs to screen.
        case notScreened = "not-screened"
    }

    /// One pair's result. `effect` and the bounds are `nil` where not computed (a side
    /// with no spread has no bound).
    public struct Edit: Sendable, Equatable {
        public var ratio: Double?
        public var effect: Double?
        public var effectLow: Double?
        public var effectHigh: Double?
        public var outcome: Outcome
        /// The bound crossed, as a ratio at this pair's size (SPEC §11): r_M · (1 + E_high
        /// / size^U) above, r_M / (1 − E_low / size^U) below; `nil` when within.
        public var ratioBound: Double?
    }

    /// The edit of every pair (`from`, `to`), in the order given. A value `nil` or ≤ 0 is
    /// not screened; equal values are `unchanged`.
    public static func edits(_ pairs: [(from: Double?, to: Double?)], parameters: Parameters = Parameters()) -> [Edit] {
        var edits = [Edit](repeating: Edit(ratio: nil, effect: nil, effectLow: nil, effectHigh: nil,
                                           outcome: .notScreened, ratioBound: nil), count: pairs.count)
        var screened: [Int] = []
        for (index, pair) in pairs.enumerated() {
            guard let from = pair.from, let to = pair.to, from > 0, to > 0, from.isFinite, to.isFinite else { continue }
            edits[index].ratio = to / from
            if from == to { edits[index].outcome = .unchanged } else { screened.append(index) }
        }
        guard screened.count >= parameters.minimumScreened else { return edits }
        let ratios = screened.map { edits[$0].ratio ?? 1 }
        guard let medianRatio = OrderStatistics.median(ratios) else { return edits }
        let sizes = screened.map { index -> Double in
            let pair = pairs[index]
            return power(max(pair.from ?? 0, pair.to ?? 0), parameters.sizeExponent)
        }
        let effects = zip(ratios, sizes).map { ratio, size in
            (ratio < medianRatio ? 1 - medianRatio / ratio : ratio / medianRatio - 1) * size
        }
        guard let sorted = OrderStatistics.sortedFinite(effects) else { return edits }
        func quantile(_ p: Double) -> Double { OrderStatistics.sortedQuantile(sorted, probability: p) }
        let middle = quantile(0.5), floor = abs(parameters.spreadFloor * middle)
        func spread(_ quartile: Double, _ percentile: Double) -> Double? {
            let primary = max(abs(middle - quartile), floor)
            if primary > 0 { return primary }
            let fallback = max(abs(middle - percentile), floor)
            return fallback > 0 ? fallback : nil
        }
        let low = spread(quantile(0.25), quantile(0.10)).map { middle - parameters.boundWidth * $0 }
        let high = spread(quantile(0.75), quantile(0.90)).map { middle + parameters.boundWidth * $0 }
        for (position, index) in screened.enumerated() {
            let effect = effects[position], size = sizes[position]
            edits[index].effect = effect
            edits[index].effectLow = low
            edits[index].effectHigh = high
            if let low, effect < low {
                edits[index].outcome = .below
                edits[index].ratioBound = medianRatio / (1 - low / size)
            } else if let high, effect > high {
                edits[index].outcome = .above
                edits[index].ratioBound = medianRatio * (1 + high / size)
            } else {
                edits[index].outcome = .within
            }
        }
        return edits
    }

    /// size^U with the same bits on every CPU: √ (correctly rounded) for univOutl's U = ½,
    /// exact for 0 and 1, else through `Elementary` (glibc's pow differs per CPU).
    static func power(_ size: Double, _ exponent: Double) -> Double {
        switch exponent {
        case 0: return 1
        case 0.5: return size.squareRoot()
        case 1: return size
        default: return Elementary.exp(exponent * Elementary.log(size))
        }
    }
}
