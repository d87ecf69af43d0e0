import Testing
@testable import StatisticsKernel

extension PoissonProblem {
    /// The score and information one sum at a time, each row's products added in turn: the
    /// definition `scoreAndInformation`'s lanes are held to.
    func scalarScoreAndInformation(_ beta: [Double], means: inout [DoubleDouble])
        -> (score: [DoubleDouble], information: [DoubleDouble])? {
        var score = [DoubleDouble](repeating: .zero, count: p)
        var information = [DoubleDouble](repeating: .zero, count: p * p)
        let ok = eachMean(beta) { i, mu in
            means[i] = mu
            let residual = DoubleDouble(counts[i]) - mu
            for k in 0..<p {
                let xk = design[k * n + i]
                score[k] = score[k] + residual * xk
                let weighted = mu * xk
                for l in 0...k { information[k * p + l] = information[k * p + l] + weighted * design[l * n + i] }
            }
        }
        return ok ? (score, information) : nil
    }
}

/// The model's score and information summed four sums at a time (`ScoreLanes`) must be the
/// scalar sums (`PoissonProblem.scalarScoreAndInformation`, above) bit for bit, and leave the
/// same means: the fit's iterations, figures and every output byte depend on them.
@Suite("the model's sums in lanes")
struct ScoreLanesTests {
    struct Draws {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53
        }
    }

    static func same(_ a: [DoubleDouble], _ b: [DoubleDouble]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.hi.bitPattern == $1.hi.bitPattern && $0.lo.bitPattern == $1.lo.bitPattern }
    }

    @Test("every parameter count from 1 to 8, row counts not a multiple of four, values of mixed scale",
          arguments: 1...8)
    func lanesAreTheScalarSums(parameters p: Int) {
        var draws = Draws(state: UInt64(p) &* 977 &+ 5)
        for n in [1, 3, 4, 7, 61] {
            // An intercept, then covariates from shares to thousands; counts from 0 up.
            let design = (0..<p).flatMap { k in (0..<n).map { _ in k == 0 ? 1 : (draws.next() - 0.3) * [1, 7.5, 1_000][k % 3] } }
            let counts = (0..<n).map { _ in (draws.next() * 40).rounded(.down) }
            let offsets = (0..<n).map { _ in draws.next() * 3 - 1 }
            let beta = (0..<p).map { k in (draws.next() - 0.5) * (k == 0 ? 2 : 0.002) }
            let problem = PoissonProblem(counts: counts, offsets: offsets, columnMajor: design, parameters: p)
            var laneMeans = [DoubleDouble](repeating: .zero, count: n), scalarMeans = laneMeans
            let lanes = problem.scoreAndInformation(beta, means: &laneMeans)
            let scalar = problem.scalarScoreAndInformation(beta, means: &scalarMeans)
            #expect(lanes != nil && scalar != nil)
            guard let lanes, let scalar else { continue }
            #expect(Self.same(lanes.score, scalar.score), "p \(p), n \(n): score")
            #expect(Self.same(lanes.information, scalar.information), "p \(p), n \(n): information")
            #expect(Self.same(laneMeans, scalarMeans), "p \(p), n \(n): means")
        }
    }

    @Test("a linear predictor out of range gives no sums, in lanes as one at a time")
    func outOfRange() {
        let problem = PoissonProblem(counts: [1, 2, 3, 4, 5], offsets: [0, 0, 0, 700, 0], columnMajor: [1, 1, 1, 1, 1],
                                     parameters: 1)
        var means = [DoubleDouble](repeating: .zero, count: 5)
        #expect(problem.scoreAndInformation([0], means: &means) == nil)
        #expect(problem.scalarScoreAndInformation([0], means: &means) == nil)
    }
}
