import Analysis
import OrderedCollections

/// Lookups into the run's tables built once, so the report is linear in the number of
/// groups and pairs (a row scan per table cell took 89 s for 4,000 groups).
struct RunIndex {
    struct PairKey: Hashable {
        var group: String
        var x: String
        var y: String
    }

    private var descriptiveRows: [String: [String: DescriptiveRow]] = [:]
    private var trendRows: [PairKey: TrendLineRow] = [:]
    /// Groups of `tables/descriptives.csv` in the order the analysis wrote them.
    let descriptiveGroups: [String]

    init(_ data: RunData) {
        var groups: OrderedSet<String> = []
        for row in data.descriptives {
            groups.append(row.group)
            if descriptiveRows[row.group]?[row.metric.rawValue] == nil {
                descriptiveRows[row.group, default: [:]][row.metric.rawValue] = row
            }
        }
        descriptiveGroups = groups.elements
        for row in data.trendLines {
            let key = PairKey(group: row.group, x: row.x.rawValue, y: row.y.rawValue)
            if trendRows[key] == nil { trendRows[key] = row }
        }
    }

    /// The descriptives row for `group` × `metric`, if the table has one (the first, as a scan would find).
    func descriptive(group: String, metric: String) -> DescriptiveRow? { descriptiveRows[group]?[metric] }

    /// (intercept, slope) of the least-squares line of `y` on `x` in `group`.
    func trend(group: String, x: String, y: String) -> (intercept: Double, slope: Double)? {
        let row = trendRows[PairKey(group: group, x: x, y: y)]
        guard let intercept = row?.intercept, let slope = row?.slope else { return nil }
        return (intercept, slope)
    }
}
