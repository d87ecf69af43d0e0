/// The descriptive statistics of one metric in one group (SPEC §6 "Descriptives";
/// the study's Table 8 ranges and ±1 SD bands are built from these).
public struct SampleSummary: Sendable, Equatable {
    /// Number of values summarised (services that had the data).
    public var n: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); `nil` when n < 2.
    public var standardDeviation: Double?
    public var minimum: Double
    /// Sample median (midpoint of the two middle values for even n).
    public var median: Double
    public var maximum: Double

    public init(n: Int, mean: Double, standardDeviation: Double?,
                minimum: Double, median: Double, maximum: Double) {
        self.n = n
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.median = median
        self.maximum = maximum
    }
}
