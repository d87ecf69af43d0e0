@testable import Cleaning
import Returns
import Testing

/// A client group left empty because its column was carried as extra (issue 28).
@Suite("an empty LD or MH group whose column was not read is warned about, naming the extra columns")
struct EmptyGroupWarningTests {
    static func row(ld: Double?, extras: [ExtraCell], line: Int) -> ServiceReturn {
        var row = makeReturn(line: line)
        row.counts[.clientsLD] = ld
        row.counts[.clientsMH] = nil
        row.extraColumns = extras
        return row
    }

    @Test("no clients_ld or clients_mh anywhere and extra columns: both groups named with the extras")
    func bothMissing() {
        let extras = [ExtraCell(header: "Learning Dis", value: "12"), ExtraCell(header: "MH%", value: "5")]
        let result = clean([Self.row(ld: nil, extras: extras, line: 2), Self.row(ld: nil, extras: extras, line: 3)])
        #expect(result.warnings.count == 2)
        #expect(result.warnings.first?.hasPrefix("the LD group is empty: no return gives `clients_ld`") == true)
        #expect(result.warnings.allSatisfy { $0.contains("the columns carried as extra are `Learning Dis`, `MH%`") })
    }

    @Test("an LD group empty although clients_ld was read, or no extra column: nothing said")
    func honestEmpty() {
        let extras = [ExtraCell(header: "region", value: "North")]
        let withColumn = clean([Self.row(ld: 1, extras: extras, line: 2)])
        #expect(!withColumn.warnings.contains { $0.contains("LD group") })
        let noExtras = clean([Self.row(ld: nil, extras: [], line: 2)])
        #expect(noExtras.warnings.isEmpty)
    }
}
