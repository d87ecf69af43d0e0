import PipelineDefinition
import PropertyBased
import Returns
import Tabular
import Testing
import VFMCore
@testable import Cleaning

/// `clean/flags.csv` is written straight into the encoder's bytes: a flag's message is
/// rendered there without becoming a `String` (`FlagDetail.appendMessage`), the flag's
/// cells without a `CSVField` each. These tests hold both to what the file held before
/// (issue 12): `Reference.message` is the message code as it was — `String`
/// interpolation of the same numbers — and a row is expected to be its `CSVField`s
/// through `CSVLineEncoder.append(_:)`, the path every other writer takes.
struct FlagRowBytesTests {
    /// The message as `FlagDetail.message` built it before the byte writer (kept verbatim
    /// as the oracle).
    enum Reference {
        static func message(_ detail: FlagDetail, rule: FlagRule, value: Double?, threshold: Double?) -> String {
            switch detail {
            case .text(let text):
                return text
            case .peopleSupportedZero:
                return "people supported is 0: outcome rate, cost per person and client shares are missing"
            case .noOutcomes:
                return "no job outcomes: cost per job outcome is missing"
            case .fullOutcomeRate(let people):
                return "every person supported (\(people)) gained or kept a job: outcome rate 100%"
            case .partialBreakdown(let missingBits, let outcomesTotal):
                let missing = ReturnColumn.outcomeBreakdown.indices.filter { missingBits & (1 << $0) != 0 }
                    .map { "`\(ReturnColumn.outcomeBreakdown[$0].rawValue)`" }.joined(separator: ", ")
                let source = outcomesTotal.isNaN ? "job outcomes missing"
                    : "job outcomes taken from outcomes_total (\(NumberFormatting.csv(outcomesTotal)))"
                return "outcome breakdown incomplete (\(missing) missing): \(source), no gained/retained shares"
            case .totalMismatch(let total, let sum):
                return "outcomes_total (\(NumberFormatting.csv(total))) differs from gained + retained + self-employed (\(NumberFormatting.csv(sum))); the breakdown is used"
            case .countSumWithoutPeople(let sum):
                return "\(noun(rule)) add up to \(NumberFormatting.csv(sum)) but people supported is 0"
            case .countSum(let sum, let people):
                return "\(noun(rule)) add up to \(NumberFormatting.csv(sum)) but people supported is \(people) (off by \(HumanNumbers.percent(value ?? 0)))"
            case .reportedVersusZero(let reported):
                return "reported \(noun(rule)) \(HumanNumbers.money(reported)) but the derived one is £0 (total cost 0)"
            case .reported(let reported, let derived):
                return "reported \(noun(rule)) \(HumanNumbers.money(reported)) differs from the derived \(HumanNumbers.money(derived)) (off by \(HumanNumbers.percent(value ?? 0)))"
            case .evidenceLabel(let label):
                return "evidence_based label \"\(label)\" is not ips-fidelity, observed-good-practice or no: counted as not evidence-based"
            case .proportions(let columns):
                let names = columns.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                return "\(names) given as percentages and counted as that share of their base (people supported, or outcomes_total for outcome types); the counts may be fractional"
            case .outlier(let score, let ruleThreshold, let metric, let method, let logScale, let isAbove):
                return OutlierFlags.message(metric: metric, value: value ?? 0, limit: threshold ?? 0, score: score,
                                            method: method, threshold: ruleThreshold, logScale: logScale,
                                            isAbove: isAbove)
            }
        }

        static func noun(_ rule: FlagRule) -> String {
            switch rule {
            case .clientCountMismatch: return "client groups"
            case .supportCountMismatch: return "support levels"
            case .reportedCostPerPersonMismatch: return "cost per person"
            case .reportedCostPerOutcomeMismatch: return "cost per job outcome"
            default: return rule.rawValue
            }
        }

        /// A flag's cells (columns 4 on) as `CSVField`s, the message as above.
        static func fields(_ flag: ServiceFlag) -> [CSVField] {
            [.text(flag.rule.rawValue), .text(flag.metric), .number(flag.value), .number(flag.threshold),
             .text(flag.severity.rawValue),
             .text(message(flag.detail, rule: flag.rule, value: flag.value, threshold: flag.threshold))]
        }
    }

