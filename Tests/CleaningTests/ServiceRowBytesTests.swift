import PipelineDefinition
import PropertyBased
import Returns
import Tabular
import Testing
import VFMCore
@testable import Cleaning

/// `clean/services.csv` is written cell by cell from each service where it lies (no copy
/// of the service, no `CSVField` per cell). A row must be what its fields give through
/// `CSVLineEncoder.append(_:)` — the fields as the report's in-process reader sees them
/// (`ServicesFileColumns`), the rule list as the distinct rule ids in the order raised.
struct ServiceRowBytesTests {
    typealias Draws = FlagRowBytesTests.Draws

    /// A service with every kind of cell drawn: hostile text, missing and present counts,
    /// missing and odd derived figures (worked out from the drawn counts, cost and people,
    /// which may be 0 or negative), extra columns, repeated rules among its flags.
    static func service(_ draws: inout Draws, extras: [String]) -> CleanedService {
        var counts = CountValues()
        for column in CountValues.columns where draws.next() % 3 == 0 { counts[column] = draws.number() }
        var input = ServiceReturn(
            source: VFMCore.SourceLocation(file: draws.text(), line: draws.next() % 1_000_000), authority: draws.text(),
            service: draws.text(), period: draws.bool() ? nil : draws.text(), model: draws.bool() ? nil : draws.text(),
            evidenceBase: EvidenceBase(label: draws.bool() ? nil : draws.pick(["IPS fidelity", "no", draws.text()])),
            totalCost: draws.number(), peopleSupported: draws.next() % 100_000 - 50, counts: counts,
            reportedCostPerPerson: draws.optionalNumber(), reportedCostPerOutcome: draws.optionalNumber(),
            extraColumns: extras.map { ExtraCell(header: $0, value: draws.bool() ? nil : draws.text()) })
        if draws.next() % 2 == 0 { input.extraColumns.reverse() }
        input.proportionsGiven = (0..<(draws.next() % 3)).map { _ in draws.pick(ReturnColumn.allCases) }
        let flags = (0..<(draws.next() % 6)).map { _ in
            ServiceFlag(rule: draws.pick([.outlier, .clientCountMismatch, .duplicate, .proportionGiven]), metric: nil,
                        value: nil, threshold: nil, detail: .text(""))
        }
        return CleanedService(input: input, flags: flags, excludedFromStatistics: draws.bool())
    }

    /// The distinct rule ids of `flags` in the order raised, joined by `;` (SPEC §7).
    static func ruleList(_ flags: [ServiceFlag]) -> String {
        var seen: [FlagRule] = []
        for flag in flags where !seen.contains(flag.rule) { seen.append(flag.rule) }
        return seen.map(\.rawValue).joined(separator: ";")
    }

    @Test("a service's row written straight from it is its fields, in header order")
    func rowBytes() async {
        await propertyCheck(count: 2000, input: FlagRowBytesTests.draws) { values in
            var draws = Draws(values: values)
            let extras = (0..<(draws.next() % 3)).map { "extra \($0) \(draws.text())" }
            // The second service may carry the extra columns in another order: matched by name.
            let services = [Self.service(&draws, extras: extras), Self.service(&draws, extras: extras)]
            let columns = ServicesFileColumns(services)
            let names = ServicesCSV.extraColumnNames(services)
            for row in services.indices {
                var direct = CSVLineEncoder(), byField = CSVLineEncoder()
                withUnsafePointer(to: services[row]) { ServicesCSV.encode($0, extras: names, into: &direct) }
                for column in columns.header.indices { byField.append(columns.field(services, row, at: column)) }
                #expect(direct.bytes == byField.bytes && direct.cellCount == columns.header.count)
                #expect(columns.field(services, row, at: columns.header.count - 1)
                        == .text(Self.ruleList(services[row].flags)))
            }
            // The derived cells, field by field, against the measures themselves.
            let d = services[0].derived
            let numbers = [d.jobOutcomes, d.outcomeRate, d.costPerPerson, d.costPerOutcome, d.gainedShare,
                           d.retainedShare, d.selfEmployedShare, d.ldShare, d.mhShare]
            for (index, number) in numbers.enumerated() {
                #expect(ServicesCSV.derivedField(d, excluded: false, current: true, at: index) == .number(number))
            }
        }
    }

    @Test("the rule list names each rule once, in the order first raised", arguments: [
        ([FlagRule](), ""), ([.outlier], "outlier"), ([.outlier, .duplicate, .outlier], "outlier;duplicate"),
        ([.duplicate, .duplicate, .proportionGiven, .outlier, .proportionGiven], "duplicate;proportion-given;outlier"),
    ])
    func ruleListByHand(rules: [FlagRule], expected: String) {
        let flags = rules.map { ServiceFlag(rule: $0, metric: nil, value: nil, threshold: nil, detail: .text("")) }
        #expect(ServicesCSV.ruleList(flags) == expected)
    }
}
