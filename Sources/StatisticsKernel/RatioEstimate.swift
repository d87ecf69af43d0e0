/// The ratio of two totals, R = Σyᵢ / Σxᵢ, with the standard error of its first-order
/// (linearised) approximation — the classical ratio estimator.
///
/// With n pairs (xᵢ, yᵢ), X = Σxᵢ, Y = Σyᵢ and R = Y / X:
///
///     dᵢ = yᵢ − R·xᵢ,   s² = Σdᵢ² / (n − 1),   SE(R) = √(s² / n) / (X / n)
///
/// (Cochran, *Sampling Techniques*, 3rd ed., 1977, §6.3, eq. 6.9 without the
/// finite-population correction). In the value-for-money analysis (SPEC §6.1) x is a
/// service's total cost, y its job outcomes, and R the job outcomes a pound buys.
///
/// The totals and Σdᵢ² are summed in double-double (exact products, `DoubleDouble`), and each dᵢ is formed with one
/// rounding (a fused multiply-add), so the figures agree with an exact rational
/// evaluation to a few ulps for realistic returns.
public struct RatioEstimate: Sendable, Equatable {
    /// Number of pairs.
    public var n: Int
    /// X = Σxᵢ.
    public var totalX: Double
    /// Y = Σyᵢ.
    public var totalY: Double
    /// R = Y / X; `nil` when X ≤ 0 (no ratio of a non-positive total).
    public var ratio: Double?
    /// SE(R); `nil` when n < 2 or X ≤ 0.
    public var standardError: Double?

    public init(n: Int, totalX: Double, totalY: Double, ratio: Double?, standardError: Double?) {
        self.n = n
        self.totalX = totalX
        self.totalY = totalY
        self.ratio = ratio
        self.standardError = standardError
    }

    /// Estimates R and SE(R) from paired samples.
    ///
    /// - Returns: `nil` when the arrays are empty, differ in length, or hold a NaN or
    ///   infinity (or their totals overflow).
    ///
    /// [Cochran 1977]: https://www.wiley.com/en-us/Sampling+Techniques%2C+3rd+Edition-p-9780471162407
    public static func of(x: [Double], y: [Double]) -> RatioEstimate? {
        guard !x.isEmpty, x.count == y.count, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { return nil }
        let totalX = DoubleDouble.sum(x).value, totalY = DoubleDouble.sum(y).value
        guard totalX.isFinite, totalY.isFinite else { return nil }
        guard totalX > 0 else {
            return RatioEstimate(n: x.count, totalX: totalX, totalY: totalY, ratio: nil, standardError: nil)
        }
        let ratio = totalY / totalX
        return RatioEstimate(n: x.count, totalX: totalX, totalY: totalY, ratio: ratio,
                             standardError: standardError(x: x, y: y, ratio: ratio, totalX: totalX))
    }

    /// √(Σdᵢ² / (n − 1) / n) / (X / n), with the dᵢ scaled by a power of two (exactly) so
    /// that their squares neither overflow nor underflow.
    private static func standardError(x: [Double], y: [Double], ratio: Double, totalX: Double) -> Double? {
        guard x.count >= 2 else { return nil }
        let residuals = zip(x, y).map { $1.addingProduct(-ratio, $0) }  // yᵢ − R·xᵢ, one rounding
        guard let scale = ExactScaling.powerOfTwo(coveringMagnitudesOf: residuals) else { return nil }
        var squares = DoubleDouble.zero
        for d in residuals {
            let scaled = d / scale
            squares = squares + DoubleDouble.twoProduct(scaled, scaled)
        }
        let n = Double(x.count)
        let variance = squares.value / (n - 1)
        let se = (variance / n).squareRoot() * scale / (totalX / n)
        return se.isFinite ? se : nil
    }
}
