import Testing
@testable import Reporting

/// `RuleCount` finds each row's kind among the kinds seen so far, and past a few dozen
/// kinds through an index: whichever way, the counts, the first examples of each kind and
/// the kinds' order must be those of counting into a dictionary row by row.
@Suite("flags and rejected rows counted by kind")
struct RuleCountTests {
    @Test("counts, examples and order equal a dictionary count, few kinds or many", arguments: [1, 5, 32, 33, 100])
    func sameAsDictionary(kinds: Int) {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        // Runs of one kind, as a service's flags come, and kinds in no order.
        var rows: [(kind: Int, id: Int)] = []
        while rows.count < 20_000 {
            let kind = next() % kinds
            for _ in 0..<(1 + next() % 4) { rows.append((kind, rows.count)) }
        }
        let counted = RuleCount(rows, key: { $0.kind }, text: { ["kind \($0)"] })
        var counts: [Int: Int] = [:], examples: [Int: [Int]] = [:]
        for row in rows {
            counts[row.kind, default: 0] += 1
            if examples[row.kind, default: []].count < ReportLimits.examplesPerRule { examples[row.kind, default: []].append(row.id) }
        }
        #expect(counted.counts == counts)
        #expect(counted.examples.mapValues { $0.map(\.id) } == examples)
        #expect(counted.keysSorted == counts.keys.sorted { "kind \($0)".utf8.lexicographicallyPrecedes("kind \($1)".utf8) })
    }
}
