/// A small symmetric positive definite system A·x = b solved in double-double by the
/// LDLᵀ (square-root-free Cholesky) factorisation, in a fixed order: the same bits on every
/// machine, and about 2⁻¹⁰⁰·cond(A) accurate — for the Poisson model's information
/// matrix XᵀWX (`PoissonRegression`), whose few parameters make the O(p³) cost nothing.
///
/// Columns are first scaled by powers of two (exact) so that every diagonal entry lies in
/// [1, 4): a pivot dₖ of the scaled matrix below `singularPivot` means the columns are
/// linearly dependent to within what double-double can tell (an exactly collinear design
/// leaves a pivot near 2⁻¹⁰⁰; a merely correlated one, cond(X) = 10⁸, leaves 10⁻¹⁶).
///
/// [Golub & Van Loan, Matrix Computations, 4th ed., §4.1.2 (LDLᵀ)]: https://doi.org/10.56021/9781421407944
struct SymmetricSystem {
    let size: Int
    /// Unit lower triangle L (row-major, below the diagonal) and the pivots D of the
    /// scaled matrix S·A·S.
    private var lower: [DoubleDouble]
    private var pivots: [DoubleDouble]
    /// S: the power of two each row and column was multiplied by.
    private let scales: [Double]

    /// The scaled pivot below which A counts as singular.
    static let singularPivot = 0x1p-70

    /// - Parameter matrix: A, row-major `size × size`; only the lower triangle is read.
    /// - Returns: `nil` if A is not positive definite to within `singularPivot` (a zero
    ///   or non-finite diagonal entry, or a pivot at or below it).
    init?(_ matrix: [DoubleDouble], size: Int) {
        guard size > 0, matrix.count == size * size else { return nil }
        var scales = [Double](repeating: 1, count: size)
        for k in 0..<size {
            let diagonal = matrix[k * size + k].hi
            guard diagonal > 0, diagonal.isFinite else { return nil }
            // 2^−⌊E/2⌋ for a diagonal entry m·2^E (m ∈ [1, 2)): the scaled entry is in [1, 4).
            let exponent = Int(diagonal.exponent)
            let half = exponent >= 0 ? exponent / 2 : -((1 - exponent) / 2)
            scales[k] = Double(sign: .plus, exponent: -half, significand: 1)
        }
        var a = matrix
        for i in 0..<size {
            for j in 0...i { a[i * size + j] = a[i * size + j].scaled(by: scales[i] * scales[j]) }
        }
        var lower = [DoubleDouble](repeating: .zero, count: size * size)
        var pivots = [DoubleDouble](repeating: .zero, count: size)
        for j in 0..<size {
            var d = a[j * size + j]
            for k in 0..<j { d = d - lower[j * size + k] * lower[j * size + k] * pivots[k] }
            guard d.hi > Self.singularPivot, d.hi.isFinite else { return nil }
            pivots[j] = d
            for i in (j + 1)..<size {
                var s = a[i * size + j]
                for k in 0..<j { s = s - lower[i * size + k] * lower[j * size + k] * pivots[k] }
                lower[i * size + j] = s / d
            }
        }
        self.size = size
        self.lower = lower
        self.pivots = pivots
        self.scales = scales
    }

    /// x with A·x = b.
    func solve(_ b: [DoubleDouble]) -> [DoubleDouble] {
        // (SAS)(S⁻¹x) = Sb: forward with L, divide by D, back with Lᵀ, then multiply by S.
        var y = (0..<size).map { b[$0].scaled(by: scales[$0]) }
        for i in 0..<size {
            for k in 0..<i { y[i] = y[i] - lower[i * size + k] * y[k] }
        }
        for i in 0..<size { y[i] = y[i] / pivots[i] }
        for i in stride(from: size - 1, through: 0, by: -1) {
            for k in (i + 1)..<size { y[i] = y[i] - lower[k * size + i] * y[k] }
        }
        return (0..<size).map { y[$0].scaled(by: scales[$0]) }
    }

    /// A⁻¹, row-major, column by column from `solve`.
    func inverse() -> [DoubleDouble] {
        var result = [DoubleDouble](repeating: .zero, count: size * size)
        for column in 0..<size {
            var unit = [DoubleDouble](repeating: .zero, count: size)
            unit[column] = DoubleDouble(1)
            for (row, value) in solve(unit).enumerated() { result[row * size + column] = value }
        }
        return result
    }
}
