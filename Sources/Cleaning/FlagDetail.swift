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

    func message(rule: FlagRule, value: Double?, threshold: Double?) -> String {
        switch self {
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
            return "\(Self.noun(rule)) add up to \(NumberFormatting.csv(sum)) but people supported is 0"
        case .countSum(let sum, let people):
            return "\(Self.noun(rule)) add up to \(NumberFormatting.csv(sum)) but people supported is \(people) (off by \(MessageNumber.percent(value ?? 0)))"
        case .reportedVersusZero(let reported):
            return "reported \(Self.noun(rule)) \(MessageNumber.pounds(reported)) but the derived one is £0 (total cost 0)"
        case .reported(let reported, let derived):
            return "reported \(Self.noun(rule)) \(MessageNumber.pounds(reported)) differs from the derived \(MessageNumber.pounds(derived)) (off by \(MessageNumber.percent(value ?? 0)))"
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

    /// What a count or cost rule compares, as its message names it.
    private static func noun(_ rule: FlagRule) -> String {
        switch rule {
        case .clientCountMismatch: return "client groups"
        case .supportCountMismatch: return "support levels"
        case .reportedCostPerPersonMismatch: return "cost per person"
        case .reportedCostPerOutcomeMismatch: return "cost per job outcome"
        default: return rule.rawValue
        }
    }
}
