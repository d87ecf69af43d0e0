/// A least-squares line y = intercept + slope · x, drawn on the study-style scatter charts.
public struct TrendLine: Sendable, Equatable {
    /// Points used (both coordinates present).
    public var n: Int
    public var intercept: Double
    public var slope: Double

    public init(n: Int, intercept: Double, slope: Double) {
        self.n = n
        self.intercept = intercept
        self.slope = slope
    }
}
