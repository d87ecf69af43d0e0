import Cleaning
import Returns

/// `tables/support_levels.csv` (study Table 4, SPEC §6): the pooled proportions of people
/// supported with <7, 7–40 and 40+ hours a week of other health and social care support
/// (the study's proxy for level of need), Σ over the group's services with support-level
/// data — all three counts present and their sum > 0 (SPEC §5); n = those services.
enum SupportLevelsTable {
    static func rows(groups: [StatisticsGroup]) -> [SupportLevelRow] {
        groups.map(row)
    }

    static func row(_ group: StatisticsGroup) -> SupportLevelRow {
        var n = 0
        var lt7 = 0.0, from7to40 = 0.0, over40 = 0.0
        let services = group.store.services
        for row in group.members {
            // Read through the array, not a copy of the service (a copy retains its strings).
            guard let a = services[row].input.counts[.supportLT7], let b = services[row].input.counts[.support7to40],
                  let c = services[row].input.counts[.support40plus],
                  Double(a) + Double(b) + Double(c) > 0 else { continue }
            n += 1
            lt7 += Double(a)
            from7to40 += Double(b)
            over40 += Double(c)
        }
        let total = lt7 + from7to40 + over40
        guard n > 0, total > 0 else { return SupportLevelRow(group: group.name, n: n) }
        return SupportLevelRow(group: group.name, n: n, shareLT7: lt7 / total, share7to40: from7to40 / total,
                               share40plus: over40 / total)
    }
}
