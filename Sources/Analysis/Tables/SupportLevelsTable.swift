import Cleaning
import Returns

/// `tables/support_levels.csv` (study Table 4, SPEC §6): the pooled proportions of people
/// supported with <7, 7–40 and 40+ hours a week of other health and social care support
/// (the study's proxy for level of need), Σ over the group's services with support-level
/// data — all three counts present and their sum > 0 (SPEC §5); n = those services.
enum SupportLevelsTable {
    static func rows(groups: [StatisticsGroup], sums: [GroupCountSums]) -> [SupportLevelRow] {
        zip(groups, sums).map { row($0, sums: $1) }
    }

    static func row(_ group: StatisticsGroup, sums: GroupCountSums) -> SupportLevelRow {
        let n = sums.supportLevelMembers, lt7 = sums.lt7, from7to40 = sums.from7to40, over40 = sums.over40
        let total = lt7 + from7to40 + over40
        guard n > 0, total > 0 else { return SupportLevelRow(group: group.name, n: n) }
        return SupportLevelRow(group: group.name, n: n, shareLT7: lt7 / total, share7to40: from7to40 / total,
                               share40plus: over40 / total)
    }
}
