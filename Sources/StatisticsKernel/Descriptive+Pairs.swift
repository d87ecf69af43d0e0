/// Two samples summarised side by side (issue 30).
///
/// A summary's mean and SD are double-double sums over every value: long chains of
/// dependent additions, which a core runs one step at a time whatever else it could do
/// meanwhile. Two samples' sums taken in the two lanes of a `DoubleDoubleLanes` cost little
/// more than one. Each lane performs exactly the operations of the one-sample code on its
/// own values in the same order (the longer sample's last values are added after the
/// lanes, to the same running sum), so each summary is `summarize(sorted:)`'s to the bit
/// (held to it in `DescriptiveTests`).
extension Descriptive {
    /// `(summarize(sorted: first), summarize(sorted: second))`, the same bits.
    public static func summarize(sorted first: [Double], _ second: [Double]) -> (SampleSummary?, SampleSummary?) {
        guard let firstLow = first.first, let firstHigh = first.last, let secondLow = second.first,
              let secondHigh = second.last, first.allSatisfy(\.isFinite), second.allSatisfy(\.isFinite)
        else { return (summarize(sorted: first), summarize(sorted: second)) }
        let sums = pairedSums(first, second)
        guard let firstMean = mean(sum: sums.0, of: first), let secondMean = mean(sum: sums.1, of: second)
        else { return (summarize(sorted: first), summarize(sorted: second)) }
        let variances = pairedScaledVariances(first, mean: firstMean, second, mean: secondMean)
        return (SampleSummary(n: first.count, mean: firstMean, standardDeviation: standardDeviation(variances.0),
                              minimum: firstLow, median: OrderStatistics.sortedMedian(first), maximum: firstHigh),
                SampleSummary(n: second.count, mean: secondMean, standardDeviation: standardDeviation(variances.1),
                              minimum: secondLow, median: OrderStatistics.sortedMedian(second), maximum: secondHigh))
    }

    /// `(DoubleDouble.sum(first), DoubleDouble.sum(second))`: the lanes over both samples'
    /// common length, then the longer one's rest added to its lane's sum.
    static func pairedSums(_ first: [Double], _ second: [Double]) -> (DoubleDouble, DoubleDouble) {
        let common = min(first.count, second.count)
        var total = DoubleDoubleLanes<SIMD2<Double>>(.zero)
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                for i in 0..<common { total = total + SIMD2(first[i], second[i]) }
            }
        }
        var sums = (total[lane: 0], total[lane: 1])
        for x in first[common...] { sums.0 = sums.0 + x }
        for x in second[common...] { sums.1 = sums.1 + x }
        return sums
    }

    /// `(scaledVariance(of: first, mean:), scaledVariance(of: second, mean:))`, the same
    /// bits: side by side where both scales have an exact reciprocal, else one at a time.
    static func pairedScaledVariances(_ first: [Double], mean firstMean: Double, _ second: [Double],
                                      mean secondMean: Double)
        -> ((variance: DoubleDouble, scale: Double)?, (variance: DoubleDouble, scale: Double)?) {
        guard first.count >= 2, second.count >= 2,
              let firstScale = ScaledDeviations.scale(of: first, from: firstMean),
              let secondScale = ScaledDeviations.scale(of: second, from: secondMean),
              let firstReciprocal = ExactScaling.exactReciprocal(of: firstScale),
              let secondReciprocal = ExactScaling.exactReciprocal(of: secondScale)
        else { return (scaledVariance(of: first, mean: firstMean), scaledVariance(of: second, mean: secondMean)) }
        let common = min(first.count, second.count)
        var sum = DoubleDoubleLanes<SIMD2<Double>>(.zero), squares = sum
        let centre = SIMD2(-firstMean, -secondMean), reciprocal = SIMD2(firstReciprocal, secondReciprocal)
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                for i in 0..<common {
                    // `scaledVariance`'s steps, each lane its own sample's.
                    let d = DoubleDoubleLanes.twoSum(SIMD2(first[i], second[i]), centre)
                    let h = d.hi * reciprocal, l = d.lo * reciprocal
                    sum = sum + DoubleDoubleLanes.twoSum(h, l)
                    var square = DoubleDoubleLanes.twoProduct(h, h)
                    square.lo += 2 * h * l + l * l
                    squares = squares + square
                }
            }
        }
        var firstSums = (sum: sum[lane: 0], squares: squares[lane: 0])
        var secondSums = (sum: sum[lane: 1], squares: squares[lane: 1])
        for x in first[common...] { accumulateDeviation(x, mean: firstMean, reciprocal: firstReciprocal, into: &firstSums) }
        for x in second[common...] {
            accumulateDeviation(x, mean: secondMean, reciprocal: secondReciprocal, into: &secondSums)
        }
        return (scaledVariance(sum: firstSums.sum, squares: firstSums.squares, count: first.count, scale: firstScale),
                scaledVariance(sum: secondSums.sum, squares: secondSums.squares, count: second.count,
                               scale: secondScale))
    }
}
