import Tabular
import Testing
import VFMCore
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

struct CanonicalCellsTests {
    @Test("a return's canonical cells are written as the fields of its columns, in column order")
    func cellsFollowFields() {
        var counts = CountValues()
        counts[.clientsLD] = 3
        counts[.outcomesTotal] = 2.5
        counts[.outcomes40plus] = 0
        let row = ServiceReturn(
            source: SourceLocation(file: "a.csv", line: 2), authority: "=Leeds", service: "Jobs, Ltd", period: nil,
            model: "IPS", evidenceBase: .unrecognised("maybe"), totalCost: 1730.5, peopleSupported: 12, counts: counts,
            reportedCostPerPerson: 0.1, reportedCostPerOutcome: nil, extraColumns: [])
        var direct = CSVLineEncoder(), byField = CSVLineEncoder()
        row.encodeCanonicalCells(into: &direct)
        for column in ReturnColumn.allCases { byField.append(row.field(for: column)) }
        #expect(direct.bytes == byField.bytes && direct.cellCount == ReturnColumn.allCases.count)
        // Written out by hand: the first seven columns, then clients_ld = 3 among the counts.
        #expect(String(decoding: direct.bytes, as: UTF8.self).hasPrefix("'=Leeds,\"Jobs, Ltd\",,IPS,maybe,1730.5,12,3,"))
    }
}
