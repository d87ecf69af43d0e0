import Returns
import VFMCore

/// The services whose key hashes meet, as both duplicate screens (`DuplicateScreen`,
/// `NearDuplicateScreen`) need them before comparing keys.
enum SharedHashes {
    /// Lists of two or more indices into `services` whose `hash` of the names (authority,
    /// service, period) is equal, each ascending (in no particular order of lists). The
    /// hashes are computed on all cores over contiguous pieces, each service's names read
    /// where they lie (a loop over `services[i]` copied every service, a retain and release
    /// of each of its texts; so did handing the hash its return, 0.11 s of CPU at 10⁶
    /// services, issue 30), then met in one
    /// pass in index order: the lists are the same on one core or many. Only the first
    /// index per hash is kept for every service, and a list only for hashes that meet: a
    /// million services add one dictionary of integers, not a million arrays.
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
        var first: [Int: Int] = [:]
        first.reserveCapacity(services.count)
        var candidates: [Int: [Int]] = [:]
        var index = 0
        for piece in hashes {
            for value in piece {
                let seen = first.firstOrInsert(value, index)
                if seen != index { candidates[seen, default: [seen]].append(index) }
                index += 1
            }
        }
        return Array(candidates.values)
    }
}

extension Dictionary where Value == Int {
    /// The value stored for `key`, storing `value` first when there is none — one lookup.
    fileprivate mutating func firstOrInsert(_ key: Key, _ value: Int) -> Int {
        func take(_ stored: inout Int) -> Int {
            if stored < 0 { stored = value }
            return stored
        }
        return take(&self[key, default: -1])
    }
}
