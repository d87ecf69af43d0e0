import Tabular

/// What a reader of the report would see change about a correlation (SPEC §3: marked
/// when the strength word, the sign or significance at 5% changes).
public enum CorrelationNote: String, Sendable, Equatable, CaseIterable {
    /// Pearson r is defined in the new run only, or in the old run only (n < 3 or a
    /// constant column in the other).
    case rNowDefined = "r_now_defined"
    case rNowUndefined = "r_now_undefined"
    /// r changed sign and neither r prints as 0.00 (a wobble around zero is not a flip).
    case signChanged = "sign_changed"
    /// The strength word of the pipeline's scale changed.
    case strengthChanged = "strength_changed"
    /// p < 0.05 in the new run but not the old (`significantNow`), or the reverse.
    case significantNow = "significant_at_5pct_now"
    case notSignificantNow = "not_significant_at_5pct_now"

    /// The words in the Markdown.
    public var words: String {
        switch self {
        case .rNowDefined: return "r now defined"
        case .rNowUndefined: return "r now undefined"
        case .signChanged: return "**sign changed**"
        case .strengthChanged: return "**strength changed**"
        case .significantNow: return "**now significant at 5%**"
        case .notSignificantNow: return "**no longer significant at 5%**"
        }
    }
}

/// The figures of a correlation that are compared, with how the report prints them.
enum CorrelationFigure: String, CaseIterable {
    case n, pearsonR = "pearson_r", spearmanRho = "spearman_rho", ciLow = "ci_low", ciHigh = "ci_high"
    case pValue = "p_value"

    func value(_ record: CorrelationRecord) -> Double? {
        switch self {
        case .n: return record.n.map(Double.init)
        case .pearsonR: return record.pearsonR
        case .spearmanRho: return record.spearmanRho
        case .ciLow: return record.ciLow
        case .ciHigh: return record.ciHigh
        case .pValue: return record.pValue
        }
    }

    func text(_ value: Double?) -> String {
        switch self {
        case .n: return HumanNumbers.whole(value)
        case .pValue: return HumanNumbers.pValue(value)
        default: return HumanNumbers.coefficient(value)
        }
    }
}

public struct CorrelationChange: Sendable, Equatable {
    public var old: CorrelationRecord
    public var new: CorrelationRecord
    /// Figures (`n`, `pearson_r`, `spearman_rho`, `ci_low`, `ci_high`, `p_value`) that
    /// changed under the threshold.
    public var figures: [String]
    public var notes: [CorrelationNote]
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
            let figures = CorrelationFigure.allCases.filter { figure in
                !options.same(figure.value(before), figure.value(after), text: figure.text)
            }
            let notes = Self.notes(old: before, new: after)
            if figures.isEmpty && notes.isEmpty {
                unchanged += 1
            } else {
                changed.append(CorrelationChange(old: before, new: after, figures: figures.map(\.rawValue),
                                                 notes: notes))
            }
        }
        return CorrelationComparison(changed: changed, added: match.onlyNew, removed: match.onlyOld,
                                     unchangedCount: unchanged)
    }

    static func notes(old: CorrelationRecord, new: CorrelationRecord) -> [CorrelationNote] {
        var notes: [CorrelationNote] = []
        switch (old.pearsonR, new.pearsonR) {
        case (let before?, let after?):
            let printsZero = { (r: Double) in HumanNumbers.coefficient(abs(r)) == HumanNumbers.coefficient(0) }
            if !printsZero(before), !printsZero(after), (before < 0) != (after < 0) { notes.append(.signChanged) }
        case (nil, .some): notes.append(.rNowDefined)
        case (.some, nil): notes.append(.rNowUndefined)
        case (nil, nil): break
        }
        if old.strength != new.strength { notes.append(.strengthChanged) }
        if let before = old.pValue, let after = new.pValue, (before < 0.05) != (after < 0.05) {
            notes.append(after < 0.05 ? .significantNow : .notSignificantNow)
        }
        return notes
    }
}
