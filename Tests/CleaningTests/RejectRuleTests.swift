import Cleaning
import Returns
import Testing
import VFMCore

@Suite("Reject rules (SPEC §5)")
struct RejectRuleTests {
    @Test("outcomes greater than people supported reject the row, naming both figures")
    func outcomesExceedPeople() throws {
        let row = makeReturn(people: 30, counts: [.outcomesGained: 30, .outcomesRetained: 10, .outcomesSelfEmployed: 1])
        let result = clean([row])
        #expect(result.services.isEmpty)
        let rejected = try #require(result.rejected.first)
        #expect(rejected.rule.rawValue == "outcomes-exceed-people-supported")
        #expect(rejected.message == "outcomes (41) exceed people supported (30)")
        #expect(rejected.source == SourceLocation(file: "returns.csv", line: 2))
    }

    @Test("job outcomes equal to people supported are accepted (and flagged as a 100% rate)")
    func outcomesEqualPeople() {
        let result = clean([makeReturn(people: 12, counts: [.outcomesTotal: 12])])
        #expect(result.rejected.isEmpty)
        #expect(result.services.first?.ruleIDs.contains("outcome-rate-100") == true)
    }

    @Test("a negative count rejects the row", arguments: [ReturnColumn.clientsLD, .support40plus, .outcomesRetained, .outcomesTotal])
    func negativeCount(column: ReturnColumn) throws {
        let result = clean([makeReturn(counts: [column: -3])])
        let rejected = try #require(result.rejected.first)
        #expect(rejected.rule.rawValue == "negative-count")
        #expect(rejected.message.contains(column.rawValue) && rejected.message.contains("-3"))
    }

    @Test("negative people supported is a negative count")
    func negativePeople() {
        #expect(clean([makeReturn(people: -1)]).rejected.first?.rule.rawValue == "negative-count")
    }

    @Test("a negative total or reported cost rejects the row")
    func negativeCost() {
        #expect(clean([makeReturn(totalCost: -5)]).rejected.first?.rule.rawValue == "negative-cost")
        #expect(clean([makeReturn(reportedCostPerPerson: -1)]).rejected.first?.rule.rawValue == "negative-cost")
        #expect(clean([makeReturn(reportedCostPerOutcome: -0.5)]).rejected.first?.rule.rawValue == "negative-cost")
    }

    @Test("a count too large to be people is rejected instead of overflowing a sum")
    func hugeCount() {
        let row = makeReturn(people: Int.max, counts: [.outcomesGained: Int.max, .outcomesRetained: Int.max,
                                                      .outcomesSelfEmployed: Int.max])
        #expect(clean([row]).rejected.first?.rule.rawValue == "value-out-of-range")
    }

    @Test("clean rejects move rows from accepted to rejected, so rows read = accepted + rejected per file")
    func rowAccounting() throws {
        let ingestReject = RejectedRow(source: SourceLocation(file: "a.csv", line: 3), rule: .requiredMissing,
                                       message: "`total_cost` is missing", column: .totalCost, record: ["x"])
        let rows = [
            makeReturn(service: "One", file: "a.csv", line: 2),
            makeReturn(service: "Two", file: "a.csv", line: 4, people: 5, counts: [.outcomesTotal: 6]),
            makeReturn(service: "Three", file: "b.csv", line: 2, totalCost: -1),
            makeReturn(service: "Four", file: "b.csv", line: 3),
        ]
        let result = CleanStage.run(makeIngest(rows, rejected: [ingestReject]), pipeline: makePipeline(),
                                    log: StageLog(quiet: true))
        let a = try #require(result.files.first { $0.path == "a.csv" })
        let b = try #require(result.files.first { $0.path == "b.csv" })
        #expect((a.rowsRead, a.rowsAccepted, a.rowsRejected) == (3, 1, 2))
        #expect((b.rowsRead, b.rowsAccepted, b.rowsRejected) == (2, 1, 1))
        // ingest's and clean's rejects together, in (source file, line) order
        #expect(result.rejected.map(\.source.description) == ["a.csv:3", "a.csv:4", "b.csv:2"])
        #expect(result.services.count == 2)
    }

    @Test("a clean reject carries the row's values as text: canonical columns, then extras")
    func recordCells() throws {
        let row = makeReturn(authority: "Eastham", service: "=Jobs", totalCost: 1_730.5, people: 3,
                             counts: [.outcomesTotal: 4], extras: [ExtraCell(header: "region", value: "North")])
        let rejected = try #require(clean([row]).rejected.first)
        #expect(rejected.record.count == ReturnColumn.allCases.count + 1)
        #expect(Array(rejected.record.prefix(7)) == ["Eastham", "=Jobs", "2012/13", "", "", "1730.5", "3"])
        #expect(rejected.record.last == "North")
    }
}

@Suite("a clean reject names the cell at fault")
struct RejectCellTests {
    @Test("a negative count names its canonical column and the value as ingest normalised it")
    func negativeCount() throws {
        let rejected = try #require(clean([makeReturn(people: 5, counts: [.clientsMH: -2])]).rejected.first)
        #expect(rejected.rule == .negativeCount)
        #expect(rejected.column == .clientsMH)
        #expect(rejected.value == "-2")
    }

    @Test("outcomes exceeding people supported is a whole-row rule: no column, no value")
    func wholeRow() throws {
        let rejected = try #require(clean([makeReturn(people: 5, counts: [.outcomesTotal: 6])]).rejected.first)
        #expect(rejected.rule == .outcomesExceedPeopleSupported)
        #expect(rejected.column == nil && rejected.value == nil)
    }
}
