import Returns
import VFMCore

/// The stable row order of every clean output (SPEC §7): ingest's `ServiceReturn.stableOrder`
/// (authority, service, period, source file, line, by UTF-8 bytes; a missing period first).
enum CleanOrder {
    /// Sorts services into the clean order, comparing them where they lie (borrowed through
    /// the buffer, not copied out of the array) and moving each once (issue 12: no copies
    /// of a million services). Ingest hands its rows over in this order and clean keeps it
    /// (`IngestResult.returnsInStableOrder`: then `knownSorted` and nothing is done);
    /// otherwise the rows are checked first — n − 1 comparisons — and sorted only when out
    /// of order: an array already in order is what the stable sort would leave.
    static func sortServices(_ services: inout [CleanedService], knownSorted: Bool = false) {
        guard !knownSorted else { return }
        let order = services.withUnsafeBufferPointer { rows -> [Int]? in
            let sorted = rows.indices.dropFirst().allSatisfy { !ServiceReturn.stableOrder(rows[$0].input, rows[$0 - 1].input) }
            if sorted { return nil }
            return Parallel.sortedIndices(rows.count) { ServiceReturn.stableOrder(rows[$0].input, rows[$1].input) }
        }
        if let order { services.permute(to: order) }
    }

    /// Sorts `items` once by `precedes`: the positions are sorted, then each value is
    /// moved into place — the same order as `items.sort(by: precedes)`.
    static func sort<Item>(_ items: inout [Item], by precedes: (Item, Item) -> Bool) {
        let order = items.withUnsafeBufferPointer { items in items.indices.sorted { precedes(items[$0], items[$1]) } }
        items.permute(to: order)
    }
}
