import Testing
import VFMCore
@testable import Reporting

@Suite("Reading our own tables by header name")
struct RunTableReaderTests {
    @Test("columns are found by name whatever their position, and a missing column is nil")
    func byName() throws {
        let table = try RunTableReader.parse(Array("n,group,mean\n3,LD,1.5\n".utf8), file: "t.csv")
        let row = try #require(table.rows.first)
        #expect(row.text("group") == "LD")
        #expect(row.count("n") == 3)
        #expect(row.number("mean") == 1.5)
        #expect(row.number("sd") == nil)
        #expect(row.text("sd") == nil)
    }

    @Test("empty cells are missing, not zero")
    func emptyIsMissing() throws {
        let table = try RunTableReader.parse(Array("group,mean\nall,\n".utf8), file: "t.csv")
        #expect(table.rows.first?.number("mean") == nil)
        #expect(table.rows.first?.text("mean") == nil)
    }

    @Test("a neutralised name is restored, a quoted newline kept")
    func restoresNeutralisedText() throws {
        let table = try RunTableReader.parse(Array("service,value\n'=cmd,-12.5\n\"a\nb\",1\n".utf8), file: "t.csv")
        #expect(table.rows[0].text("service") == "=cmd")
        #expect(table.rows[0].number("value") == -12.5)
        #expect(table.rows[1].text("service") == "a\nb")
    }

    @Test("a damaged table is a data error naming the file and the line the quote opened on")
    func damaged() {
        do {
            _ = try RunTableReader.parse(Array("a,b\n\"open,1\n".utf8), file: "tables/x.csv")
            Issue.record("an unterminated quote was accepted")
        } catch {
            #expect(error.status == .dataError)
            #expect(error.file == "tables/x.csv")
            #expect(error.line == 2)
        }
    }
}
