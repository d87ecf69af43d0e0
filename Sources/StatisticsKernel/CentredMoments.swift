/// Means and centred cross-products Sₖₗ = Σᵢ (xᵢₖ − x̄ₖ)(xᵢₗ − x̄ₗ) of a few columns over
/// the same rows — the moments behind Pearson's r, Spearman's ρ and the trend lines —
/// computed with BLAS `dsyrk` so that every bit is the same on every BLAS kernel.
///
/// BLAS kernels (OpenBLAS picks one per CPU: Prescott, Nehalem, Sandybridge, Haswell,
/// Zen, SkylakeX, …) add up a dot product in different orders, blocks and with or without
/// FMA, so in floating point they return different last bits. A sum whose every partial
/// result is exactly representable has no rounding at all, and so has one value whatever
/// the order. This type feeds BLAS only such sums — the error-free splitting of Ozaki,
/// Ogita, Oishi and Rump:
///
/// 1. Each column is centred on its accurate mean m (`Descriptive.mean`) *exactly*: the
///    deviation xᵢ − m is kept as a double-double (TwoSum), then scaled by a power of two
///    so that the largest is in [1, 2) (exact).
/// 2. The deviations are cut into slices on fixed grids 2^(1−β), 2^(1−2β), …: slice j
///    holds integers times 2^(1−(j+1)β) of at most β bits, the part of the deviation
///    between those grids (rounding to a grid is exact with the 1.5·2⁵² trick).
///    β = ⌊(53 − ⌈log₂(n+1)⌉)/2⌋, so any product of two slice entries has ≤ 2β bits and
///    any sum of n of them fits in the 53-bit significand: `dsyrk` on the matrix
///    [1 | slices of column 1 | slices of column 2 | …] computes every entry *exactly*,
///    in whatever order the kernel likes (FMA or not, any blocking, any thread split).
///    The column of ones gives the exact Σ of each slice, too.
/// 3. The slice products are added in a fixed order in double-double, and
///    Sₖₗ = Σdₖdₗ − (Σdₖ)(Σdₗ)/n, x̄ₖ = m + Σdₖ/n — the exact identity for any centre m.
///
/// Slicing stops once a column is exhausted (ranks, small integers: 1–2 slices) or after
/// ⌈(72 + ⌈log₂(n+1)⌉)/β⌉ slices, which keeps ~72 bits of every deviation relative to the
/// largest, enough for r and slopes to land within an ulp or two of the exact statistic
/// of the binary64 data unless |r| < ~2⁻¹⁰. The rows go through BLAS in blocks (β = 1
/// accumulation of exact values is exact), so memory stays bounded at any n.
///
/// Cost: at n = 10⁶ a value pair has 6 slices a column (a 13-column `dsyrk`, ~85 flops a
/// row instead of 3) and a rank pair 2 (5 columns). Measured on the whole analyze stage
/// (`vfm-analyze`, release, 980,000 services, 9 pairs × 5 groups, a loaded 2-core
/// machine): 80.7 s CPU, against 94.4 s for the previous, kernel-dependent code (which
/// also formed the unused pairs of an 8-metric matrix); peak RSS unchanged at 4.3 GB.
///
/// [Ozaki, Ogita, Oishi & Rump 2012]: https://doi.org/10.1007/s11075-011-9478-1
/// [Demmel & Nguyen 2015, reproducible summation]: https://doi.org/10.1109/TC.2014.2345391
struct CentredMoments {
    let n: Int
    let width: Int
    /// x̄ₖ, within ~2⁻¹⁰⁰ relative of the exact mean.
    let means: [DoubleDouble]
    /// The power of two each column's deviations were divided by.
    private let scales: [Double]
    /// Sₖₗ / (scaleₖ · scaleₗ), row-major `width × width`.
    private let scaledProducts: [DoubleDouble]

    /// Rows per `dsyrk` call: bounds the working matrix to ~`blockRows × width × 8` bytes.
    private static let blockRows = 16_384

