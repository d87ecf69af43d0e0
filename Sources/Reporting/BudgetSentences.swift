import Tabular
import Analysis
import PipelineDefinition

/// One plain sentence per scenario (SPEC §6.1), with its 95% interval and n, for the
/// report's "What a budget buys" and for `vfm scenario`. Built only from the scenario's
/// definition, its computed rows and the groups' pooled rates, so the report of a run and
/// `vfm scenario` on it say the same thing.
public struct BudgetSentences: Sendable {
    let rows: [ScenarioRow]
    let rates: [String: ValueForMoneyBasis]
    /// Applied to third-party text (pipeline-defined group names): Markdown escaping in
    /// the report, nothing for plain text.
    let escape: @Sendable (String) -> String

    public init(rows: [ScenarioRow], basis: [ValueForMoneyBasis], escape: @escaping @Sendable (String) -> String = { $0 }) {
        self.rows = rows
        var rates: [String: ValueForMoneyBasis] = [:]
        for row in basis where rates[row.group] == nil { rates[row.group] = row }
        self.rates = rates
        self.escape = escape
    }

    /// The sentence for `scenario`; `nil` when the run has no rows for it.
    public func sentence(_ scenario: Scenario) -> String? {
        let mine = rows.filter { $0.scenario == scenario.name }
        guard !mine.isEmpty else { return nil }
        switch scenario.kind {
        case .budget(let amount, let years, _): return budget(amount: amount, years: years, mine)
        case .reallocation(let share, let spend): return reallocation(share: share, spend: spend, mine)
        case .alternative(let cost, _): return alternative(cost: cost, mine)
        }
    }

    private func budget(amount: Double, years: Double, _ rows: [ScenarioRow]) -> String {
        var spend = HumanNumbers.money(amount) + " a year"
        if years != 1 {
            spend += " for " + Self.number(years) + " years (" + HumanNumbers.money(amount * years) + ")"
        }
        let clauses = rows.enumerated().map { offset, row in
            let figure = row.value.map { (offset == 0 ? "about " : "") + Self.outcomes($0) + (offset == 0 ? " job outcomes" : "") }
                ?? "no estimate"
            return figure + " at " + ratePhrase(row.group) + " " + interval(row, format: Self.outcomes)
        }
        return spend + " buys " + Self.joined(clauses) + "."
    }

    private func reallocation(share: Double, spend: Double?, _ rows: [ScenarioRow]) -> String {
        let moved = rows.first { $0.quantity == .movedSpend }
        let extra = rows.first { $0.quantity == .extraJobOutcomes }
        let from = rates[Scenario.notEvidenceBasedGroup], to = rates[Scenario.evidenceBasedGroup]
        var text = "Moving " + HumanNumbers.percent(share) + " of "
        if let spend {
            text += HumanNumbers.money(spend) + " spent on services that are not evidence-based"
        } else {
            text += "the " + HumanNumbers.money(from?.totalCost) + " spent by the " + HumanNumbers.count(from?.n)
                + " services that are not evidence-based"
        }
        text += " (" + HumanNumbers.money(moved?.value) + ") to services that perform like the "
            + HumanNumbers.count(to?.n) + " evidence-based ones"
        guard let extra, let value = extra.value else {
            return text + " cannot be priced: a group has no services with costs."
        }
        text += " would buy about " + Self.outcomes(abs(value)) + (value >= 0 ? " more" : " fewer")
            + " job outcomes in a period like the returns' "
        text += interval(extra, format: Self.outcomes, n: false)
        if let low = extra.ciLow, low <= 0, value > 0 {
            text += "; the interval reaches zero, so these returns cannot rule out no gain at all"
        }
        return text + "."
    }

    /// The saving is cost − S/J: one period's pooled cost per job outcome set against a
    /// year of the alternative, as seed 000 compares them; its interval is of that difference.
    private func alternative(cost: Double, _ rows: [ScenarioRow]) -> String {
        let clauses = rows.enumerated().map { offset, row in
            let subject = (offset == 0 ? "a job outcome at " : "one at ") + possessive(row.group) + " pooled cost of "
                + HumanNumbers.money(rates[row.group]?.pooledCostPerOutcome)
            guard let value = row.value else {
                return "no job outcome at " + possessive(row.group) + " rate to compare (n = "
                    + HumanNumbers.count(rates[row.group]?.n) + ")"
            }
            return subject + (offset == 0 ? " costs about " : " about ") + HumanNumbers.money(abs(value))
                + (value >= 0 ? " less " : " more ") + interval(row, format: HumanNumbers.money)
        }
        return "Against an alternative costing " + HumanNumbers.money(cost) + " per person a year, "
            + Self.joined(clauses) + ". This sets one period's cost per job outcome against a year of the "
            + "alternative; it is not a net saving to the public purse."
    }

    /// `(95% CI 52 to 156, n = 13)`; an end that does not exist is shown as "—", and
    /// with fewer than two services the interval is said not to exist.
    private func interval(_ row: ScenarioRow, format: (Double) -> String, n: Bool = true) -> String {
        let count = n ? ", n = " + HumanNumbers.count(rates[row.group]?.n) : ""
        if row.ciLow == nil, row.ciHigh == nil {
            return "(no interval" + (n ? ": n = " + HumanNumbers.count(rates[row.group]?.n) : "") + ")"
        }
        return "(95% CI " + (row.ciLow.map(format) ?? HumanNumbers.missing) + " to "
            + (row.ciHigh.map(format) ?? HumanNumbers.missing) + count + ")"
    }

    /// "evidence-based services' rate", "the rate of all services", …
    func ratePhrase(_ group: String) -> String {
        switch group {
        case "all": return "the rate of all services"
        case Scenario.evidenceBasedGroup: return "evidence-based services' rate"
        case Scenario.notEvidenceBasedGroup: return "the rate of services not evidence-based"
        case "LD": return "LD-focused services' rate"
        case "MH": return "MH-focused services' rate"
        case "mixed": return "mixed services' rate"
        default: return possessive(group) + " rate"
        }
    }

    /// "evidence-based services'", "all services'", "group “north”'s".
    func possessive(_ group: String) -> String {
        switch group {
        case "all": return "all services'"
        case Scenario.evidenceBasedGroup: return "evidence-based services'"
        case Scenario.notEvidenceBasedGroup: return "non-evidence-based services'"
        case "LD": return "LD-focused services'"
        case "MH": return "MH-focused services'"
        case "mixed": return "mixed services'"
        default: return "group “" + escape(group) + "”'s"
        }
    }

    /// Job outcomes as people read them: whole from 10 up, one decimal below.
    static func outcomes(_ value: Double) -> String {
        abs(value) >= 10 ? HumanNumbers.whole(value) : HumanNumbers.decimal(value, decimals: 1)
    }

    /// A count of years: `9`, or `2.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? HumanNumbers.whole(value) : HumanNumbers.decimal(value, decimals: 1)
    }

    /// `a`, `a, and b`, `a, b, and c`.
    static func joined(_ clauses: [String]) -> String {
        guard clauses.count > 1, let last = clauses.last else { return clauses.first ?? "" }
        return clauses.dropLast().joined(separator: ", ") + ", and " + last
    }
}
