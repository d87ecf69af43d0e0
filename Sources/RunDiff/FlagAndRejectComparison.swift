/// Flags of both runs, keyed by service, rule and metric: a flag whose value merely moved
/// is the same flag; one raised or cleared is listed.
public struct FlagComparison: Sendable {
    public var new: [FlagRecord]
    public var resolved: [FlagRecord]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !new.isEmpty || !resolved.isEmpty }

    static func compare(old: [FlagRecord], new: [FlagRecord]) -> FlagComparison {
        let match = KeyedMatch(old: old, new: new) { [$0.service.authority, $0.service.service, $0.service.period,
                                                      $0.rule, $0.metric] }
        let order = { (lhs: FlagRecord, rhs: FlagRecord) -> Bool in
            if lhs.service != rhs.service { return lhs.service < rhs.service }
            if lhs.rule != rhs.rule { return lhs.rule.utf8.lexicographicallyPrecedes(rhs.rule.utf8) }
            return lhs.metric.utf8.lexicographicallyPrecedes(rhs.metric.utf8)
        }
        return FlagComparison(new: match.onlyNew.sorted(by: order), resolved: match.onlyOld.sorted(by: order),
                              unchangedCount: match.pairs.count)
    }
}

/// Rejected rows of both runs, keyed by rule and the row's raw cells — not by file and
/// line, which shift whenever a row is added above, nor by file name, which a new
/// dataset version often changes. A row fixed in the new data is *resolved*; a row that
/// newly fails a rule is *new*.
public struct RejectComparison: Sendable {
    public var new: [RejectRecord]
    public var resolved: [RejectRecord]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !new.isEmpty || !resolved.isEmpty }

    static func compare(old: [RejectRecord], new: [RejectRecord]) -> RejectComparison {
        let match = KeyedMatch(old: old, new: new) { [$0.rule] + $0.rawCells }
        let order = { (lhs: RejectRecord, rhs: RejectRecord) -> Bool in
            if lhs.sourceFile != rhs.sourceFile { return lhs.sourceFile.utf8.lexicographicallyPrecedes(rhs.sourceFile.utf8) }
            let left = Int(lhs.line) ?? 0, right = Int(rhs.line) ?? 0
            if left != right { return left < right }
            return lhs.rule.utf8.lexicographicallyPrecedes(rhs.rule.utf8)
        }
        return RejectComparison(new: match.onlyNew.sorted(by: order), resolved: match.onlyOld.sorted(by: order),
                                unchangedCount: match.pairs.count)
    }
}

/// A service (in both runs) whose position against the all-services or evidence-based
/// band changed (SPEC §6 benchmark) — what a commissioner watching one service wants.
public struct BenchmarkChange: Sendable, Equatable {
    public var old: BenchmarkRecord
    public var new: BenchmarkRecord
}

public struct BenchmarkComparison: Sendable {
    public var changed: [BenchmarkChange]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !changed.isEmpty }

    /// Rows of services only one run has are left out: the services section lists them.
    static func compare(old: [BenchmarkRecord], new: [BenchmarkRecord]) -> BenchmarkComparison {
        let match = KeyedMatch(old: old, new: new) { [$0.service.authority, $0.service.service, $0.service.period,
                                                      $0.metric] }
        var changed: [BenchmarkChange] = []
        for (before, after) in match.pairs
        where before.allBand != after.allBand || before.evidenceBand != after.evidenceBand {
            changed.append(BenchmarkChange(old: before, new: after))
        }
        changed.sort { lhs, rhs in
            if lhs.new.service != rhs.new.service { return lhs.new.service < rhs.new.service }
            return lhs.new.metric.utf8.lexicographicallyPrecedes(rhs.new.metric.utf8)
        }
        return BenchmarkComparison(changed: changed, unchangedCount: match.pairs.count - changed.count)
    }
}
