/// Breakdown cells given as "number, proportion of total", as the study's template
/// (Appendix 6) asks for them (SPEC §4): a percentage is that proportion of its base.
package enum Proportions {
    /// The base a breakdown column's percentage is taken of; `nil` for a column that is not
    /// read as a proportion (`people_supported`, `outcomes_total`, outcomes by client group).
    static func base(of column: ReturnColumn) -> ReturnColumn? {
        switch column {
        case .clientsLD, .clientsMH, .clientsPhysicalSensory, .clientsAutism, .clientsHomeless, .clientsDrugAlcohol,
             .clientsOther, .supportLT7, .support7to40, .support40plus:
            return .peopleSupported
        case .outcomesGained, .outcomesRetained, .outcomesSelfEmployed:
            return .outcomesTotal
        default:
            return nil
        }
    }

    package enum PercentResult: Equatable {
        /// The cell has no `%`: not a percentage.
        case notPercent
        /// The proportion, the decimal correctly rounded to binary64 (`73.72%` → 0.7372).
        case proportion(Double)
        case unparsable
    }

    /// Reads `45%`, `45 %`, `73.72%`, `0.5%` (trimmed, not missing). The digits are shifted
    /// two places as decimal text and converted once, so `73.72%` is the binary64 nearest
    /// 0.7372 — exactly what a workbook stores for the same cell — and not 73.72 ÷ 100,
    /// which rounds twice and can differ in the last bit.
    package static func percentage(_ cell: Substring) -> PercentResult {
        guard cell.utf8.last == UInt8(ascii: "%") else { return .notPercent }
        var number = cell.dropLast()
        while let last = number.unicodeScalars.last, last == " " || last == "\u{A0}" || last == "\t" {
            number = number.dropLast()
        }
        guard let decimal = DecimalText(number, allowPound: false) else { return .unparsable }
        let digits = decimal.integerDigits + decimal.fractionDigits
        let point = decimal.integerDigits.count - 2
        let integer = point > 0 ? Array(digits.prefix(point)) : []
        let fraction = point > 0 ? Array(digits.dropFirst(point)) : Array(repeating: UInt8(ascii: "0"), count: -point) + digits
        let text = (decimal.negative ? "-" : "") + (integer.isEmpty ? "0" : String(decoding: integer, as: UTF8.self))
            + "." + (fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self))
        guard let value = Double(text), value.isFinite else { return .unparsable }
        return .proportion(value + 0)
    }
}
