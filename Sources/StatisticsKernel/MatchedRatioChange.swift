/// The change of a pooled ratio q = J / S between two periods over the same (matched)
/// services, with its paired linearised standard error (SPEC §11, after Cochran 1977,
/// §6.3, applied to the difference of two ratio estimators on one panel):
///
/// u_i = (j_to,i − q_to·c_to,i) / (S_to / n) − (j_from,i − q_from·c_from,i) / (S_from / n),
/// SE = √(Σ u_i² / ((n − 1)·n)).
///
/// Pairing matters: a service's two years move together, so the SE of the difference is
/// much smaller than the two periods' SEs combined.
public struct MatchedRatioChange: Sendable, Equatable {
    public var n: Int
    public var ratioFrom: Double
    public var ratioTo: Double
    /// q_to − q_from.
    public var change: Double
    public var standardError: Double

    /// `nil` unless n ≥ 2 and both S > 0. `from` and `to` hold (cost, outcomes) per
    /// matched service, aligned.
    public static func of(from: [(cost: Double, outcomes: Double)],
                          to: [(cost: Double, outcomes: Double)]) -> MatchedRatioChange? {
        guard from.count == to.count, from.count >= 2,
              let before = RatioEstimate.of(x: from.map(\.cost), y: from.map(\.outcomes)),
              let after = RatioEstimate.of(x: to.map(\.cost), y: to.map(\.outcomes)),
              let qFrom = before.ratio, let qTo = after.ratio, before.totalX > 0, after.totalX > 0 else { return nil }
        let n = Double(from.count)
        let meanFrom = before.totalX / n, meanTo = after.totalX / n
        var squares = DoubleDouble.zero  // Σu², each square and the running sum without rounding error
        for (earlier, later) in zip(from, to) {
            let u = (later.outcomes - qTo * later.cost) / meanTo - (earlier.outcomes - qFrom * earlier.cost) / meanFrom
            squares = squares + DoubleDouble.twoProduct(u, u)
        }
        return MatchedRatioChange(n: from.count, ratioFrom: qFrom, ratioTo: qTo, change: qTo - qFrom,
                                  standardError: (squares.value / ((n - 1) * n)).squareRoot())
    }
}
