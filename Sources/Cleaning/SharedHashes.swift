import Returns
import StatisticsKernel
import VFMCore

/// The services whose key hashes meet, as both duplicate screens (`DuplicateScreen`,
/// `NearDuplicateScreen`) need them before comparing keys.
enum SharedHashes {
    /// Lists of two or more indices into `services` whose `hash` of the names (authority,
    /// service, period) is equal, each ascending (in no particular order of lists). The
    /// hashes are computed on all cores over contiguous pieces, each service's names read
    /// where they lie (a loop over `services[i]` copied every service, a retain and release
    /// of each of its texts; so did handing the hash its return, 0.11 s of CPU at 10⁶
    /// services, issue 30), then met by one stable sort of (hash, index): the lists (in
    /// order of hash) are the same on one core or many, and only hashes that meet make one.
    static func candidates(_ services: [CleanedService],
                           hash: (String, String, String?, inout [UInt8]) -> Int) -> [[Int]] {
        let pieces = services.count < 4_096 ? 1 : 4
        let hashes = services.withUnsafeBufferPointer { rows in
            Parallel.mapRanges(rows.count, pieces: pieces) { range -> [Int] in
                var scratch: [UInt8] = []
                return range.map { index in
                    hash(rows[index].input.authority, rows[index].input.service, rows[index].input.period, &scratch)
                }
            }
        }
        // Equal hashes made adjacent by one stable sort of (hash, index) — a dictionary of a
        // million first indices was a cache miss per service on one core (issue 30) — and
        // each run of two or more read off in index order.
        let count = hashes.reduce(0) { $0 + $1.count }
        guard count > 1, count <= Int(UInt32.max) else { return [] }
        var keys: [UInt64] = [], order = Array(0..<UInt32(count))
        keys.reserveCapacity(count)
        for piece in hashes { for value in piece { keys.append(UInt64(bitPattern: Int64(value))) } }
        SortOrder.sort(keys: &keys, carrying: &order)
        var candidates: [[Int]] = []
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, keys[end] == keys[start] { end += 1 }
            if end - start > 1 { candidates.append(order[start..<end].map { Int($0) }) }
            start = end
        }
        return candidates
    }
}