    /// - Parameter columns: equally long, non-empty columns of finite values.
    /// - Returns: `nil` if the columns are empty, unequal, hold a non-finite value, or so
    ///   many rows (≥ 2⁵⁰) that no slice width is exact.
    init?(columns: [[Double]]) {
        guard let n = columns.first?.count, n > 0, columns.allSatisfy({ $0.count == n }) else { return nil }
        let bits = Int.bitWidth - n.leadingZeroBitCount  // ⌈log₂(n + 1)⌉
        let beta = (53 - bits) / 2
        guard beta >= 1 else { return nil }
        let maxSlices = (72 + bits + beta - 1) / beta

        var centres: [Double] = []
        var scales: [Double] = []
        var slices: [[[Double]]] = []
        for column in columns {
            guard let centre = Descriptive.mean(of: column),
                  let sliced = Self.slices(of: column, centre: centre, beta: beta, maxSlices: maxSlices)
            else { return nil }
            centres.append(centre)
            scales.append(sliced.scale)
            slices.append(sliced.slices)
        }

        let flat = slices.flatMap { $0 }
        let matrixWidth = 1 + flat.count
        guard let gram = Self.exactGram(of: flat, rows: n, width: matrixWidth) else { return nil }
        func entry(_ a: Int, _ b: Int) -> Double { gram[min(a, b) * matrixWidth + max(a, b)] }

        // Matrix column of each slice: 0 is the ones column.
        var firstColumn: [Int] = []
        var next = 1
        for columnSlices in slices {
            firstColumn.append(next)
            next += columnSlices.count
        }
        let count = Double(n)
        let sums: [DoubleDouble] = slices.indices.map { k in
            DoubleDouble.sum((0..<slices[k].count).map { entry(0, firstColumn[k] + $0) })
        }
        var products = [DoubleDouble](repeating: .zero, count: columns.count * columns.count)
        for k in columns.indices {
            for l in k..<columns.count {
                var raw = DoubleDouble.zero
                for a in 0..<slices[k].count {
                    for b in 0..<slices[l].count { raw = raw + entry(firstColumn[k] + a, firstColumn[l] + b) }
                }
                let centred = raw - sums[k] * sums[l] / count
                products[k * columns.count + l] = centred
                products[l * columns.count + k] = centred
            }
        }
        self.n = n
        self.width = columns.count
        self.scales = scales
        self.scaledProducts = products
        self.means = columns.indices.map { k in (sums[k] / count).scaled(by: scales[k]) + centres[k] }
    }

    /// Sₖₗ (may overflow to ±∞ for columns near `Double.greatestFiniteMagnitude`).
    func crossProduct(_ k: Int, _ l: Int) -> DoubleDouble {
        scaledProducts[k * width + l].scaled(by: scales[k]).scaled(by: scales[l])
    }

    /// Sₖₗ / Sₖₖ, the slope of column l on column k; `nil` when column k is constant.
    func slope(of l: Int, on k: Int) -> DoubleDouble? {
        let sxx = scaledProducts[k * width + k]
        guard sxx.hi > 0 else { return nil }
        return (scaledProducts[k * width + l] / sxx).scaled(by: scales[l] / scales[k])
    }

    /// Pearson's r of columns k and l, rounded once from double-double, clamped to
    /// [−1, 1]; `nil` when either column is constant.
    func correlation(_ k: Int, _ l: Int) -> Double? {
        let skk = scaledProducts[k * width + k], sll = scaledProducts[l * width + l]
        guard skk.hi > 0, sll.hi > 0 else { return nil }
        let r = (scaledProducts[k * width + l] / (skk * sll).squareRoot()).value
        guard r.isFinite else { return nil }
        return min(1, max(-1, r))
    }

    /// The slices of `column − centre` (see the type's comment) and the power of two the
    /// deviations were divided by. No slices for a constant column.
    private static func slices(of column: [Double], centre: Double, beta: Int,
                               maxSlices: Int) -> (scale: Double, slices: [[Double]])? {
        guard let deviations = ScaledDeviations(of: column, from: centre) else { return nil }
        var hi = deviations.hi, lo = deviations.lo
        let scale = deviations.scale
        var result: [[Double]] = []
        var remaining = hi.contains { $0 != 0 }
        while remaining, result.count < maxSlices {
            // Adding and subtracting 1.5·2⁵²·grid rounds to a multiple of grid, exactly.
            let grid = Double(sign: .plus, exponent: 1 - (result.count + 1) * beta, significand: 1)
            let shifter = 1.5 * 0x1p52 * grid
            var slice = [Double](repeating: 0, count: column.count)
            remaining = false
            for i in hi.indices {
                let part = (hi[i] + shifter) - shifter
                slice[i] = part
                let rest = DoubleDouble.twoSum(hi[i] - part, lo[i])
                hi[i] = rest.hi
                lo[i] = rest.lo
                if rest.hi != 0 { remaining = true }
            }
            result.append(slice)
        }
        return (scale, result)
    }

    /// The upper triangle of [1 | columns]ᵀ [1 | columns], block by block through `dsyrk`.
    /// Every entry is an exact sum (see the type's comment).
    private static func exactGram(of columns: [[Double]], rows: Int, width: Int) -> [Double]? {
        var gram = [Double](repeating: 0, count: width * width)
        var block = [Double](repeating: 0, count: min(rows, blockRows) * width)
        var start = 0
        while start < rows {
            let count = min(blockRows, rows - start)
            for r in 0..<count {
                let base = r * width
                block[base] = 1
                for (c, column) in columns.enumerated() { block[base + 1 + c] = column[start + r] }
            }
            guard BLAS.accumulateGram(block, rows: count, columns: width, into: &gram) else { return nil }
            start += count
        }
        return gram
    }
}