    /// Hostile and ordinary numbers: signed zeros, non-finite values, the 10^15 boundary of
    /// the integer form, subnormals, values that round on the half.
    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.5, -0.5, 2.5, 1.0 / 3.0, 353, 0.6045454545454545, 632.1818181818181, 10554.33, 0.366,
        0.995, 0.005, 99.5, 999_999_999_999_999, 999_999_999_999_999.5, 1e15, -1e15, 1e16, 1e300, -1e-5, 1e-300,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, .infinity, -.infinity, 12_345.678_9, 0.1 + 0.2,
    ]
    /// Pieces of hostile text: CSV's quoting bytes, formula triggers, `'`, multi-byte and
    /// combining characters, CR LF.
    static let pieces: [String] = [",", "\"", "\r", "\n", "\r\n", " ", "\t", "=", "-", "+", "@", "'", "a", "£", "é",
                                   "\u{0301}", "1", ".", "Service 0, Ltd", "😀", "\u{0}"]

    /// Draws values from a list of random integers (the generated input), one per call.
    struct Draws {
        var values: [Int]
        var position = 0

        mutating func next() -> Int {
            defer { position += 1 }
            guard !values.isEmpty else { return position }
            // Each pass over the values draws new numbers from them.
            return (values[position % values.count] &+ (position / values.count) &* 0x5851_F42D_4C95_7F2D) & Int.max
        }

        mutating func pick<T>(_ list: [T]) -> T { list[next() % list.count] }
        mutating func bool() -> Bool { next() % 2 == 0 }

        /// A number from the list, an arbitrary bit pattern, or a plausible figure.
        mutating func number() -> Double {
            switch next() % 4 {
            case 0, 1: return pick(FlagRowBytesTests.numbers)
            case 2: return Double(bitPattern: UInt64(truncatingIfNeeded: next()) &* 0x9E37_79B9_7F4A_7C15)
            default: return Double(next() % 2_000_000) / Double(1 + next() % 1000)
            }
        }

        mutating func optionalNumber() -> Double? { next() % 5 == 0 ? nil : number() }

        mutating func text() -> String {
            (0..<(next() % 7)).map { _ in pick(FlagRowBytesTests.pieces) }.joined()
        }

        /// One detail of every kind, with figures drawn as above.
        mutating func detail() -> FlagDetail {
            switch next() % 13 {
            case 0: return .text(text())
            case 1: return .peopleSupportedZero
            case 2: return .noOutcomes
            case 3: return .fullOutcomeRate(people: bool() ? next() % 5000 : Int(truncatingIfNeeded: next() &* 31))
            case 4: return .partialBreakdown(missing: UInt8(next() % 8), outcomesTotal: bool() ? .nan : number())
            case 5: return .totalMismatch(total: number(), sum: number())
            case 6: return .countSumWithoutPeople(sum: number())
            case 7: return .countSum(sum: number(), people: next() % 100_000)
            case 8: return .reportedVersusZero(reported: number())
            case 9: return .reported(reported: number(), derived: number())
            case 10: return .evidenceLabel(text())
            case 11: return .proportions((0..<(next() % 5)).map { _ in pick(ReturnColumn.allCases) })
            default:
                return .outlier(score: number(), ruleThreshold: number(), metric: pick(Metric.allCases),
                                method: pick(OutlierMethod.allCases), logScale: bool(), isAbove: bool())
            }
        }

        mutating func flag() -> ServiceFlag {
            ServiceFlag(rule: pick(FlagRule.allCases), metric: bool() ? nil : text(), value: optionalNumber(),
                        threshold: optionalNumber(), severity: bool() ? nil : pick([.warning, .info]),
                        detail: detail())
        }
    }

    static let draws = Gen.int(in: 0...Int.max).array(of: 1...40)

    @Test("a flag's message bytes are the text the message was built as, for every kind of message and rule")
    func messageBytes() async {
        await propertyCheck(count: 3000, input: Self.draws) { values in
            var draws = Draws(values: values)
            let flag = draws.flag()
            let expected = Reference.message(flag.detail, rule: flag.rule, value: flag.value, threshold: flag.threshold)
            var bytes: [UInt8] = []
            flag.detail.appendMessage(rule: flag.rule, value: flag.value, threshold: flag.threshold, to: &bytes)
            #expect(bytes == Array(expected.utf8), "\(flag.detail)")
            #expect(Array(flag.message.utf8) == Array(expected.utf8))
        }
    }

    @Test("a flag's cells written straight from it are its fields, the message neutralised and quoted as text")
    func flagCells() async {
        await propertyCheck(count: 3000, input: Self.draws) { values in
            var draws = Draws(values: values)
            let flag = draws.flag()
            var direct = CSVLineEncoder(), byField = CSVLineEncoder()
            withUnsafePointer(to: flag) { FlagsCSV.encodeFlagCells($0, into: &direct) }
            for field in Reference.fields(flag) { byField.append(field) }
            #expect(direct.bytes == byField.bytes && direct.cellCount == 6, "\(flag.detail)")
            for column in 4..<FlagsCSV.header.count { #expect(FlagsCSV.field(flag, at: column) == Reference.fields(flag)[column - 4]) }
        }
    }

    @Test("messages that start with a formula trigger or hold quoting bytes are written as such text always was",
          arguments: [
            // Written out by hand: OWASP's leading `'` for `-`, `=` and `@`; RFC 4180 quotes.
            (FlagDetail.text("-1 rows"), "'-1 rows"), (.text("=HYPERLINK(x)"), "'=HYPERLINK(x)"),
            (.text("@a, \"b\""), "\"'@a, \"\"b\"\"\""), (.text("-12.5"), "-12.5"),
            (.evidenceLabel("x"), "\"evidence_based label \"\"x\"\" is not ips-fidelity, observed-good-practice or no: counted as not evidence-based\""),
            (.partialBreakdown(missing: 0b101, outcomesTotal: 4),
             "\"outcome breakdown incomplete (`outcomes_gained`, `outcomes_self_employed` missing): job outcomes taken from outcomes_total (4), no gained/retained shares\""),
            (.countSum(sum: 353, people: 220), "client groups add up to 353 but people supported is 220 (off by 60%)"),
          ])
    func hostileMessages(detail: FlagDetail, expected: String) {
        let flag = ServiceFlag(rule: .clientCountMismatch, metric: "clients_total", value: 0.6045454545454545,
                               threshold: 0.1, detail: detail)
        var line = CSVLineEncoder()
        withUnsafePointer(to: flag) { FlagsCSV.encodeFlagCells($0, into: &line) }
        #expect(String(decoding: line.bytes, as: UTF8.self)
                == "client-count-mismatch,clients_total,0.6045454545454545,0.1,warning," + expected)
    }

    @Test("the file has a row per flag, services in order and each service's cells before each of its flags")
    func fileRows() async {
        await propertyCheck(count: 300, input: Self.draws.array(of: 0...6)) { services in
            var made: [CleanedService] = []
            for (index, values) in services.enumerated() {
                var draws = Draws(values: values)
                let input = ServiceReturn(
                    source: VFMCore.SourceLocation(file: draws.text(), line: index + 2), authority: draws.text(),
                    service: draws.text(), period: draws.bool() ? nil : draws.text(), model: nil, evidenceBase: .notStated,
                    totalCost: 1, peopleSupported: 1, counts: CountValues(), reportedCostPerPerson: nil,
                    reportedCostPerOutcome: nil, extraColumns: [])
                let flags = (0..<(draws.next() % 4)).map { _ in draws.flag() }
                made.append(CleanedService(input: input, derived: DerivedMeasures(), flags: flags, excludedFromStatistics: false))
            }
            var expected = CSVWriter(header: FlagsCSV.header)
            for service in made {
                for flag in service.flags {
                    expected.append([.text(service.input.authority), .text(service.input.service), .text(service.input.period),
                                     .text(service.input.source.description)] + Reference.fields(flag))
                }
            }
            #expect(FlagsCSV.render(made) == expected.text)
        }
    }
}
