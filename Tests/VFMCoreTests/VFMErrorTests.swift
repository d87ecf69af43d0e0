import Testing
import VFMCore

struct VFMErrorTests {
    @Test("an error names file, line, column and what to do")
    func describesLocation() {
        let error = VFMError(.dataError, "required column is missing", file: "returns.csv", line: 1,
                             column: "total_cost", hint: "add the column or an accepted alias")
        #expect(error.description
            == "returns.csv:1: `total_cost`: required column is missing — add the column or an accepted alias")
        #expect(error.status.rawValue == 65)
    }

    @Test("exit statuses are the sysexits values of SPEC §3")
    func sysexits() {
        #expect(ExitStatus.usage.rawValue == 64)
        #expect(ExitStatus.noInput.rawValue == 66)
        #expect(ExitStatus.cannotCreateOutput.rawValue == 73)
        #expect(ExitStatus.ioError.rawValue == 74)
        #expect(ExitStatus.locked.rawValue == 75)
        #expect(ExitStatus.badPipeline.rawValue == 78)
    }

    @Test("source locations sort by file then line, not by text")
    func sourceOrder() {
        let locations = [SourceLocation(file: "b.csv", line: 2), SourceLocation(file: "a.csv", line: 10),
                         SourceLocation(file: "a.csv", line: 9)]
        #expect(locations.sorted().map(\.description) == ["a.csv:9", "a.csv:10", "b.csv:2"])
    }
}
