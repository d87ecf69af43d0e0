/// Ordinary least squares through LAPACK (SPEC §6: trend lines for charts).
public enum LeastSquares {
    /// The least-squares line through the points (xᵢ, yᵢ).
    ///
    /// Solves min ‖[1  x − x̄] (α, β)ᵀ − y‖₂ with `LAPACKE_dgels` (Householder QR), then
    /// intercept = α − β x̄, slope = β. Centring x first keeps the two columns nearly
    /// orthogonal, so costs of £10,000 next to outcome rates of 0.2 lose no digits.
    ///
    /// - Returns: `nil` when the line is undefined: fewer than 2 points, `x` and `y`
    ///   of different lengths, a NaN or infinite value, `x` constant, or `dgels`
    ///   reporting a rank-deficient matrix (`info > 0`, an exactly zero diagonal of R),
    ///   or a non-finite result.
    public static func line(x: [Double], y: [Double]) -> TrendLine? {
        let n = x.count
        guard n >= 2, y.count == n,
              x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
              let low = x.min(), let high = x.max(), low < high,
              let xMean = Descriptive.mean(of: x)
        else { return nil }
        var design = [Double](repeating: 1, count: 2 * n)
        for i in 0..<n { design[2 * i + 1] = x[i] - xMean }
        guard case .success(let coefficients) = LAPACK.leastSquares(design, rows: n, columns: 2, rightHandSide: y),
              coefficients.count == 2
        else { return nil }
        let slope = coefficients[1]
        let intercept = coefficients[0] - slope * xMean
        guard slope.isFinite, intercept.isFinite else { return nil }
        return TrendLine(n: n, intercept: intercept, slope: slope)
    }
}
