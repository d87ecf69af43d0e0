import Testing
@testable import Returns

@Suite("Count values")
struct CountValuesTests {
    @Test("each optional count column has its own slot, in column order, and no other column has one")
    func slotsFollowColumns() {
        #expect(CountValues.columns.count == CountValues.slotCount)
        for (position, column) in CountValues.columns.enumerated() {
            #expect(CountValues.slot(of: column) == position, "\(column)")
        }
        for column in ReturnColumn.allCases where !CountValues.columns.contains(column) {
            #expect(CountValues.slot(of: column) == nil, "\(column)")
        }
    }

    @Test("a count set is read back, a missing one is nil, and other columns are ignored")
    func readsBackWhatWasSet() {
        var counts = CountValues()
        counts[.outcomesTotal] = 12.5
        counts[.clientsLD] = 0
        counts[.peopleSupported] = 3
        #expect(counts[.outcomesTotal] == 12.5)
        #expect(counts[.clientsLD] == 0)
        #expect(counts[.clientsMH] == nil)
        #expect(counts[.peopleSupported] == nil)
        var same = CountValues()
        same[.clientsLD] = 0
        same[.outcomesTotal] = 12.5
        #expect(counts == same)
        same[.outcomesTotal] = nil
        #expect(counts != same)
    }
}

extension CountValuesTests {
    @Test("the first count that passes a test is found in column order, skipping missing ones")
    func firstInColumnOrder() {
        var counts = CountValues()
        counts[.outcomesOther] = -2
        counts[.clientsMH] = -1
        counts[.supportLT7] = 5
        #expect(counts.first(where: { $0 < 0 })?.column == .clientsMH)
        #expect(counts.first(where: { $0 > 4 })?.count == 5)
        #expect(counts.first(where: { $0.isNaN }) == nil)
    }
}
