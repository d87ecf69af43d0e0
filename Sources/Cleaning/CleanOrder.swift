import Returns
import VFMCore

/// The stable row order of every clean output (SPEC §7): ingest's `ServiceReturn.stableOrder`
/// (authority, service, period, source file, line, by UTF-8 bytes; a missing period first).
enum CleanOrder {
    /// Sorts services into the clean order, comparing them where they lie and moving each
    /// once (issue 12: no copies of a million services).
    static func sortServices(_ services: inout [CleanedService]) {
        let order = services.indices.sorted { ServiceReturn.stableOrder(services[$0].input, services[$1].input) }
        services.permute(to: order)
    }

    /// Sorts `items` once by `precedes`: the positions are sorted, then each value is
    /// moved into place — the same order as `items.sort(by: precedes)`.
    static func sort<Item>(_ items: inout [Item], by precedes: (Item, Item) -> Bool) {
        let order = items.indices.sorted { precedes(items[$0], items[$1]) }
        items.permute(to: order)
    }
}
