import Cleaning
import Returns
import Testing

@Suite("Duplicate (authority, service, period)")
struct DuplicateTests {
    let rows = [
        makeReturn(authority: "Leeds", service: "Pathways", file: "b.csv", line: 7, totalCost: 1),
        makeReturn(authority: "leeds ", service: "PATHWAYS", file: "a.csv", line: 9, totalCost: 2),
        makeReturn(authority: "Leeds", service: "Pathways", period: "2013/14", file: "a.csv", line: 3, totalCost: 3),
        makeReturn(authority: "Leeds", service: "Pathways", file: "a.csv", line: 12, totalCost: 4),
    ]

    @Test("keep-all keeps every duplicate and flags each, naming the others")
    func keepAll() throws {
        let result = clean(rows)
        #expect(result.services.count == 4)
        let flagged = result.services.filter { $0.flag(.duplicate) != nil }
        #expect(Set(flagged.map(\.input.source.description)) == ["a.csv:9", "a.csv:12", "b.csv:7"])
        let first = try #require(flagged.first { $0.input.source.line == 9 })
        #expect(first.flag(.duplicate)?.message == "same authority, service and period as a.csv:12, b.csv:7")
    }

    @Test("keep-first keeps the first by (source file, line) and rejects the others")
    func keepFirst() {
        let result = clean(rows, pipeline: makePipeline(duplicatePolicy: .keepFirst))
        #expect(result.services.map(\.input.totalCost).sorted() == [2, 3])   // a.csv:9 and the 2013/14 row
        #expect(result.rejected.map(\.source.description) == ["a.csv:12", "b.csv:7"])
        #expect(result.rejected.allSatisfy { $0.rule == .duplicate && $0.message.contains("a.csv:9") })
        #expect(result.services.allSatisfy { $0.flags.isEmpty })
    }

    @Test("a missing period duplicates only another missing period")
    func missingPeriod() {
        let result = clean([makeReturn(period: nil, line: 2), makeReturn(period: nil, line: 3),
                            makeReturn(period: "2012/13", line: 4)])
        #expect(result.services.filter { $0.flag(.duplicate) != nil }.map(\.input.source.line) == [2, 3])
    }

    @Test("rows rejected for other reasons are not duplicates")
    func rejectedRowsAreNotDuplicates() {
        let result = clean([makeReturn(line: 2), makeReturn(line: 3, totalCost: -1)])
        #expect(result.services.first?.flags.isEmpty == true)
    }

    @Test("non-ASCII names match when they are the same text: composed or not, non-breaking spaces trimmed")
    func nonASCIINames() {
        // "Séquence" with é precomposed (U+00E9) and as e + U+0301; "\u{00A0}Leeds" trims
        // to "leeds" (U+00A0 is in whitespacesAndNewlines); "Leéds" is another authority.
        let result = clean([
            makeReturn(authority: "Leeds", service: "S\u{00E9}quence", line: 2),
            makeReturn(authority: "\u{00A0}LEEDS", service: "Se\u{0301}quence", line: 3),
            makeReturn(authority: "Le\u{00E9}ds", service: "S\u{00E9}quence", line: 4),
        ])
        #expect(result.services.filter { $0.flag(.duplicate) != nil }.map(\.input.source.line).sorted() == [2, 3])
    }
}
