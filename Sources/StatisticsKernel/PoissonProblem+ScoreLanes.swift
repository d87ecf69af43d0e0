/// The sums of `PoissonProblem.scoreAndInformation`, four to a `DoubleDoubleLanes<SIMD4>`:
/// the score's p sums Σ (yᵢ − μᵢ)·xᵢₖ, then the information's lower triangle Σ (μᵢ·xᵢₖ)·xᵢₗ
/// (l ≤ k) row by row. Each lane does exactly the scalar sum's operations on its own
/// operands — a `DoubleDouble` times a double, then added — so it ends with the scalar
/// sum's bits; lanes past the last sum multiply zeros and are never read.
struct ScoreLanes {
    typealias Lanes = DoubleDoubleLanes<SIMD4<Double>>

    let p: Int
    /// The column k of each score lane, and k and l of each information lane; `p` (a zero
    /// in the row's values) past the last sum.
    private let scoreColumns: [Int], informationColumns: [(k: Int, l: Int)]
    private var score: [Lanes], information: [Lanes]
    /// The row's values xᵢ₀ … xᵢ₍ₚ₋₁₎ and a zero, gathered once per row.
    private var row: [Double]

    init(parameters p: Int) {
        self.p = p
        var pairs: [(k: Int, l: Int)] = []
        for k in 0..<p { for l in 0...k { pairs.append((k, l)) } }
        func padded<T>(_ values: [T], with filler: T) -> [T] { values + Array(repeating: filler, count: (4 - values.count % 4) % 4) }
        scoreColumns = padded(Array(0..<p), with: p)
        informationColumns = padded(pairs, with: (p, p))
        score = Array(repeating: Lanes(.zero), count: scoreColumns.count / 4)
        information = Array(repeating: Lanes(.zero), count: informationColumns.count / 4)
        row = Array(repeating: 0, count: p + 1)
    }

    /// Adds row `i`'s products, μᵢ its mean and `count` its yᵢ; X column-major, n rows.
    @inline(__always)
    mutating func add(row i: Int, mu: DoubleDouble, count: Double, design: [Double], n: Int) {
        for k in 0..<p { row[k] = design[k * n + i] }
        let residual = Lanes(repeating: DoubleDouble(count) - mu), mean = Lanes(repeating: mu)
        for vector in score.indices {
            let c = vector * 4
            let x = SIMD4(row[scoreColumns[c]], row[scoreColumns[c + 1]], row[scoreColumns[c + 2]], row[scoreColumns[c + 3]])
            score[vector] = score[vector] + residual * x
        }
        for vector in information.indices {
            let c = vector * 4
            let (a, b, d, e) = (informationColumns[c], informationColumns[c + 1], informationColumns[c + 2],
                                informationColumns[c + 3])
            let xk = SIMD4(row[a.k], row[b.k], row[d.k], row[e.k]), xl = SIMD4(row[a.l], row[b.l], row[d.l], row[e.l])
            information[vector] = information[vector] + (mean * xk) * xl
        }
    }

    /// The score (p long) and the information (p × p, lower triangle filled, row-major).
    func totals() -> (score: [DoubleDouble], information: [DoubleDouble]) {
        var scores = [DoubleDouble](repeating: .zero, count: p)
        for k in 0..<p { scores[k] = score[k / 4][lane: k % 4] }
        var matrix = [DoubleDouble](repeating: .zero, count: p * p)
        for (index, pair) in informationColumns.enumerated() where pair.k < p {
            matrix[pair.k * p + pair.l] = information[index / 4][lane: index % 4]
        }
        return (scores, matrix)
    }
}
