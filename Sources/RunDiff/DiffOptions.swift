import OrderedCollections
/// When two figures count as the same (SPEC §3 `vfm-diff`).
public enum DiffThreshold: Sendable, Equatable {
    /// The default: a figure changed when its printed text (the report's rounding, through
    /// `HumanNumbers`) changed, so no listed row ever shows the same old and new text.
    case printed
    /// `--tolerance REL`: changed when |new − old| > REL · max(|old|, |new|) on the
    /// full-precision values (a missing and a present figure always differ).
    case relative(Double)
    /// `--all`: every figure that moved at all.
    case any
}

public struct DiffOptions: Sendable, Equatable {
    public var threshold: DiffThreshold

    public init(threshold: DiffThreshold = .printed) {
        self.threshold = threshold
    }

    /// True when `old` and `new` are the same figure under the threshold; `text` is how
    /// the report prints a value. Two missing figures are the same, a missing and a
    /// present one are not.
    func same(_ old: Double?, _ new: Double?, text: (Double?) -> String) -> Bool {
        switch (old, new) {
        case (nil, nil): return true
        case (let before?, let after?):
            switch threshold {
            case .printed: return text(before) == text(after)
            case .relative(let tolerance): return abs(after - before) <= tolerance * max(abs(before), abs(after))
            case .any: return before == after
            }
        default: return false
        }
    }

    /// Words for the summary: how figures were compared.
    var description: String {
        switch threshold {
        case .printed: return "figures are listed when they change as the report prints them"
        case .relative(let tolerance):
            return "figures are listed when they move by more than \(tolerance) relative (full precision)"
        case .any: return "every figure that moved at all is listed (--all)"
        }
    }
}

/// Keys of both runs in a stable order: the new run's order (which follows the pipeline,
/// as the report does), then keys only the old run has, in its order.
func unionInOrder<Key: Hashable>(new: [Key], old: [Key]) -> [Key] {
    OrderedSet(new + old).elements
}

/// Pairs up records that share a key, as many times as the key occurs in both runs
/// (duplicate services are kept and flagged, so a key can occur more than once); the
/// rest are only in the old or only in the new run. Within a key, records pair in the
/// order given.
struct KeyedMatch<Record> {
    var pairs: [(old: Record, new: Record)] = []
    var onlyOld: [Record] = []
    var onlyNew: [Record] = []

    init<Key: Hashable>(old: [Record], new: [Record], key: (Record) -> Key) {
        let (oldByKey, oldOrder) = Self.grouped(old, key)
        let (newByKey, newOrder) = Self.grouped(new, key)
        for k in unionInOrder(new: newOrder, old: oldOrder) {
            let olds = oldByKey[k] ?? []
            let news = newByKey[k] ?? []
            let common = min(olds.count, news.count)
            for index in 0..<common { pairs.append((olds[index], news[index])) }
            onlyOld += olds.dropFirst(common)
            onlyNew += news.dropFirst(common)
        }
    }

    /// Records by key, and the keys in first-seen order.
    private static func grouped<Key: Hashable>(_ records: [Record], _ key: (Record) -> Key)
        -> (byKey: [Key: [Record]], order: [Key]) {
        var byKey: [Key: [Record]] = [:]
        var order: [Key] = []
        for record in records {
            let k = key(record)
            if byKey[k] == nil { order.append(k) }
            byKey[k, default: []].append(record)
        }
        return (byKey, order)
    }
}
