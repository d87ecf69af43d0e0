import VFMCore

/// The stable row order of every clean output (SPEC §7): authority, service, period,
/// source file, line — compared by UTF-8 bytes, so it does not depend on locale or on
/// the order of the input files. A missing period sorts before any period.
enum CleanOrder {
    static func servicePrecedes(_ a: CleanedService, _ b: CleanedService) -> Bool {
        let left = a.input, right = b.input
        if left.authority != right.authority { return bytesPrecede(left.authority, right.authority) }
        if left.service != right.service { return bytesPrecede(left.service, right.service) }
        if left.period != right.period {
            guard let lp = left.period else { return true }
            guard let rp = right.period else { return false }
            return bytesPrecede(lp, rp)
        }
        return left.source < right.source
    }

    /// Sorts `items` once by `precedes`, moving each (large) value once: the positions are
    /// sorted, then gathered — the same order as `items.sort(by: precedes)`.
    static func sort<Item>(_ items: inout [Item], by precedes: (Item, Item) -> Bool) {
        let order = items.indices.sorted { precedes(items[$0], items[$1]) }
        items = order.map { items[$0] }
    }

    private static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
