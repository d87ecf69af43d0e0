import Returns
import Tabular

/// One answered cell of a response, typed (SPEC §12). An unanswered question has no
/// value at all (missing is never "no" and never 0).
package enum SurveyValue: Sendable, Equatable {
    case text(String)
    case money(Double)
    case yesNo(Bool)
    /// A choice's canonical word (`calculated`, `more`, `unknown`…).
    case choice(String)
    case rank(Int)
    /// A fraction: 45% is 0.45.
    case proportion(Double)

    /// The cell of `clean/responses.csv`.
    package var field: CSVField {
        switch self {
        case .text(let text): return .text(text)
        case .money(let value), .proportion(let value): return .number(value)
        case .yesNo(let yes): return .text(yes ? "yes" : "no")
        case .choice(let word): return .text(word)
        case .rank(let rank): return .count(rank)
        }
    }

    package var number: Double? {
        switch self {
        case .money(let value), .proportion(let value): return value
        case .rank(let rank): return Double(rank)
        default: return nil
        }
    }
}

/// Why a cell could not be read, as the reject rule and its words.
struct SurveyCellProblem: Error {
    var rule: RejectRule
    var reason: String
}

/// Reads one cell against its column's kind (SPEC §12 values). Returns `nil` for an
/// unanswered cell; throws the rule that rejects the row.
struct SurveyCellReader {
    let missingWords: MissingValueWords

    func read(_ cell: ReturnCell, as kind: SurveyCellKind) throws(SurveyCellProblem) -> SurveyValue? {
        if case .choice(let choices) = kind, case .text(let text) = cell,
           let answer = Self.choice(text, in: choices) {
            // Before the missing words: `don't know` is pb_use's answer `unknown`.
            return .choice(answer)
        }
        switch cell {
        case .empty: return nil
        case .text(let text):
            let trimmed = CellText.trimmed(text)
            if missingWords.isMissing(trimmed) { return nil }
            return try read(text: trimmed, as: kind)
        case .number(let value, let isPercent):
            return try read(number: value, isPercent: isPercent, written: cell.text, as: kind)
        case .bool(let value):
            switch kind {
            case .yesNo: return .yesNo(value)
            case .choice(let choices):
                if let answer = Self.choice(value ? "yes" : "no", in: choices) { return .choice(answer) }
                throw SurveyCellProblem(rule: .invalidChoice, reason: "is \(cell.text), not one of its answers")
            case .text: return .text(cell.text)
            default: return try read(text: Substring(cell.text), as: kind)
            }
        }
    }

    private func read(text: Substring, as kind: SurveyCellKind) throws(SurveyCellProblem) -> SurveyValue? {
        switch kind {
        case .text: return .text(String(text))
        case .money:
            switch CellValues.money(text) {
            case .value(let value): return try Self.money(value)
            case .unparsable: throw SurveyCellProblem(rule: .invalidMoney, reason: "is not an amount in pounds")
            case .tooLarge: throw SurveyCellProblem(rule: .invalidMoney, reason: "is larger than any budget (over £10^15)")
            }
        case .yesNo:
            let folded = AnswerText.fold(String(text))
            if AnswerText.yes.contains(folded) { return .yesNo(true) }
            if AnswerText.no.contains(folded) { return .yesNo(false) }
            throw SurveyCellProblem(rule: .invalidYesNo, reason: "is neither yes (yes, y, true, x, ✓) nor no (no, n, false)")
        case .choice(let choices):
            throw SurveyCellProblem(rule: .invalidChoice, reason: "is none of its answers ("
                + choices.map { "`\($0.canonical)`" }.joined(separator: ", ") + " or the questionnaire's wording)")
        case .rank:
            guard case .value(let rank) = CellValues.count(text) else {
                throw SurveyCellProblem(rule: .invalidRank, reason: "is not a rank: a whole number from 1 to 7")
            }
            return try Self.rank(rank)
        case .proportion:
            switch Proportions.percentage(text) {
            case .proportion(let value): return try Self.proportion(value)
            case .unparsable: throw SurveyCellProblem(rule: .invalidProportion, reason: "is not a percentage")
            case .notPercent:
                // A bare 45 is 45%: the same decimal shift as `45%`, so the two agree to the bit.
                guard case .proportion(let value) = Proportions.percentage(text + "%") else {
                    throw SurveyCellProblem(rule: .invalidProportion, reason: "is not a percentage (45%, 45 % or 45)")
                }
                return try Self.proportion(value)
            }
        }
    }

    private func read(number value: Double, isPercent: Bool, written: String,
                      as kind: SurveyCellKind) throws(SurveyCellProblem) -> SurveyValue? {
        switch kind {
        case .money:
            guard case .value(let pounds) = CellValues.money(value: value) else {
                throw SurveyCellProblem(rule: .invalidMoney, reason: "is larger than any budget (over £10^15)")
            }
            return try Self.money(pounds)
        case .rank:
            guard value == value.rounded(), value >= 1, value <= 7 else {
                throw SurveyCellProblem(rule: .invalidRank, reason: "is not a rank: a whole number from 1 to 7")
            }
            return .rank(Int(value))
        case .proportion:
            // A percent-formatted cell holds the fraction; a plain number is percent points,
            // shifted as decimal text like a CSV's bare 45.
            if isPercent { return try Self.proportion(value) }
            return try read(text: Substring(written), as: kind)
        case .text: return .text(written)
        case .yesNo, .choice: return try read(text: Substring(written), as: kind)
        }
    }

    static func choice(_ text: String, in choices: [SurveyChoice]) -> String? {
        let folded = AnswerText.fold(text)
        guard !folded.isEmpty else { return nil }
        return choices.first { $0.wordings.contains(folded) }?.canonical
    }

    private static func money(_ value: Double) throws(SurveyCellProblem) -> SurveyValue {
        guard value >= 0 else { throw SurveyCellProblem(rule: .negativeMoney, reason: "is below zero; no budget is negative") }
        return .money(value)
    }

    private static func rank(_ rank: Int) throws(SurveyCellProblem) -> SurveyValue {
        guard (1...7).contains(rank) else {
            throw SurveyCellProblem(rule: .invalidRank, reason: "is not a rank: a whole number from 1 to 7")
        }
        return .rank(rank)
    }

    private static func proportion(_ value: Double) throws(SurveyCellProblem) -> SurveyValue {
        guard value.isFinite, value >= 0 else {
            throw SurveyCellProblem(rule: .invalidProportion, reason: "is below 0%")
        }
        guard value <= 1 else {
            throw SurveyCellProblem(rule: .proportionAbove100, reason: "is above 100%; a share of the spend cannot be")
        }
        return .proportion(value)
    }
}
