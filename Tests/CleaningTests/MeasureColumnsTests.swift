import PipelineDefinition
import Returns
import Testing
import VFMCore
@testable import Cleaning

/// `measureColumns` fills every metric's column in one pass, in two halves on two cores
/// from 65,536 services: each column must hold, row by row, what the service gives for
/// that metric alone (`value(of:)`, NaN where missing), on both sides of the halves' cut;
/// and `clientFocuses`, cut the same way, each service's own client focus.
@Suite("measure columns, one core or two")
struct MeasureColumnsTests {
    @Test("each column is every service's own value of its metric", arguments: [3, 70_001])
    func columnsAreValues(count: Int) {
        var draws = ServiceRowBytesTests.Draws(values: (0..<4_096).map { ($0 &* 0x1E37_79B9_7F4A_7C15) & Int.max })
        let drawn = (0..<97).map { _ in ServiceRowBytesTests.service(&draws, extras: []) }
        // Services drawn with every kind of count (missing, zero, negative people), repeated
        // so that the halves differ in their rows but not in what they meet.
        let services = (0..<count).map { drawn[($0 * 31) % drawn.count] }
        let metrics = Metric.allCases
        let columns = services.measureColumns(metrics)
        #expect(columns.count == metrics.count)
        for (position, metric) in metrics.enumerated() {
            #expect(columns[position].count == count)
            let same = services.indices.allSatisfy { row in
                let expected = services[row].value(of: metric) ?? .nan
                return columns[position][row].bitPattern == expected.bitPattern
            }
            #expect(same, "\(metric)")
        }
        #expect(services.clientFocuses() == services.map(\.clientFocus))
    }
}
