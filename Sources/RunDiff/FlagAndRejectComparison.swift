import Foundation
import VFMCore
/// Flags of both runs, keyed by service, rule and metric: a flag whose value merely moved
/// is the same flag; one raised or cleared is listed.
public struct FlagComparison: Sendable {
    public var new: [FlagRecord]
    public var resolved: [FlagRecord]
    public var unchangedCount: Int

    public var hasDifferences: Bool { !new.isEmpty || !resolved.isEmpty }

    init() {
        new = []
        resolved = []
        unchangedCount = 0
    }

    /// The flags of one service key in both runs (`PerServiceTables.compare`).
    mutating func compareGroup(old: [FlagRecord], new: [FlagRecord]) {
        let match = KeyedMatch(old: old, new: new) { [$0.rule, $0.metric] }
        self.new += match.onlyNew
        resolved += match.onlyOld
        unchangedCount += match.pairs.count
    }

    /// Orders what the groups gathered by service, rule and metric.
    mutating func finish() {
        let order = { (lhs: FlagRecord, rhs: FlagRecord) -> Bool in
            if lhs.service != rhs.service { return lhs.service < rhs.service }
            if let order = ByteOrder.compare(lhs.rule, rhs.rule) { return order }
            return ByteOrder.precedes(lhs.metric, rhs.metric)
        }
        new.sort(by: order)
        resolved.sort(by: order)
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

    /// A rejected row's cells as compared: each without surrounding white space and
    /// without the empty cells a spreadsheet's wider used range adds at the end, so that
    /// the same row re-saved (or read from a file that gained an empty column) is the same
    /// rejected row, not one new and one resolved.
    static func comparable(_ cells: [String]) -> [String] {
        var trimmed = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        return trimmed
    }

    static func compare(old: [RejectRecord], new: [RejectRecord]) -> RejectComparison {
        let match = KeyedMatch(old: old, new: new) { [$0.rule] + Self.comparable($0.rawCells) }
        let order = { (lhs: RejectRecord, rhs: RejectRecord) -> Bool in
            if let order = ByteOrder.compare(lhs.sourceFile, rhs.sourceFile) { return order }
            let left = Int(lhs.line) ?? 0, right = Int(rhs.line) ?? 0
            if left != right { return left < right }
            return ByteOrder.precedes(lhs.rule, rhs.rule)
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

    init() {
        changed = []
        unchangedCount = 0
    }

    /// The benchmark rows of one service key in both runs (`PerServiceTables.compare`).
    /// Rows of services only one run has are left out: the services section lists them.
    mutating func compareGroup(old: [BenchmarkRecord], new: [BenchmarkRecord]) {
        let match = KeyedMatch(old: old, new: new) { $0.metric }
        for (before, after) in match.pairs {
            if before.allBand != after.allBand || before.evidenceBand != after.evidenceBand {
                changed.append(BenchmarkChange(old: before, new: after))
            } else {
                unchangedCount += 1
            }
        }
    }

    /// Orders what the groups gathered by service, then metric.
    mutating func finish() {
        changed.sort { lhs, rhs in
            if lhs.new.service != rhs.new.service { return lhs.new.service < rhs.new.service }
            return ByteOrder.precedes(lhs.new.metric, rhs.new.metric)
        }
    }
}
