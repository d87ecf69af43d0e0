import Testing
@testable import StatisticsKernel

/// `LAPACK.unscaledSteps` (dgels' own routines called one by one) against `LAPACKE_dgels`:
/// the same solution and the same factor, bit for bit, or the same failure.
@Suite("dgels step by step gives LAPACKE_dgels' bits")
struct QRStepsTests {
    /// Both ways on copies of the same problem: (result, factor, right-hand side after).
    private func bothWays(_ a: [Double], rows: Int, columns: Int, _ y: [Double])
        -> (steps: (Result<[Double], LAPACK.LeastSquaresFailure>, [Double], [Double]),
            lapacke: (Result<[Double], LAPACK.LeastSquaresFailure>, [Double], [Double])) {
        var a1 = a, y1 = y, a2 = a, y2 = y
        let r1 = LAPACK.leastSquares(columnMajor: &a1, rows: rows, columns: columns, rightHandSide: &y1)
        let r2 = LAPACK.leastSquares(columnMajor: &a2, rows: rows, columns: columns, rightHandSide: &y2, viaSteps: false)
        return ((r1, a1, y1), (r2, a2, y2))
    }

    private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    private func bits(_ result: Result<[Double], LAPACK.LeastSquaresFailure>) -> Result<[UInt64], LAPACK.LeastSquaresFailure> {
        result.map { $0.map(\.bitPattern) }
    }

    @Test("random full-rank problems, 1 to 150 columns (dgeqrf's blocked path past 128), the same bits")
    func randomProblems() throws {
        try LinearAlgebraRuntime.load()
        LinearAlgebraRuntime.useSingleThread()
        var random = SplitMix(seed: 30)
        for columns in [1, 2, 3, 5, 8, 13, 31, 32, 33, 40, 129, 150] {
            for rows in [columns, columns + 1, 3 * columns + 7, 500] {
                // Magnitudes spread over many binades, as IRLS's √μ-weighted rows are.
                let a = (0..<rows * columns).map { _ in
                    Double.random(in: -1...1, using: &random) * Double(sign: .plus, exponent: Int.random(in: -20...20, using: &random), significand: 1)
                }
                let y = (0..<rows).map { _ in Double.random(in: -1000...1000, using: &random) }
                var steps = a, right = y
                let library = try LinearAlgebraLibrary.shared.get()
                let taken = steps.withUnsafeMutableBufferPointer { ap in
                    right.withUnsafeMutableBufferPointer { bp in
                        LAPACK.unscaledSteps(library, a: ap, y: bp, rows: Int32(rows), columns: Int32(columns))
                    }
                }
                #expect(taken == 0, "the steps are taken for \(rows)×\(columns)")
                let both = bothWays(a, rows: rows, columns: columns, y)
                // Compared as one Bool each: a failure names the shape, not 20,000 bit patterns.
                let sameSolution = bits(both.steps.0) == bits(both.lapacke.0)
                let sameFactor = bits(both.steps.1) == bits(both.lapacke.1)
                let sameRightHandSide = bits(both.steps.2) == bits(both.lapacke.2)
                #expect(sameSolution, "solution \(rows)×\(columns)")
                #expect(sameFactor, "factor \(rows)×\(columns)")
                #expect(sameRightHandSide, "right-hand side \(rows)×\(columns)")
            }
        }
    }

    @Test("rank deficiency: the same failure either way")
    func rankDeficient() throws {
        try LinearAlgebraRuntime.load()
        // Second column all zero: R₂₂ = 0 exactly → info = 2.
        let both = bothWays([1, 1, 1, 0, 0, 0], rows: 3, columns: 2, [1, 2, 3])
        #expect(both.steps.0 == .failure(.rankDeficient(2)))
        #expect(both.lapacke.0 == .failure(.rankDeficient(2)))
        #expect(bits(both.steps.1) == bits(both.lapacke.1))
    }

    @Test("where dgels would scale, or LAPACKE refuse a NaN, the steps are not taken and LAPACKE answers")
    func fallsBack() throws {
        try LinearAlgebraRuntime.load()
        let library = try LinearAlgebraLibrary.shared.get()
        let cases: [(a: [Double], y: [Double])] = [
            ([1e-300, 2e-300, 3e-300, 5e-300], [1, 2]),  // max |a| below 2^-960: dgels scales A up
            ([1e300, 2e300, 3e300, 5e300], [1, 2]),      // above 2^960: scaled down
            ([0, 0, 0, 0], [1, 2]),                      // A = 0: dgels returns b = 0
            ([1, 2, 3, 5], [1e-300, 0]),                 // y scaled
            ([1, 2, .nan, 5], [1, 2]),                   // LAPACKE refuses the NaN
            ([1, 2, 3, 5], [.infinity, 2]),
        ]
        for (a, y) in cases {
            var a1 = a, y1 = y
            let taken = a1.withUnsafeMutableBufferPointer { ap in
                y1.withUnsafeMutableBufferPointer { bp in LAPACK.unscaledSteps(library, a: ap, y: bp, rows: 2, columns: 2) }
            }
            #expect(taken == nil, "\(a) \(y)")
            #expect(bits(a1) == bits(a) && bits(y1) == bits(y), "nothing done: \(a) \(y)")
            let both = bothWays(a, rows: 2, columns: 2, y)
            #expect(bits(both.steps.0) == bits(both.lapacke.0))
            #expect(bits(both.steps.1) == bits(both.lapacke.1))
        }
        // y = 0 is not scaled: the steps are taken.
        var a = [1.0, 2, 3, 5], y = [0.0, 0]
        let taken = a.withUnsafeMutableBufferPointer { ap in
            y.withUnsafeMutableBufferPointer { bp in LAPACK.unscaledSteps(library, a: ap, y: bp, rows: 2, columns: 2) }
        }
        #expect(taken == 0)
    }

    @Test("largestMagnitude: the largest |x|, nil for a NaN anywhere (lanes and tail)")
    func largest() {
        func largest(_ x: [Double]) -> Double? { x.withUnsafeBufferPointer { LAPACK.largestMagnitude($0) } }
        #expect(largest([]) == 0)
        #expect(largest([-3, 2]) == 3)
        #expect(largest((1...17).map { -Double($0) }) == 17)
        #expect(largest([1, 2, 3, 4, 5, 6, 7, -9, 1]) == 9)
        #expect(largest([1, 2, 3, 4, 5, 6, .nan, 8, 1]) == nil)
        #expect(largest([1, 2, 3, 4, 5, 6, 7, 8, .nan]) == nil)
        #expect(largest([-.infinity, 1]) == .infinity)
        #expect(largest([-0.0, 0]) == 0)
    }
}
