/// Where the report stops listing and starts summarising (SPEC §7, "The report
/// summarises at any size"): below these the report of the 70-service sample lists
/// everything as the study did; above them what grows with the services stays in
/// `tables/` and `clean/`, and the page shows counts, the extremes and a few examples.
enum ReportLimits {
    /// Services listed one by one in the benchmark, rows in the rejected-rows and flag
    /// tables, services in the excluded list, warnings.
    static let fullList = 100
    /// Above `fullList`: services shown furthest below and furthest above the band, per measure.
    static let furthestEachWay = 10
    /// Above `fullList`: examples shown per flag rule or reject rule.
    static let examplesPerRule = 3
    /// A scatter with more points than this draws a binned density layer instead.
    static let scatterPoints = 2_000
    /// Evidence-based points drawn one by one on a binned scatter; more are binned too.
    static let evidencePoints = 300
    /// A sorted distribution with more services than this draws percentiles instead.
    static let distributionBars = 200
}
