@testable import Cleaning
import Returns
import Testing

/// A `clean/services.csv` written before SPEC §11 (no `current` column) still reads, so
/// that last year's published run can be named by `--previous`.
@Suite("clean/services.csv from before periods")
struct ServicesBeforePeriodsTests {
    @Test("the table without its current column reads back the same services, all current")
    func withoutCurrent() throws {
        var earlier = clean([makeReturn(period: "2011/12", line: 2), makeReturn(service: "Other", period: "2011/12", line: 3)]).services
        for index in earlier.indices { earlier[index].flags = [] }
        let text = ServicesCSV.render(earlier)
        // Drop the `current` cell (right after `excluded_from_statistics`) from every line.
        let old = text.split(separator: "\n").map { line in
            line.replacingOccurrences(of: ",current,", with: ",").replacingOccurrences(of: ",false,yes,", with: ",false,")
        }.joined(separator: "\n") + "\n"
        #expect(!old.contains("current") && old != text)
        let read = try ServicesCSV.parse(Array(old.utf8), file: "clean/services.csv")
        #expect(read == earlier)
        #expect(read.allSatisfy { $0.isCurrent })
    }
}
