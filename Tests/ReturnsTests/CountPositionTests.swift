import Testing
@testable import Returns

struct CountPositionTests {
    @Test("each optional count column's position is its place among the count columns in column order")
    func positionsFollowColumnOrder() {
        // SPEC §4's count columns but people_supported, in the order they are declared.
        let counts = ReturnColumn.allCases.filter { $0.kind == .count && $0 != .peopleSupported }
        #expect(counts.count == 24)
        for (position, column) in counts.enumerated() { #expect(column.countPosition == position, "\(column)") }
        for column in ReturnColumn.allCases where !counts.contains(column) { #expect(column.countPosition == nil, "\(column)") }
        #expect(CountValues.columns == counts)
    }

    @Test("a count stored under one column is read back from that column only")
    func storesByColumn() {
        var values = CountValues()
        values[.outcomesTotal] = 9
        values[.clientsLD] = 1.5
        #expect(values[.outcomesTotal] == 9 && values[.clientsLD] == 1.5 && values[.clientsMH] == nil)
        #expect(values[.totalCost] == nil)
    }
}
