import Cleaning
import StatisticsKernel
import Returns

/// `tables/outcome_mix.csv` (study Table 5, SPEC §6): the mean job outcome rate of the
/// group's services, and how those outcomes split into gained / retained / self-employed
/// as pooled shares, Σgained / Σjob_outcomes over the services with the full breakdown.
/// "Per 100 people supported" = 100 × mean rate × share: the study's 23 + 14 + 1 = 38.
enum OutcomeMixTable {
    static func rows(groups: [StatisticsGroup]) -> [OutcomeMixRow] {
        groups.map(row)
    }

    static func row(_ group: StatisticsGroup) -> OutcomeMixRow {
        let services = group.store.services, rateColumn = group.store.column(.outcomeRate)
        let withRate = group.members.filter { rateColumn[$0] != nil }
        let meanRate = Descriptive.summarize(withRate.compactMap { rateColumn[$0] })?.mean
        // Sums in Double: exact for any realistic count, and no overflow trap on absurd input.
        var gained = 0.0, retained = 0.0, selfEmployed = 0.0
        for row in withRate {
            // Read through the array, not a copy of the service (a copy retains its strings).
            guard let g = services[row].input.counts[.outcomesGained], let r = services[row].input.counts[.outcomesRetained],
                  let s = services[row].input.counts[.outcomesSelfEmployed] else { continue }
            gained += Double(g)
            retained += Double(r)
            selfEmployed += Double(s)
        }
        let total = gained + retained + selfEmployed
        func share(_ part: Double) -> Double? { total > 0 ? part / total : nil }
        func per100(_ share: Double?) -> Double? {
            guard let share, let meanRate else { return nil }
            return 100 * meanRate * share
        }
        let gainedShare = share(gained), retainedShare = share(retained), selfEmployedShare = share(selfEmployed)
        return OutcomeMixRow(group: group.name, n: withRate.count, outcomeRateMean: meanRate,
                             gainedShare: gainedShare, retainedShare: retainedShare,
                             selfEmployedShare: selfEmployedShare, gainedPer100: per100(gainedShare),
                             retainedPer100: per100(retainedShare), selfEmployedPer100: per100(selfEmployedShare))
    }
}
