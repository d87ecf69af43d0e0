import Returns

/// What the outcome mix (Table 5) and the support levels (Table 4) pool of each group's
/// services: Σ of the three outcome counts over the members with an outcome rate and the
/// full breakdown, and Σ of the three support counts over the members with support-level
/// data (all three present, sum > 0), with how many such members.
///
/// Worked out for every group in one pass over the services (issue 12): each service's
/// counts are looked up once, not once per group it belongs to. Each group's sums are
/// still added in its members' order, so they are the same to the bit as one loop per group.
struct GroupCountSums {
    var outcomeMixMembers = 0
    var gained = 0.0, retained = 0.0, selfEmployed = 0.0
    var supportLevelMembers = 0
    var lt7 = 0.0, from7to40 = 0.0, over40 = 0.0

    /// One per group, in order.
    static func of(_ groups: [StatisticsGroup]) -> [GroupCountSums] {
        guard let store = groups.first?.store else { return [] }
        var sums = [GroupCountSums](repeating: GroupCountSums(), count: groups.count)
        var cursors = [Int](repeating: 0, count: groups.count)
        let rate = store.column(.outcomeRate), services = store.services, members = groups.map(\.members)
        var inGroups: [Int] = []
        inGroups.reserveCapacity(groups.count)
        for row in services.indices {
            inGroups.removeAll(keepingCapacity: true)
            for g in members.indices where cursors[g] < members[g].count && members[g][cursors[g]] == row {
                inGroups.append(g)
                cursors[g] += 1
            }
            guard !inGroups.isEmpty else { continue }
            // Read through the array, not a copy of the service (a copy retains its strings).
            let counts = services[row].input.counts
            if rate[row] != nil {
                for g in inGroups { sums[g].outcomeMixMembers += 1 }
                if let a = counts[.outcomesGained], let b = counts[.outcomesRetained],
                   let c = counts[.outcomesSelfEmployed] {
                    for g in inGroups {
                        sums[g].gained += Double(a)
                        sums[g].retained += Double(b)
                        sums[g].selfEmployed += Double(c)
                    }
                }
            }
            if let a = counts[.supportLT7], let b = counts[.support7to40], let c = counts[.support40plus],
               Double(a) + Double(b) + Double(c) > 0 {
                for g in inGroups {
                    sums[g].supportLevelMembers += 1
                    sums[g].lt7 += Double(a)
                    sums[g].from7to40 += Double(b)
                    sums[g].over40 += Double(c)
                }
            }
        }
        return sums
    }
}
