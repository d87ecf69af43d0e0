import PropertyBased
import Tabular
import Testing
import VFMCore
@testable import Returns

/// `ingest/returns.csv` is written cell by cell from each return where it lies (no copy of
/// the return, counts walked by their bits). A row must be what its fields give through
/// `CSVLineEncoder.append(_:)`: every canonical column's `field(for:)`, the extra cells,
/// the proportions given joined by `;`, then `file:line`.
struct ReturnRowBytesTests {
    static let numbers: [Double] = [0, -0.0, 1, -7, 0.5, 1.0 / 3.0, 1e15, 1e16, -1e-5, 999_999_999_999_999.5, 263_132]
    static let texts = ["", "Leeds", "=SUM(A1)", "-12.5", "-cmd", "a,b", "\"q\"", "two\nlines", "'=x", "£1", "é"]

    @Test("a return's row written straight from it is its fields, in header order")
    func rowBytes() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int.max).array(of: 60)) { draws in
            var next = draws.makeIterator()
            func draw() -> Int { next.next() ?? 0 }
            func text() -> String { Self.texts[draw() % Self.texts.count] }
            func number() -> Double { draw() % 3 == 0 ? Double(draw() % 100_000) / 8 : Self.numbers[draw() % Self.numbers.count] }
            var counts = CountValues()
            for column in CountValues.columns where draw() % 2 == 0 { counts[column] = number() }
            let extras = ["region", "=note"]
            var row = ServiceReturn(
                source: VFMCore.SourceLocation(file: text(), line: draw() % 1000), authority: text(), service: text(),
                period: draw() % 2 == 0 ? nil : text(), model: draw() % 2 == 0 ? nil : text(),
                evidenceBase: EvidenceBase(label: draw() % 2 == 0 ? nil : text()), totalCost: number(),
                peopleSupported: draw() % 500, counts: counts,
                reportedCostPerPerson: draw() % 2 == 0 ? nil : number(),
                reportedCostPerOutcome: draw() % 2 == 0 ? nil : number(),
                extraColumns: extras.map { ExtraCell(header: $0, value: draw() % 2 == 0 ? nil : text()) })
            if draw() % 3 == 0 { row.extraColumns.reverse() }  // matched by name, not position
            row.proportionsGiven = Array(CountValues.columns.filter { _ in draw() % 5 == 0 }.prefix(3))

            var direct = CSVLineEncoder(), byField = CSVLineEncoder()
            withUnsafePointer(to: row) { ReturnsCSV.encode($0, extras: extras, into: &direct) }
            for column in ReturnColumn.allCases { byField.append(row.field(for: column)) }
            for name in extras { byField.append(.text(ExtraCell.value(in: row.extraColumns, named: name))) }
            byField.append(.text(row.proportionsGiven.map(\.rawValue).joined(separator: ";")))
            byField.append(.text(row.source.description))
            #expect(direct.bytes == byField.bytes && direct.cellCount == ReturnsCSV.header(extras: extras).count)
            for column in CountValues.columns { #expect(row.field(for: column) == .number(row.counts[column])) }
        }
    }
}
