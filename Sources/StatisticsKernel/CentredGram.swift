/// Cross-products of centred columns over one set of rows, for Pearson's r on the values
/// and on their average ranks (Spearman's ρ), each from one BLAS `dsyrk`.
struct CentredGram {
    let n: Int
    /// `columnIndices.count²` row-major; `nil` when fewer than 3 rows.
    private let values: [Double]?
    private let ranks: [Double]?
    /// Whether each column varies over the rows (a constant one has no correlation).
    private let varies: [Bool]
    private let width: Int

    /// - Parameter ascendingOrders: when given, `ascendingOrders[k]` is column k's rows with
    ///   a finite value in ascending order, and ranks are read from it instead of sorting.
    init(columns: [[Double?]], columnIndices: [Int], rows: [Int], ascendingOrders: [[Int]]? = nil) {
        n = rows.count
        width = columnIndices.count
        let selected: [[Double]] = columnIndices.map { k in rows.map { columns[k][$0] ?? 0 } }
        varies = selected.map { column in
            guard let low = column.min(), let high = column.max() else { return false }
            return low < high
        }
        guard n >= 3 else {
            values = nil
            ranks = nil
            return
        }
        values = Self.gram(of: selected, rows: n)
        if let ascendingOrders {
            let rowCount = columns.map(\.count).max() ?? 0
            ranks = Self.gram(of: columnIndices.map { k in
                Ranking.averageRanks(of: columns[k], rows: rows, ascendingOrder: ascendingOrders[k], rowCount: rowCount)
            }, rows: n)
        } else {
            ranks = Self.gram(of: selected.map(Ranking.averageRanks), rows: n)
        }
    }

    /// Whether a single column has at least 3 finite values over `rows` and is not constant.
    static func isUsable(_ column: [Double?], rows: [Int]) -> Bool {
        let present = rows.compactMap { $0 < column.count ? column[$0] : nil }
        guard present.count >= 3, let low = present.min(), let high = present.max() else { return false }
        return low < high
    }

    /// The estimate for the pair at positions (a, b) of `columnIndices`.
    func estimate(_ a: Int, _ b: Int) -> CorrelationEstimate {
        let defined = n >= 3 && varies[a] && varies[b]
        let r = defined ? values.flatMap { correlation(in: $0, a, b) } : nil
        let rho = defined ? ranks.flatMap { correlation(in: $0, a, b) } : nil
        return CorrelationEstimate(n: n, pearsonR: r, spearmanRho: rho)
    }

    private func correlation(in gram: [Double], _ a: Int, _ b: Int) -> Double? {
        let denominator = (gram[a * width + a] * gram[b * width + b]).squareRoot()
        guard denominator > 0, denominator.isFinite else { return nil }
        let r = gram[a * width + b] / denominator
        guard r.isFinite else { return nil }
        return min(1, max(-1, r))
    }

    /// Xᵀ X for the columns centred on their accurate means and each scaled by a power
    /// of two (exact, and keeps the products away from overflow and underflow).
    private static func gram(of columns: [[Double]], rows: Int) -> [Double]? {
        let width = columns.count
        var matrix = [Double](repeating: 0, count: rows * width)
        for (k, column) in columns.enumerated() {
            guard let mean = Descriptive.mean(of: column) else { return nil }
            let centred = column.map { $0 - mean }
            guard let scale = ExactScaling.powerOfTwo(coveringMagnitudesOf: centred) else { return nil }
            for (i, value) in centred.enumerated() { matrix[i * width + k] = value / scale }
        }
        return BLAS.gram(matrix, rows: rows, columns: width)
    }
}
