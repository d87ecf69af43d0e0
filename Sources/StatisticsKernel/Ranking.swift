/// Ranks for Spearman's ρ and the Mann–Whitney U test.
enum Ranking {
    /// 1-based ranks with ties given the average of the positions they span
    /// ("average" / fractional ranking, scipy.stats.rankdata's default), so that
    /// Spearman's ρ is Pearson's r on these ranks.
    ///
    /// Example: 10, 20, 20, 30 → 1, 2.5, 2.5, 4.
    static func averageRanks(_ values: [Double]) -> [Double] {
        averageRanksAndTies(values).ranks
    }

    /// The average ranks, and the size of every run of tied values (1 for an untied value),
    /// in ascending order of value — the tᵢ of the Mann–Whitney tie correction.
    static func averageRanksAndTies(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // positions start+1 … end (1-based) share their mean rank
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            tieSizes.append(end - start)
            start = end
        }
        return (ranks, tieSizes)
    }
}
