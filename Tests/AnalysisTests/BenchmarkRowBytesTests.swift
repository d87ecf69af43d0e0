@testable import Analysis
import PipelineDefinition
import Tabular
import Testing

/// `tables/benchmark.csv` has a row per service and band metric, so `BenchmarkRow` writes
/// its cells straight into the encoder; they must be its `fields`, byte for byte.
struct BenchmarkRowBytesTests {
    @Test("a benchmark row written cell by cell is its fields, for hostile text, missing values and every band")
    func encodeIsFields() {
        let texts = ["Leeds", "=HYPERLINK(\"x\")", "'-1+1, \"quoted\"\nnext line", "-12.5", "+44", "£1,000", ""]
        let values: [Double?] = [nil, 0, -0.0, 1730.5, 1e15, 1.0 / 3.0, -1e-5, .nan]
        let bands: [BandPosition?] = [nil, .below, .within, .above]
        var rows = 0
        for (index, authority) in texts.enumerated() {
            let service = texts[(index + 3) % texts.count], period = index % 2 == 0 ? nil : texts[(index + 1) % texts.count]
            for metric in Metric.allCases {
                for value in values {
                    for allBand in bands {
                        let row = BenchmarkRow(authority: authority, service: service, period: period, metric: metric,
                                               value: value, allBand: allBand, evidenceBand: bands[(rows + 1) % bands.count])
                        var direct = CSVLineEncoder(), byField = CSVLineEncoder()
                        row.encode(into: &direct)
                        for field in row.fields { byField.append(field) }
                        #expect(direct.bytes == byField.bytes && direct.cellCount == BenchmarkRow.header.count)
                        rows += 1
                    }
                }
            }
        }
        #expect(rows == texts.count * Metric.allCases.count * values.count * bands.count)
    }
}
