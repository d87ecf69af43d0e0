import PipelineDefinition
import PropertyBased
import Returns
import RunFiles
import Tabular
import Testing
import VFMCore
@testable import Cleaning

/// `clean/flags.csv` is written straight into the encoder's bytes: a flag's message is
/// rendered there without becoming a `String` (`FlagDetail.appendMessage`), the flag's
/// cells without a `CSVField` each. The messages are held to sentences written out by hand
/// (one or more per kind of message, the figures rounded by hand as the report rounds
/// them); the cells to what a CSV reader gets back from the bytes; the file to the
/// schema's header and the cells `FlagsCSV.field` declares (the path `CleanFileColumns` reads).
struct FlagRowBytesTests {
    /// A flag of `rule` with `detail`, its value and threshold as given.
    static func flag(_ rule: FlagRule, _ detail: FlagDetail, value: Double? = nil, threshold: Double? = nil) -> ServiceFlag {
        ServiceFlag(rule: rule, metric: nil, value: value, threshold: threshold, detail: detail)
    }

    @Test("each kind of message reads as the sentence written out by hand", arguments: [
        (flag(.outlier, .text("checked with the service")), "checked with the service"),
        (flag(.peopleSupportedZero, .peopleSupportedZero),
         "people supported is 0: outcome rate, cost per person and client shares are missing"),
        (flag(.zeroOutcomes, .noOutcomes), "no job outcomes: cost per job outcome is missing"),
        (flag(.fullOutcomeRate, .fullOutcomeRate(people: 12)),
         "every person supported (12) gained or kept a job: outcome rate 100%"),
        (flag(.partialOutcomeBreakdown, .partialBreakdown(missing: 0b010, outcomesTotal: 7.5)),
         "outcome breakdown incomplete (`outcomes_retained` missing): job outcomes taken from outcomes_total (7.5), no gained/retained shares"),
        (flag(.partialOutcomeBreakdown, .partialBreakdown(missing: 0b001, outcomesTotal: .nan)),
         "outcome breakdown incomplete (`outcomes_gained` missing): job outcomes missing, no gained/retained shares"),
        (flag(.outcomesTotalMismatch, .totalMismatch(total: 10, sum: 9)),
         "outcomes_total (10) differs from gained + retained + self-employed (9); the breakdown is used"),
        (flag(.supportCountMismatch, .countSumWithoutPeople(sum: 4)), "support levels add up to 4 but people supported is 0"),
        // 41 / 30 − 1 = 0.3667: 37%.
        (flag(.clientCountMismatch, .countSum(sum: 41, people: 30), value: 11.0 / 30.0, threshold: 0.1),
         "client groups add up to 41 but people supported is 30 (off by 37%)"),
        (flag(.reportedCostPerPersonMismatch, .reportedVersusZero(reported: 1730.4)),
         "reported cost per person £1,730 but the derived one is £0 (total cost 0)"),
        // 10,554.33 / 9,500 − 1 = 0.111: 11%.
        (flag(.reportedCostPerOutcomeMismatch, .reported(reported: 10554.33, derived: 9500), value: 10554.33 / 9500 - 1),
         "reported cost per job outcome £10,554 differs from the derived £9,500 (off by 11%)"),
        (flag(.unrecognisedEvidenceLabel, .evidenceLabel("IPS")),
         "evidence_based label \"IPS\" is not ips-fidelity, observed-good-practice or no: counted as not evidence-based"),
        (flag(.proportionGiven, .proportions([.clientsLD, .outcomesGained])),
         "`clients_ld`, `outcomes_gained` given as percentages and counted as that share of their base (people supported, or outcomes_total for outcome types); the counts may be fractional"),
        // Four significant digits for the score: 5.123456 → 5.123.
        (flag(.outlier, .outlier(score: 5.123456, ruleThreshold: 3.5, metric: .costPerPerson, method: .modifiedZScore,
                                 logScale: true, isAbove: true), value: 10_000, threshold: 4_000),
         "cost_per_person £10,000 is above the upper outlier limit £4,000 (modified z-score 5.123 on the log scale, limit ±3.5); check it with the service"),
        (flag(.outlier, .outlier(score: -4, ruleThreshold: 1.5, metric: .outcomeRate, method: .tukeyFences,
                                 logScale: false, isAbove: false), value: 0.02, threshold: 0.05),
         "outcome_rate 0.02 is below the lower outlier limit 0.05 (Tukey fence Q1 − 1.5·IQR); check it with the service"),
    ])
    func messages(flag: ServiceFlag, expected: String) {
        var bytes: [UInt8] = []
        flag.detail.appendMessage(rule: flag.rule, value: flag.value, threshold: flag.threshold, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(flag.message == expected)
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
                                   "\u{0301}", "1", ".", "Service 0, Ltd", "😀"]

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

    @Test("a flag's cells read back by a CSV reader are its rule, metric, figures, severity and message, text neutralised")
    func flagCellsReadBack() async throws {
        await propertyCheck(count: 3000, input: Self.draws) { values in
            var draws = Draws(values: values)
            let flag = draws.flag()
            var line = CSVLineEncoder()
            withUnsafePointer(to: flag) { FlagsCSV.encodeFlagCells($0, into: &line) }
            let records = try? CSVRecordParser.records(utf8: line.bytes + [UInt8(ascii: "\n")])
            guard let cells = records?.first?.cells, records?.count == 1 else {
                Issue.record("not one CSV record: \(String(decoding: line.bytes, as: UTF8.self))")
                return
            }
            #expect(line.cellCount == 6 && cells.count == 6)
            #expect(cells[0] == flag.rule.rawValue && cells[4] == flag.severity.rawValue)
            #expect(cells[1] == CSVInjection.neutralise(flag.metric ?? ""))
            #expect(cells[5] == CSVInjection.neutralise(flag.message), "\(flag.detail)")
            // Figures at full precision: the shortest text that reads back as the same double
            // (the standard library's parser), empty for missing or non-finite.
            for (cell, figure) in [(cells[2], flag.value), (cells[3], flag.threshold)] {
                if let figure, figure.isFinite { #expect(Double(cell) == figure && !(figure == 0 && cell.hasPrefix("-")), "\(cell)") }
                else { #expect(cell.isEmpty) }
            }
            // The cells `CleanFileColumns` reads (`FlagsCSV.field`) are the same bytes.
            var byField = CSVLineEncoder()
            for column in 4..<FlagsCSV.header.count { byField.append(FlagsCSV.field(flag, at: column)) }
            #expect(byField.bytes == line.bytes)
        }
    }

    @Test("flags encoded one after another with their words' cells kept give each flag's own bytes")
    func sharedWordCells() async {
        await propertyCheck(count: 300, input: Self.draws.array(of: 1...30)) { flagDraws in
            var words = FlagWordCells()
            for values in flagDraws {
                var draws = Draws(values: values)
                let flag = draws.flag()
                var shared = CSVLineEncoder(), own = CSVLineEncoder()
                withUnsafePointer(to: flag) { FlagsCSV.encodeFlagCells($0, words: &words, into: &shared) }
                for column in 4..<FlagsCSV.header.count { own.append(FlagsCSV.field(flag, at: column)) }
                #expect(shared.bytes == own.bytes && shared.cellCount == own.cellCount)
            }
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
                made.append(CleanedService(input: input, flags: flags, excludedFromStatistics: false))
            }
            #expect(FlagsCSV.header == RunFileSchema.cleanFlags.header)
            var expected = CSVWriter(header: FlagsCSV.header)
            for service in made {
                for flag in service.flags {
                    expected.append([.text(service.input.authority), .text(service.input.service), .text(service.input.period),
                                     .text(service.input.source.description)]
                                  + (4..<FlagsCSV.header.count).map { FlagsCSV.field(flag, at: $0) })
                }
            }
            #expect(FlagsCSV.render(made) == expected.text)
        }
    }
}
