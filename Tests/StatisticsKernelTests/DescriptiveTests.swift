import Foundation
import Testing
@testable import StatisticsKernel

@Suite("Descriptive statistics")
struct DescriptiveTests {
    @Test("summary of a small sample matches the hand calculation")
    func byHand() throws {
        // 2 4 4 4 5 5 7 9: Σ = 40, mean = 5; Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32;
        // s² = 32/7, s = √(32/7) = 2.1380899352993950…; median = (4 + 5)/2 = 4.5
        let summary = try #require(Descriptive.summarize([9, 4, 5, 2, 4, 7, 4, 5]))
        #expect(summary.n == 8)
        #expect(summary.mean == 5)
        let sd = try #require(summary.standardDeviation)
        #expect(isClose(sd, (32.0 / 7).squareRoot(), relative: 2e-16))
        #expect(summary.minimum == 2)
        #expect(summary.median == 4.5)
        #expect(summary.maximum == 9)
    }

    @Test("a single value has a mean but no standard deviation")
    func singleValue() throws {
        let summary = try #require(Descriptive.summarize([165]))
        #expect(summary == SampleSummary(n: 1, mean: 165, standardDeviation: nil,
                                         minimum: 165, median: 165, maximum: 165))
    }

    @Test("a constant sample has SD exactly 0")
    func constant() throws {
        let summary = try #require(Descriptive.summarize([0.1, 0.1, 0.1]))
        #expect(summary.mean == 0.1)
        #expect(summary.standardDeviation == 0)
    }

    @Test("empty or non-finite input gives nil",
          arguments: [[Double](), [1, .nan], [.infinity, 1, 2]])
    func undefined(values: [Double]) {
        #expect(Descriptive.summarize(values) == nil)
    }

    @Test("values near the largest double neither overflow the mean nor the SD")
    func extremeMagnitudes() throws {
        // mean of (M, M/2) = 3M/4; SD = (M/2)/√2 = M/(2√2)
        let m = Double.greatestFiniteMagnitude
        let summary = try #require(Descriptive.summarize([m, m / 2]))
        #expect(isClose(summary.mean, 0.75 * m, relative: 2e-16))
        #expect(isClose(try #require(summary.standardDeviation), m / (2 * 2.0.squareRoot()), relative: 4e-16))
    }

    struct NumAcc: Decodable {
        struct Dataset: Decodable {
            let values: [Double]
            let exact_mean_hi: Double, exact_mean_lo: Double
            let exact_sd_hi: Double, exact_sd_lo: Double
        }
        let datasets: [String: Dataset]
    }

    /// Log relative error (NIST's LRE): correct significant digits of `x` against the
    /// exact value hi + lo (a double-double from Python `fractions`). `x − hi` is exact
    /// here (Sterbenz) because x and hi agree to many digits.
    static func logRelativeError(_ x: Double, hi: Double, lo: Double) -> Double {
        let error = abs((x - hi) - lo)
        return error == 0 ? 17 : -log10(error / abs(hi))
    }

    @Test("mean and SD of NIST StRD NumAcc1–4 have ≥ 13 correct digits against the exact binary64 statistic",
          arguments: ["NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"])
    func numericalAccuracy(name: String) throws {
        // Exact mean and SD of the binary64-stored values: Python fractions/decimal,
        // Fixtures/reference/make_reference.py → numacc.json
        let all = try ReferenceData.load(NumAcc.self, from: "numacc.json")
        let data = try #require(all.datasets[name])
        #expect(data.values.count == (name == "NumAcc1" ? 3 : 1001))
        let summary = try #require(Descriptive.summarize(data.values))
        let sd = try #require(summary.standardDeviation)
        let meanLRE = Self.logRelativeError(summary.mean, hi: data.exact_mean_hi, lo: data.exact_mean_lo)
        let sdLRE = Self.logRelativeError(sd, hi: data.exact_sd_hi, lo: data.exact_sd_lo)
        #expect(meanLRE >= 13, "\(name) mean LRE \(meanLRE)")
        #expect(sdLRE >= 13, "\(name) SD LRE \(sdLRE)")
    }

    @Test("the textbook one-pass formula fails on NumAcc4, so the accuracy test has teeth")
    func naiveFormulaFails() throws {
        let all = try ReferenceData.load(NumAcc.self, from: "numacc.json")
        let data = try #require(all.datasets["NumAcc4"])
        let n = Double(data.values.count)
        let sum = data.values.reduce(0, +)
        let sumOfSquares = data.values.reduce(0) { $0 + $1 * $1 }
        let naiveVariance = (sumOfSquares - sum * sum / n) / (n - 1)
        let naive = naiveVariance > 0 ? naiveVariance.squareRoot() : 0
        #expect(Self.logRelativeError(naive, hi: data.exact_sd_hi, lo: data.exact_sd_lo) < 2)
    }

    @Test("the deviations' scale from the least and greatest values is the one every deviation gives")
    func deviationScale() {
        var generator = SplitMix(seed: 33)
        for size in [1, 2, 3, 17, 1_000] {
            for spread in [1e-300, 1e-3, 1.0, 1e5, 1e300] {
                let values = (0..<size).map { _ in Double.random(in: -spread...spread, using: &generator) }
                for centre in [0, values[0], values.reduce(0, +) / Double(size), -spread, 1e300] {
                    // The definition: 2^e covering the largest |fl(x − centre)| of all.
                    let largest = values.map { abs(DoubleDouble.twoSum($0, -centre).hi) }.max()!
                    let expected: Double? = !largest.isFinite ? nil
                        : largest == 0 ? 1 : Double(sign: .plus, exponent: largest.exponent, significand: 1)
                    #expect(ScaledDeviations.scale(of: values, from: centre) == expected, "\(size) \(spread) \(centre)")
                }
            }
        }
        #expect(ScaledDeviations.scale(of: [2, 2, 2], from: 2) == 1)
        #expect(ScaledDeviations.scale(of: [.greatestFiniteMagnitude, -.greatestFiniteMagnitude], from: 0) == 0x1p1023)
        #expect(ScaledDeviations.scale(of: [.greatestFiniteMagnitude], from: -.greatestFiniteMagnitude) == nil)
    }

    @Test("mean alone is summarize's mean, bit for bit, and nil where summarize is")
    func meanAlone() {
        var generator = SplitMix(seed: 34)
        var samples: [[Double]] = [[], [1], [.nan, 1], [1, .infinity], [-0.0, 0], [1e308, 1e308, -1e308]]
        for size in [2, 3, 600, 5_000] {
            samples.append((0..<size).map { _ in Double.random(in: -1e6...1e6, using: &generator) })
            samples.append((0..<size).map { _ in Double(Int.random(in: 1...9, using: &generator)) / 7 })
        }
        for values in samples {
            #expect(Descriptive.mean(values)?.bitPattern == Descriptive.summarize(values)?.mean.bitPattern, "\(values.prefix(3))")
        }
    }

    @Test("two samples summarised side by side are each summarize(sorted:), bit for bit, whatever their lengths")
    func pairedSummaries() {
        func bits(_ summary: SampleSummary?) -> [UInt64?] {
            guard let summary else { return [] }
            return [UInt64(summary.n), summary.mean.bitPattern, summary.standardDeviation?.bitPattern,
                    summary.minimum.bitPattern, summary.median.bitPattern, summary.maximum.bitPattern]
        }
        var generator = SplitMix(seed: 35)
        var samples: [[Double]] = [[], [4], [2, 2], [1e308, 1e308, 1e308], [-1e-300, 1e-300], [0.1, 0.2, 0.3],
                                   [-0.0, 0, 0]]
        for size in [2, 3, 17, 1_000, 4_097] {
            samples.append((0..<size).map { _ in Double.random(in: -1e6...1e6, using: &generator) }.sorted())
            samples.append((0..<size).map { _ in 1e7 + Double(Int.random(in: 0...20, using: &generator)) / 10 }.sorted())
            samples.append((0..<size).map { _ in Double(Int.random(in: 1...50, using: &generator)) / 7 }.sorted())
        }
        for first in samples {
            for second in samples {
                let both = Descriptive.summarize(sorted: first, second)
                #expect(bits(both.0) == bits(Descriptive.summarize(sorted: first)), "\(first.count) beside \(second.count)")
                #expect(bits(both.1) == bits(Descriptive.summarize(sorted: second)), "\(second.count) beside \(first.count)")
            }
        }
        // A sample with an infinity is no summary beside another, as alone.
        #expect(Descriptive.summarize(sorted: [1, .infinity], [1, 2]).0 == nil)
    }
}
