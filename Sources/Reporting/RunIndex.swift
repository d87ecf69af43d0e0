import VFMCore

/// Lookups into the run's tables built once, so the report is linear in the number of
/// groups and pairs (a row scan per table cell took 89 s for 4,000 groups).
struct RunIndex {
    struct PairKey: Hashable {
        var group: String
        var x: String
        var y: String
    }

    private var descriptiveRows: [String: [String: RunTable.Row]] = [:]
    private var trendRows: [PairKey: RunTable.Row] = [:]
    /// Groups of `tables/descriptives.csv` in the order the analysis wrote them.
    let descriptiveGroups: [String]

    init(_ data: RunData) {
        var groups: [String] = []
        var seen: Set<String> = []
        for row in data.descriptives?.rows ?? [] {
            guard let group = row.text("group") else { continue }
            if seen.insert(group).inserted { groups.append(group) }
            if let metric = row.text("metric"), descriptiveRows[group]?[metric] == nil {
                descriptiveRows[group, default: [:]][metric] = row
            }
        }
        descriptiveGroups = groups
        for row in data.trendLines?.rows ?? [] {
            guard let group = row.text("group"), let x = row.text("x"), let y = row.text("y") else { continue }
            let key = PairKey(group: group, x: x, y: y)
            if trendRows[key] == nil { trendRows[key] = row }
        }
    }

    /// The descriptives row for `group` × `metric`, if the table has one (the first, as a scan would find).
    func descriptive(group: String, metric: String) -> RunTable.Row? { descriptiveRows[group]?[metric] }

    /// (intercept, slope) of the least-squares line of `y` on `x` in `group`.
    func trend(group: String, x: String, y: String) -> (intercept: Double, slope: Double)? {
        let row = trendRows[PairKey(group: group, x: x, y: y)]
        guard let intercept = row?.number("intercept"), let slope = row?.number("slope") else { return nil }
        return (intercept, slope)
    }
}
