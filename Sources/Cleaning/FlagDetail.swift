import PipelineDefinition
import Returns
import Tabular
import VFMCore

/// The figures a flag's message is built from (`ServiceFlag.message`), one case per kind
/// of message, so that no flag holds its text until it is written or read (issue 12). The
/// texts are those `RowFlagRules`, `DuplicateScreen` and `OutlierFlags` document.
enum FlagDetail: Sendable {
    /// The message as given: read back from `clean/flags.csv`, or a duplicate's list of rows.
    case text(String)
    /// `people-supported-zero`.
    case peopleSupportedZero
    /// `zero-outcomes`.
    case noOutcomes
    /// `outcome-rate-100`: people supported.
    case fullOutcomeRate(people: Int)
    /// `partial-outcome-breakdown`: which of gained / retained / self-employed are missing
    /// (bit i for `ReturnColumn.outcomeBreakdown[i]`) and outcomes_total (NaN = missing).
    case partialBreakdown(missing: UInt8, outcomesTotal: Double)
    /// `outcomes-total-mismatch`.
    case totalMismatch(total: Double, sum: Double)
    /// `client-count-mismatch` / `support-count-mismatch` with people supported = 0.
    case countSumWithoutPeople(sum: Double)
    /// `client-count-mismatch` / `support-count-mismatch`; `ServiceFlag.value` is the share off.
    case countSum(sum: Double, people: Int)
    /// `reported-cost-per-…-mismatch` when the derived figure is £0.
    case reportedVersusZero(reported: Double)
    /// `reported-cost-per-…-mismatch`; `ServiceFlag.value` is the share off.
    case reported(reported: Double, derived: Double)
    /// `unrecognised-evidence-label`: the label as written.
    case evidenceLabel(String)
    /// `proportion-given`: the columns given as percentages.
    case proportions([ReturnColumn])
    /// `outlier`: the rule's test and where the value fell. `ServiceFlag.value` is the
    /// value, `ServiceFlag.threshold` the limit crossed (original scale).
    case outlier(score: Double, ruleThreshold: Double, metric: Metric, method: OutlierMethod, logScale: Bool,
                 isAbove: Bool)

    /// The message's text (see `appendMessage`).
    func message(rule: FlagRule, value: Double?, threshold: Double?) -> String {
        var bytes: [UInt8] = []
        appendMessage(rule: rule, value: value, threshold: threshold, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The message's UTF-8, appended to `bytes`: what `clean/flags.csv`'s writer puts in the
    /// `message` cell, with no `String` per flag (a million services raise about two
    /// million flags). Numbers are `NumberFormatting`'s (counts and sums at full precision)
    /// or `HumanNumbers`' (money, shares, scores, as the report prints them), the words those of `RowFlagRules`,
    /// `DuplicateScreen` and `OutlierFlags`.
    func appendMessage(rule: FlagRule, value: Double?, threshold: Double?, to bytes: inout [UInt8]) {
        switch self {
        case .text(let text):
            CSVEncoding.appendUTF8(text, to: &bytes)
        case .peopleSupportedZero:
            bytes.append("people supported is 0: outcome rate, cost per person and client shares are missing")
        case .noOutcomes:
            bytes.append("no job outcomes: cost per job outcome is missing")
        case .fullOutcomeRate(let people):
            bytes.append("every person supported (")
            NumberFormatting.append(people, to: &bytes)
            bytes.append(") gained or kept a job: outcome rate 100%")
        case .partialBreakdown(let missingBits, let outcomesTotal):
            bytes.append("outcome breakdown incomplete (")
            var listed = false
            for (index, column) in ReturnColumn.outcomeBreakdown.enumerated() where missingBits & (1 << index) != 0 {
                if listed { bytes.append(", ") }
                listed = true
                bytes.append("`")
                CSVEncoding.appendUTF8(column.rawValue, to: &bytes)
                bytes.append("`")
            }
            bytes.append(" missing): ")
            if outcomesTotal.isNaN {
                bytes.append("job outcomes missing")
            } else {
                bytes.append("job outcomes taken from outcomes_total (")
                NumberFormatting.append(outcomesTotal, to: &bytes)
                bytes.append(")")
            }
            bytes.append(", no gained/retained shares")
        case .totalMismatch(let total, let sum):
            bytes.append("outcomes_total (")
            NumberFormatting.append(total, to: &bytes)
            bytes.append(") differs from gained + retained + self-employed (")
            NumberFormatting.append(sum, to: &bytes)
            bytes.append("); the breakdown is used")
        case .countSumWithoutPeople(let sum):
            Self.appendNoun(rule, to: &bytes)
            bytes.append(" add up to ")
            NumberFormatting.append(sum, to: &bytes)
            bytes.append(" but people supported is 0")
        case .countSum(let sum, let people):
            Self.appendNoun(rule, to: &bytes)
            bytes.append(" add up to ")
            NumberFormatting.append(sum, to: &bytes)
            bytes.append(" but people supported is ")
            NumberFormatting.append(people, to: &bytes)
            bytes.append(" (off by ")
            bytes.append(contentsOf: HumanNumbers.percent(value ?? 0).utf8)
            bytes.append(")")
        case .reportedVersusZero(let reported):
            bytes.append("reported ")
            Self.appendNoun(rule, to: &bytes)
            bytes.append(" ")
            bytes.append(contentsOf: HumanNumbers.money(reported).utf8)
            bytes.append(" but the derived one is £0 (total cost 0)")
        case .reported(let reported, let derived):
            bytes.append("reported ")
            Self.appendNoun(rule, to: &bytes)
            bytes.append(" ")
            bytes.append(contentsOf: HumanNumbers.money(reported).utf8)
            bytes.append(" differs from the derived ")
            bytes.append(contentsOf: HumanNumbers.money(derived).utf8)
            bytes.append(" (off by ")
            bytes.append(contentsOf: HumanNumbers.percent(value ?? 0).utf8)
            bytes.append(")")
        case .evidenceLabel(let label):
            bytes.append("evidence_based label \"")
            CSVEncoding.appendUTF8(label, to: &bytes)
            bytes.append("\" is not ips-fidelity, observed-good-practice or no: counted as not evidence-based")
        case .proportions(let columns):
            for (index, column) in columns.enumerated() {
                if index > 0 { bytes.append(", ") }
                bytes.append("`")
                CSVEncoding.appendUTF8(column.rawValue, to: &bytes)
                bytes.append("`")
            }
            bytes.append(" given as percentages and counted as that share of their base (people supported, or outcomes_total for outcome types); the counts may be fractional")
        case .outlier(let score, let ruleThreshold, let metric, let method, let logScale, let isAbove):
            CSVEncoding.appendUTF8(
                OutlierFlags.message(metric: metric, value: value ?? 0, limit: threshold ?? 0, score: score,
                                     method: method, threshold: ruleThreshold, logScale: logScale, isAbove: isAbove),
                to: &bytes)
        }
    }

    /// What a count or cost rule compares, as its message names it.
    private static func appendNoun(_ rule: FlagRule, to bytes: inout [UInt8]) {
        switch rule {
        case .clientCountMismatch: bytes.append("client groups")
        case .supportCountMismatch: bytes.append("support levels")
        case .reportedCostPerPersonMismatch: bytes.append("cost per person")
        case .reportedCostPerOutcomeMismatch: bytes.append("cost per job outcome")
        default: CSVEncoding.appendUTF8(rule.rawValue, to: &bytes)
        }
    }
}

extension [UInt8] {
    /// Appends a literal's UTF-8 (a `StaticString` is its bytes: no `String` is made).
    @inline(__always)
    fileprivate mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
