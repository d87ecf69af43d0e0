import StatisticsKernel

/// Sums and shares of the survey's figures, one way everywhere: pounds summed in
/// double-double and rounded once (`Descriptive.sum`), so that the order of responses,
/// files or areas never changes a total's bits; a share is one division, missing when
/// its base is 0.
package enum SurveySums {
    package static func total(_ values: [Double]) -> Double { Descriptive.sum(values) }

    package static func share(_ part: Double, of whole: Double) -> Double? { whole > 0 ? part / whole : nil }

    package static func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
}
