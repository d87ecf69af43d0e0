/// A least-squares line y = intercept + slope · x, drawn on the study-style scatter charts.
package struct TrendLine: Sendable, Equatable {
    /// Points used (both coordinates present).
    package var n: Int
    package var intercept: Double
    package var slope: Double

    package init(n: Int, intercept: Double, slope: Double) {
        self.n = n
        self.intercept = intercept
        self.slope = slope
    }
}
