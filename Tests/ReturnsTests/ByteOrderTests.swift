import Testing
@testable import Returns
import VFMCore

struct ByteOrderRankTests {
    @Test("ranks follow byte order and equal texts share a rank")
    func ranksInByteOrder() {
        // Byte order: "B" (0x42) < "a" (0x61) < "a b" < "ab" < "é" (0xC3 0xA9).
        #expect(ByteOrder.ranks(["ab", "a", "B", "ab", "é", "a b", "a"]) == [3, 1, 0, 3, 4, 2, 1])
        #expect(ByteOrder.ranks([]) == [])
    }

    @Test("texts equal as Strings but not byte for byte give no ranks")
    func canonicalEquivalents() {
        // U+00E9 and e + U+0301 are == as Swift Strings, different bytes.
        #expect(ByteOrder.ranks(["caf\u{E9}", "cafe\u{301}"]) == nil)
    }
}

struct StableSortTests {
    private static func row(_ authority: String, _ service: String, _ period: String?, line: Int) -> ServiceReturn {
        ServiceReturn(source: SourceLocation(file: "a.csv", line: line), authority: authority, service: service, period: period,
                      model: nil, evidenceBase: .notStated, totalCost: 1, peopleSupported: 1, counts: CountValues(),
                      reportedCostPerPerson: nil, reportedCostPerOutcome: nil, extraColumns: [])
    }

    @Test("returns are put in place by authority, service, period (missing first) and source, in byte order")
    func sortsInPlace() {
        var rows = [
            Self.row("Leeds", "b", "2013", line: 2), Self.row("York", "a", nil, line: 3), Self.row("Leeds", "b", nil, line: 4),
            Self.row("Bath", "z", "2012", line: 5), Self.row("Leeds", "a", "2012", line: 6), Self.row("Leeds", "b", "2013", line: 1),
            Self.row("bath", "a", nil, line: 7),
        ]
        ServiceReturn.sortStably(&rows)
        // "Bath" < "Leeds" < "York" < "bath" (upper case first in bytes); within Leeds/b:
        // no period, then 2013 from line 1 before line 2.
        #expect(rows.map(\.source.line) == [5, 6, 4, 1, 2, 3, 7])
    }

    @Test("the sort over keys gives the order of stableOrder, with services alike in their first 16 bytes and authorities that cannot be ranked",
          arguments: [false, true])
    func keysAgreeWithStableOrder(unranked: Bool) {
        var state: UInt64 = unranked ? 11 : 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // Authorities `café` twice over (U+00E9, and e + U+0301: equal Strings, different
        // bytes) leave the authorities unranked; services share 16-byte prefixes.
        let authorities = unranked ? ["caf\u{E9}", "cafe\u{301}", "Bath"] : ["Leeds", "Bath", "York"]
        let services = ["Supported Employment A", "Supported Employment B", "Supported Employment", "IPS", "Supported Employmen"]
        let rows = (0..<9_000).map { index in
            Self.row(authorities[next(authorities.count)], services[next(services.count)],
                     [nil, "2013", "2012"][next(3)], line: next(50))
        }
        var sorted = rows
        ServiceReturn.sortStably(&sorted)
        // Equal rows (same line too) keep their order: a stable sort's.
        let expected = rows.indices.sorted { a, b in
            if ServiceReturn.stableOrder(rows[a], rows[b]) { return true }
            if ServiceReturn.stableOrder(rows[b], rows[a]) { return false }
            return a < b
        }.map { rows[$0] }
        #expect(sorted == expected)
    }

    @Test("a sort that moves rows gives their counts and long names new storage, the values unchanged",
          arguments: [10, 70_001])
    func reallocatesInOrder(count: Int) {
        var rows = (0..<count).map { index in
            var row = Self.row("Authority \(index % 7)", "Service \(count - index), a name long enough for the heap",
                               index % 3 == 0 ? nil : "2013", line: index + 2)
            if index % 5 != 0 { row.counts[.outcomesTotal] = Double(index) }
            if index % 2 == 0 { row.counts[.clientsLD] = 0.5 }
            return row
        }
        func storage(_ row: ServiceReturn) -> (UnsafeRawPointer?, UnsafeRawPointer?) {
            (row.counts.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
             row.service.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil)
        }
        var before: [Int: (row: ServiceReturn, storage: (UnsafeRawPointer?, UnsafeRawPointer?))] = [:]
        for row in rows { before[row.source.line] = (row, storage(row)) }
        ServiceReturn.sortStably(&rows)
        for row in rows {
            guard let old = before[row.source.line] else {
                Issue.record("a row that was not there: line \(row.source.line)")
                continue
            }
            #expect(row == old.row)
            let (counts, name) = storage(row)
            if !row.counts.values.isEmpty { #expect(counts != old.storage.0, "line \(row.source.line): the counts' storage is new") }
            #expect(name != nil && name != old.storage.1, "line \(row.source.line): the name's storage is new")
        }
        // Already in order: nothing moves, nothing is allocated again.
        let sorted = rows, sortedStorage = rows.map(storage)
        ServiceReturn.sortStably(&rows)
        #expect(rows == sorted)
        #expect(rows.map(storage).elementsEqual(sortedStorage) { $0.0 == $1.0 && $0.1 == $1.1 })
    }
}

@Suite("byte order from 16-byte prefixes")
struct ByteOrderPrefixTests {
    @Test("where two prefixes differ they order the texts as their bytes do; equal prefixes say nothing")
    func prefixesAgree() {
        var state: UInt64 = 3
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let parts = ["a", "b", "\u{0}", "é", "Service ", "1", "9", " ", "z", "\u{10FFFF}"]
        let texts = (0..<400).map { _ in (0..<next(9)).map { _ in parts[next(parts.count)] }.joined() }
        var shuffler = LCG(state: 9)
        for (left, right) in zip(texts, texts.shuffled(using: &shuffler)) {
            let byPrefix = ByteOrder.Prefix.compare(ByteOrder.Prefix(left), ByteOrder.Prefix(right))
            if let byPrefix { #expect(ByteOrder.compare(left, right) == byPrefix, "\(left) vs \(right)") }
            if ByteOrder.compare(left, right) == nil { #expect(byPrefix == nil) }
        }
        // Hand-checked: a shorter text first; a NUL after a prefix only the full compare can place.
        #expect(ByteOrder.Prefix.compare(ByteOrder.Prefix("ab"), ByteOrder.Prefix("abc")) == true)
        #expect(ByteOrder.Prefix.compare(ByteOrder.Prefix("ab"), ByteOrder.Prefix("ab\u{0}")) == nil)
        #expect(ByteOrder.Prefix.compare(ByteOrder.Prefix("Service 0000000001"), ByteOrder.Prefix("Service 0000000002")) == nil)
    }

    struct LCG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }
}
