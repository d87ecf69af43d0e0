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
/// accumulation of exact values is exact), and each block's slices are cut as it is
/// filled, so memory stays bounded at any n.
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
        var sliceCounts: [Int] = []
        // A pair's two means at once (`Descriptive.means`, the same bits as one at a time).
        let pairMeans = columns.count == 2 ? Descriptive.means(of: columns[0], columns[1]) : nil
        for (k, column) in columns.enumerated() {
            guard let centre = pairMeans.map({ k == 0 ? $0.0 : $0.1 }) ?? Descriptive.mean(of: column),
                  let plan = Self.slicePlan(of: column, centre: centre, beta: beta, maxSlices: maxSlices)
            else { return nil }
            centres.append(centre)
            scales.append(plan.scale)
            sliceCounts.append(plan.count)
        }

        // Matrix column of each column's first slice: 0 is the ones column.
        var firstColumn: [Int] = []
        var next = 1
        for count in sliceCounts {
            firstColumn.append(next)
            next += count
        }
        let matrixWidth = next
        guard let gram = Self.exactGram(of: columns, centres: centres, scales: scales, sliceCounts: sliceCounts,
                                        beta: beta, rows: n, width: matrixWidth) else { return nil }
        func entry(_ a: Int, _ b: Int) -> Double { gram[min(a, b) * matrixWidth + max(a, b)] }

        let count = Double(n)
        let sums: [DoubleDouble] = sliceCounts.indices.map { k in
            DoubleDouble.sum((0..<sliceCounts[k]).map { entry(0, firstColumn[k] + $0) })
        }
        var products = [DoubleDouble](repeating: .zero, count: columns.count * columns.count)
        for k in columns.indices {
            for l in k..<columns.count {
                var raw = DoubleDouble.zero
                for a in 0..<sliceCounts[k] {
                    for b in 0..<sliceCounts[l] { raw = raw + entry(firstColumn[k] + a, firstColumn[l] + b) }
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

    /// The power of two `column − centre`'s deviations are divided by, and how many slices
    /// they need (see the type's comment): none for a constant column, else the fewest j
    /// (at most `maxSlices`) for which every deviation is a multiple of the j-th grid
    /// 2^(1−jβ) — the slicing below leaves a zero rest after slice j exactly then, since
    /// each slice takes the nearest multiple of its grid and leaves a rest of at most half
    /// of it. A deviation hi + lo (TwoSum, |lo| ≤ ulp(hi)/2) is a multiple of 2^e exactly
    /// when its lowest set bit (lo's, or hi's when lo = 0) is at 2^e or above.
    ///
    /// Worked out in two passes over the column (the second usually stops early) without storing the deviations (issue 12:
    /// at a million rows, six slices of two columns were 100 MB for each pair in flight).
    static func slicePlan(of column: [Double], centre: Double, beta: Int,
                                  maxSlices: Int) -> (scale: Double, count: Int)? {
        // fl(x − centre) is monotonic in x, so the largest |fl(x − centre)| is at the
        // column's least or greatest value: one min/max pass, no TwoSum per value.
        guard var least = column.first else { return (1, 0) }
        var greatest = least
        for x in column {
            least = min(least, x)
            greatest = max(greatest, x)
        }
        let largest = max(abs(least - centre), abs(greatest - centre))
        // As `ScaledDeviations`: 2^e with the largest |hi| / 2^e in [1, 2); 1 when all are 0.
        guard largest.isFinite else { return nil }
        let scale = largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
        // The slices a deviation needs are the fewest j ≥ 1 with 1 − jβ ≤ its lowest bit
        // (|hi| < 2, so that bit is ≤ 0): a count that only grows as the bit goes down. So
        // the loop keeps the lowest bit of all and divides by β once, after it — an integer
        // division per value was a quarter of this function at 10⁶ services (issue 30) —
        // and stops where a bit reaches `maxSlices`' grid, 1 − (maxSlices − 1)β − β + 1.
        var lowestOfAll = Int.max
        let enough = beta - maxSlices * beta + 1
        // × the exact reciprocal is ÷ scale, without a division.
        let reciprocal = ExactScaling.exactReciprocal(of: scale)
        for x in column {
            let deviation = DoubleDouble.twoSum(x, -centre)
            let hi = reciprocal.map { deviation.hi * $0 } ?? deviation.hi / scale
            guard hi != 0 else { continue }
            let lo = reciprocal.map { deviation.lo * $0 } ?? deviation.lo / scale
            let lowest = lo != 0 ? lo : hi
            lowestOfAll = min(lowestOfAll, Int(lowest.exponent) - lowest.significandWidth)
            if lowestOfAll < enough { return (scale, maxSlices) }
        }
        guard lowestOfAll != Int.max else { return (scale, 0) }
        return (scale, min(maxSlices, max(1, (1 - lowestOfAll + beta - 1) / beta)))
    }

    /// The upper triangle of [1 | slices of column 1 | slices of column 2 | …]ᵀ times
    /// itself, block by block through `dsyrk` (each block held column by column, so that a
    /// slice is written in sequence); each block's slices are cut from the
    /// deviations as it is filled, so memory stays at one block at any n. Slice j of a
    /// deviation is its rest rounded to a multiple of 2^(1−jβ) — adding and subtracting
    /// 1.5·2⁵²·grid does that exactly — and the rest goes on, exactly, as a TwoSum pair.
    /// Every entry is an exact sum (see the type's comment).
    private static func exactGram(of columns: [[Double]], centres: [Double], scales: [Double], sliceCounts: [Int],
                                  beta: Int, rows: Int, width: Int) -> [Double]? {
        let mostSlices = sliceCounts.max() ?? 0
        let grids = (0..<mostSlices).map { Double(sign: .plus, exponent: 1 - ($0 + 1) * beta, significand: 1) }
        let shifters = grids.map { 1.5 * 0x1p52 * $0 }
        var gram = [Double](repeating: 0, count: width * width)
        let blockCount = min(rows, blockRows)
        var block = [Double](repeating: 0, count: blockCount * width)
        // The rests still to slice, a block's worth: slice j of every row is cut before
        // slice j + 1 of any, so the rows' chains of dependent operations overlap instead
        // of running one after another (the same operations on each value, in the same order).
        var restHi = [Double](repeating: 0, count: blockCount), restLo = restHi
        var start = 0
        while start < rows {
            let count = min(blockRows, rows - start)
            block.withUnsafeMutableBufferPointer { block in
                restHi.withUnsafeMutableBufferPointer { restHi in
                    restLo.withUnsafeMutableBufferPointer { restLo in
                        // Column by column (column c of the block at `c * blockCount`).
                        for r in 0..<count { block[r] = 1 }
                        var first = 1
                        for (k, column) in columns.enumerated() where sliceCounts[k] > 0 {
                            let centre = centres[k], scale = scales[k]
                            let reciprocal = ExactScaling.exactReciprocal(of: scale)
                            column.withUnsafeBufferPointer { column in
                                for r in 0..<count {
                                    let deviation = DoubleDouble.twoSum(column[start + r], -centre)
                                    // × the exact reciprocal is ÷ scale, without a division.
                                    if let reciprocal {
                                        restHi[r] = deviation.hi * reciprocal
                                        restLo[r] = deviation.lo * reciprocal
                                    } else {
                                        restHi[r] = deviation.hi / scale
                                        restLo[r] = deviation.lo / scale
                                    }
                                }
                            }
                            for j in 0..<sliceCounts[k] {
                                let shifter = shifters[j], column = (first + j) * blockCount
                                for r in 0..<count {
                                    let hi = restHi[r]
                                    let part = (hi + shifter) - shifter
                                    block[column + r] = part
                                    let rest = DoubleDouble.twoSum(hi - part, restLo[r])
                                    restHi[r] = rest.hi
                                    restLo[r] = rest.lo
                                }
                            }
                            first += sliceCounts[k]
                        }
                    }
                }
            }
            guard BLAS.accumulateGram(columnMajor: block, rows: count, columns: width, stride: blockCount, into: &gram)
            else { return nil }
            start += count
        }
        return gram
    }
}
