/// Why a correlation is listed in the diff: what a reader of the report would see change.
public enum CorrelationChangeReason: Sendable, Equatable {
    /// n (services with both figures) changed.
    case nChanged
    /// |Δr| exceeds the r tolerance.
    case rMoved
    /// r is defined in one run only (n < 3 or a constant column in the other).
    case rDefinedInOneRunOnly
    /// r changed sign, and neither r rounds to 0.00 (a wobble around zero is not a flip;
    /// a large move is reported as `rMoved` anyway).
    case signFlipped
    /// The strength word of the pipeline's scale changed.
    case strengthChanged
    /// The 95% CI excludes 0 in the new run but not the old (`true`), or the reverse.
    case ciExcludesZero(now: Bool)
}

public struct CorrelationChange: Sendable, Equatable {
    public var old: CorrelationRecord
    public var new: CorrelationRecord
    public var reasons: [CorrelationChangeReason]
}

/// Correlations of both runs compared, pair by pair and group by group.
public struct CorrelationComparison: Sendable {
    public var changed: [CorrelationChange]
    public var added: [CorrelationRecord]
    public var removed: [CorrelationRecord]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !changed.isEmpty || !added.isEmpty || !removed.isEmpty }

    static func compare(old: [CorrelationRecord], new: [CorrelationRecord],
                        options: DiffOptions) -> CorrelationComparison {
        let match = KeyedMatch(old: old, new: new) { [$0.group, $0.x, $0.y] }
        var changed: [CorrelationChange] = []
        var unchanged = 0
        for (before, after) in match.pairs {
            let reasons = Self.reasons(old: before, new: after, options: options)
            if reasons.isEmpty {
                unchanged += 1
            } else {
                changed.append(CorrelationChange(old: before, new: after, reasons: reasons))
            }
        }
        return CorrelationComparison(changed: changed, added: match.onlyNew, removed: match.onlyOld,
                                     unchangedCount: unchanged)
    }

    static func reasons(old: CorrelationRecord, new: CorrelationRecord,
                        options: DiffOptions) -> [CorrelationChangeReason] {
        var reasons: [CorrelationChangeReason] = []
        if old.n != new.n { reasons.append(.nChanged) }
        switch (old.pearsonR, new.pearsonR) {
        case (let before?, let after?):
            if abs(after - before) > options.rTolerance { reasons.append(.rMoved) }
            if min(abs(before), abs(after)) >= 0.005, (before < 0) != (after < 0) { reasons.append(.signFlipped) }
        case (nil, nil):
            break
        default:
            reasons.append(.rDefinedInOneRunOnly)
        }
        if old.strength != new.strength { reasons.append(.strengthChanged) }
        if let before = old.ciExcludesZero, let after = new.ciExcludesZero, before != after {
            reasons.append(.ciExcludesZero(now: after))
        }
        return reasons
    }
}
