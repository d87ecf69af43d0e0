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

    private static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
