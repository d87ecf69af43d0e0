import Cleaning
import Returns

/// `tables/outcome_mix.csv` (study Table 5, SPEC §6): the mean job outcome rate of the
/// group's services, and how those outcomes split into gained / retained / self-employed
/// as pooled shares, Σgained / Σjob_outcomes over the services with the full breakdown.
/// "Per 100 people supported" = 100 × mean rate × share: the study's 23 + 14 + 1 = 38.
enum OutcomeMixTable {
    /// - Parameter figures: each group's figures, whose outcome-rate summary gives the
    ///   mean rate without sorting the rates again (`summarize` of the same values: the
    ///   same mean to the bit).
    static func rows(groups: [StatisticsGroup], figures: [GroupFigures], sums: [GroupCountSums]) -> [OutcomeMixRow] {
        zip(groups, zip(figures, sums)).map { row($0, meanRate: $1.0.summary(of: .outcomeRate)?.mean, sums: $1.1) }
    }

    static func row(_ group: StatisticsGroup, meanRate: Double?, sums: GroupCountSums) -> OutcomeMixRow {
        let gained = sums.gained, retained = sums.retained, selfEmployed = sums.selfEmployed
        let total = gained + retained + selfEmployed
        func share(_ part: Double) -> Double? { total > 0 ? part / total : nil }
        func per100(_ share: Double?) -> Double? {
            guard let share, let meanRate else { return nil }
            return 100 * meanRate * share
        }
        let gainedShare = share(gained), retainedShare = share(retained), selfEmployedShare = share(selfEmployed)
        return OutcomeMixRow(group: group.name, n: sums.outcomeMixMembers, outcomeRateMean: meanRate,
                             gainedShare: gainedShare, retainedShare: retainedShare,
                             selfEmployedShare: selfEmployedShare, gainedPer100: per100(gainedShare),
                             retainedPer100: per100(retainedShare), selfEmployedPer100: per100(selfEmployedShare))
    }
}
