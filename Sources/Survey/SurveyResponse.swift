import VFMCore

/// One accepted response (SPEC §12: one row per response): its answers by canonical
/// column name, budgets included, and the flags the clean stage raises on it.
package struct SurveyResponse: Sendable {
    package var source: SourceLocation
    package var authority: String
    package var answers: [String: SurveyValue]
    package var flags: [SurveyFlag] = []

    package var response: String? {
        if case .text(let text)? = answers["response"] { return text }
        return nil
    }

    package func spend(_ column: SpendColumn) -> Double? { answers[column.name]?.number }

    package func number(_ column: String) -> Double? { answers[column]?.number }

    package func choice(_ column: String) -> String? {
        switch answers[column] {
        case .choice(let word)?: return word
        case .yesNo(let yes)?: return yes ? "yes" : "no"
        default: return nil
        }
    }

    package func rank(_ column: String) -> Int? {
        if case .rank(let rank)? = answers[column] { return rank }
        return nil
    }

    /// SPEC §12: the calculated subset is the responses whose spend is `calculated`.
    package var isCalculated: Bool { choice("spend_accuracy") == "calculated" }

    /// SPEC §12 (Charts 4–5): a breakdown is given when any breakdown cell is (0 counts)
    /// and `breakdown_unable` is not yes.
    package var hasBreakdown: Bool {
        guard choice("breakdown_unable") != "yes" else { return false }
        return Breakdown.clients.contains { client in
            Breakdown.types.contains { answers[Breakdown.column(type: $0, client: client)] != nil }
        }
    }
}

/// A flag on a response (SPEC §12 `clean/flags.csv`): kept, and counted in the report.
package struct SurveyFlag: Sendable, Equatable {
    package enum Rule: String, Sendable, CaseIterable {
        case sharesNot100 = "shares-not-100"
        case breakdownMismatch = "breakdown-mismatch"
        case rankRepeated = "rank-repeated"
        case multipleResponses = "multiple-responses"
        case periodChange = "period-change"
        case periodThousands = "period-thousands"
    }

    package var rule: Rule
    package var metric: String?
    package var value: Double?
    package var threshold: Double?
    package var message: String
}
