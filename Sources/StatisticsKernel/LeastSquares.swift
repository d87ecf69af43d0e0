/// Ordinary least-squares trend lines (SPEC §6: trend lines for charts).
public enum LeastSquares {
    /// The least-squares line through the points (xᵢ, yᵢ):
    /// slope = Sxy / Sxx, intercept = ȳ − slope · x̄.
    ///
    /// The moments come from `CentredMoments` (BLAS `dsyrk` on error-free slices of the
    /// exactly centred columns) and the two coefficients are formed in double-double and
    /// rounded once, so the line is the same bits on every BLAS kernel and within an ulp
    /// or two of the exact least-squares line of the binary64 data. LAPACK's `dgels`
    /// (Householder QR) was used here before; its result depends on the kernel in the
    /// last bits (`dnrm2`, `dlarfg` and the blocked updates are kernel code), and the
    /// normal equations of one regressor carry no conditioning risk once the moments
    /// are exact — the centred Sxx is the QR's R₂₂² — so the moments decide the line.
    /// `LAPACK.leastSquares` stays as the independent check the tests compare against.
    ///
    /// - Returns: `nil` when the line is undefined: fewer than 2 points, `x` and `y`
    ///   of different lengths, a NaN or infinite value, `x` constant, or a non-finite
    ///   result.
    public static func line(x: [Double], y: [Double]) -> TrendLine? {
        let n = x.count
        guard n >= 2, y.count == n,
              x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
              let low = x.min(), let high = x.max(), low < high,
              let moments = CentredMoments(columns: [x, y])
        else { return nil }
        return line(from: moments, n: n)
    }

    /// The line from the moments of columns [x, y] (x not constant) over n points.
    static func line(from moments: CentredMoments, n: Int) -> TrendLine? {
        guard let slope = moments.slope(of: 1, on: 0) else { return nil }
        let intercept = (moments.means[1] - slope * moments.means[0]).value
        let rounded = slope.value
        guard rounded.isFinite, intercept.isFinite else { return nil }
        return TrendLine(n: n, intercept: intercept, slope: rounded)
    }
}
