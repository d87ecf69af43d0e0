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
}
