import Returns
import VFMCore

/// The stable row order of every clean output (SPEC §7): authority, service, period,
/// source file, line — compared by UTF-8 bytes, so it does not depend on locale or on
/// the order of the input files. A missing period sorts before any period.
enum CleanOrder {
    static func returnPrecedes(_ left: borrowing ServiceReturn, _ right: borrowing ServiceReturn) -> Bool {
        if let order = ByteOrder.compare(left.authority, right.authority) { return order }
        if let order = ByteOrder.compare(left.service, right.service) { return order }
        switch (left.period, right.period) {
        case (nil, nil): break
        case (nil, _): return true
        case (_, nil): return false
        case let (lp?, rp?): if let order = ByteOrder.compare(lp, rp) { return order }
        }
        return left.source < right.source
    }

    /// Sorts services into the clean order, comparing them where they lie and moving each
    /// once (issue 12: no copies of a million services).
    static func sortServices(_ services: inout [CleanedService]) {
        let order = services.indices.sorted { returnPrecedes(services[$0].input, services[$1].input) }
        permute(&services, to: order)
    }

    /// Sorts `items` once by `precedes`: the positions are sorted, then each value is
    /// moved into place — the same order as `items.sort(by: precedes)`.
    static func sort<Item>(_ items: inout [Item], by precedes: (Item, Item) -> Bool) {
        let order = items.indices.sorted { precedes(items[$0], items[$1]) }
        permute(&items, to: order)
    }

    /// Rearranges `items` in place so that position k holds what was at `order[k]`
    /// (`order` a permutation of the indices), by following its cycles with swaps.
    static func permute<Item>(_ items: inout [Item], to order: [Int]) {
        var order = order
        for start in order.indices where order[start] != start {
            var current = start
            while order[current] != start {
                let next = order[current]
                items.swapAt(current, next)
                order[current] = current
                current = next
            }
            order[current] = current
        }
    }
}
