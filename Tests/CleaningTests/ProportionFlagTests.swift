import Cleaning
import PipelineDefinition
import Returns
import Testing

@Suite("a return with proportions is kept and flagged proportion-given (SPEC §4)")
struct ProportionFlagTests {
    @Test("the flag names the columns given as percentages; fractional counts give fractional shares")
    func flagged() throws {
        var row = makeReturn(people: 37, counts: [.outcomesGained: 5, .outcomesRetained: 4, .outcomesSelfEmployed: 0])
        row.counts[.clientsLD] = 0.7372 * 37
        row.proportionsGiven = [.clientsLD]
        let service = try #require(clean([row], pipeline: makePipeline()).services.first)
        let flag = try #require(service.flag(.proportionGiven))
        #expect(flag.metric == "clients_ld" && flag.value == 1 && flag.severity == .info)
        #expect(flag.message.contains("`clients_ld` given as percentages"))
        // ld_share = (0.7372 · 37) / 37, which is 0.7372 up to the rounding of the product.
        let share = try #require(service.derived.ldShare)
        #expect(abs(share - 0.7372) <= 0.7372.ulp)
        #expect(service.derived.clientFocus == .learningDisability)
    }

    @Test("no percentages, no flag")
    func notFlagged() throws {
        let service = try #require(clean([makeReturn(counts: [.outcomesTotal: 3])], pipeline: makePipeline()).services.first)
        #expect(service.flag(.proportionGiven) == nil)
    }
}
