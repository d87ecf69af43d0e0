import Foundation
import Testing

/// Compares a CSV table we wrote with an expected one cell by cell: the same header and
/// shape, text cells equal, numeric cells within a relative tolerance, and empty cells
/// (undefined figures) exactly where the reference has them.
enum TableComparison {
    static func expectEqual(_ actual: String, _ expected: String, relativeTolerance: Double = 1e-12,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = SimpleCSV(actual), theirs = SimpleCSV(expected)
        #expect(ours.header == theirs.header, sourceLocation: sourceLocation)
        #expect(ours.records.count == theirs.records.count, "row count", sourceLocation: sourceLocation)
        for (rowIndex, (mine, reference)) in zip(ours.records, theirs.records).enumerated() {
            #expect(mine.count == reference.count, "row \(rowIndex + 2) width", sourceLocation: sourceLocation)
            for (column, (a, b)) in zip(ours.header, zip(mine, reference)) {
                let place = "row \(rowIndex + 2) `\(column)`: ours \(a), reference \(b)"
                if let x = Double(a), let y = Double(b) {
                    let scale = max(abs(x), abs(y), 1e-300)
                    #expect(abs(x - y) <= relativeTolerance * scale || abs(x - y) < 1e-15, "\(place)",
                            sourceLocation: sourceLocation)
                } else {
                    #expect(a == b, "\(place)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
