/// When two figures count as the same.
public struct DiffOptions: Sendable, Equatable {
    /// Headline figures are unchanged when |new − old| ≤ relativeTolerance · max(|old|, |new|).
    /// The default ignores floating-point noise only: any change in the data shows.
    public var relativeTolerance: Double
    /// A correlation is listed when its Pearson r moved by more than this (absolute), even
    /// if sign, strength word, CI-vs-0 and n are unchanged. Default 0.01: r is reported to
    /// two decimals (SPEC §7), so a smaller move cannot change what a reader sees.
    public var rTolerance: Double

    public static let defaultRelativeTolerance = 1e-9
    public static let defaultRTolerance = 0.01

    public init(relativeTolerance: Double = DiffOptions.defaultRelativeTolerance,
                rTolerance: Double = DiffOptions.defaultRTolerance) {
        self.relativeTolerance = relativeTolerance
        self.rTolerance = rTolerance
    }

    /// True when `old` and `new` are the same figure within the relative tolerance; two
    /// missing figures are the same, a missing and a present one are not.
    func same(_ old: Double?, _ new: Double?) -> Bool {
        switch (old, new) {
        case (nil, nil): return true
        case (let old?, let new?):
            return abs(new - old) <= relativeTolerance * max(abs(old), abs(new))
        default: return false
        }
    }
}

/// Keys of both runs in a stable order: the new run's order (which follows the pipeline,
/// as the report does), then keys only the old run has, in its order.
func unionInOrder<Key: Hashable>(new: [Key], old: [Key]) -> [Key] {
    var seen = Set<Key>()
    var keys: [Key] = []
    for key in new + old where seen.insert(key).inserted { keys.append(key) }
    return keys
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
