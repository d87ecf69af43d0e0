import Cleaning
import Returns
import Tabular

/// The survey's flags (SPEC §12): kept responses that a reader should look at again.
enum SurveyFlags {
    /// Provider shares more than this far from 100% (5 points) are flagged.
    static let sharesTolerance = 0.05
    /// A breakdown whose total differs from the budgets by this fraction or more is flagged.
    static let breakdownTolerance = 0.10

    /// The flags one response raises on its own: its provider shares, its breakdown
    /// against its budgets, its factor ranks.
    static func ofResponse(_ response: SurveyResponse, columns: [SpendColumn],
                           breakdownYear: ReportingPeriod?) -> [SurveyFlag] {
        var flags: [SurveyFlag] = []
        let shares = SurveyColumns.providers.compactMap { response.number("provider_\($0)") }
        if shares.count >= 2 {
            let sum = SurveySums.total(shares)
            // Shares are decimals (60% + 45%): their binary sum may land a rounding past the
            // bound, which a share exactly on it must not cross.
            if abs(sum - 1) > sharesTolerance + 1e-9 {
                flags.append(SurveyFlag(rule: .sharesNot100, metric: "provider_shares", value: sum, threshold: sharesTolerance,
                                        message: "the provider shares add up to \(HumanNumbers.percent(sum)), not 100% "
                                            + "(more than 5 points off): check Q2c"))
            }
        }
        if let year = breakdownYear, response.choice("breakdown_unable") != "yes" {
            let cells = Breakdown.clients.flatMap { client in
                Breakdown.types.compactMap { response.number(Breakdown.column(type: $0, client: client)) }
            }
            let budgets = columns.filter { $0.year == year }.compactMap { response.spend($0) }
            if !cells.isEmpty, !budgets.isEmpty {
                let breakdown = SurveySums.total(cells), budget = SurveySums.total(budgets)
                if budget > 0, abs(breakdown - budget) >= breakdownTolerance * budget {
                    let difference = (breakdown - budget) / budget
                    // value: the breakdown's total B; threshold: the budgets' total T it is checked against.
                    flags.append(SurveyFlag(rule: .breakdownMismatch, metric: "breakdown_total", value: breakdown,
                                            threshold: budget,
                                            message: "the breakdown adds up to \(HumanNumbers.money(breakdown)) but the "
                                                + "\(year.label) budgets to \(HumanNumbers.money(budget)) "
                                                + "(\(HumanNumbers.percent(difference)) apart): check Q2a against Q2b"))
                }
            }
        }
        var byRank: [Int: [String]] = [:]
        for factor in SurveyColumns.factors {
            if let rank = response.rank("factor_\(factor)") { byRank[rank, default: []].append(factor) }
        }
        for (rank, factors) in byRank.filter({ $0.value.count > 1 }).sorted(by: { $0.key < $1.key }) {
            flags.append(SurveyFlag(rule: .rankRepeated, metric: "factor_\(factors[0])", value: Double(rank), threshold: nil,
                                    message: "rank \(rank) is given to \(factors.count) factors ("
                                        + factors.joined(separator: ", ") + "): Q3 asks for each rank once"))
        }
        return flags
    }

    /// SPEC §12 `multiple-responses`: every response of an area giving a budget (0
    /// included) that another response of the area also gives — the area's sum may count
    /// one budget twice. One flag per response and budget, its value the response's own.
    static func multipleResponses(_ responses: inout [SurveyResponse], areas: [SurveyArea], columns: [SpendColumn]) {
        for area in areas where area.responses.count > 1 {
            for column in columns {
                let givers = area.responses.filter { responses[$0].spend(column) != nil }
                guard givers.count > 1 else { continue }
                for row in givers {
                    responses[row].flags.append(SurveyFlag(
                        rule: .multipleResponses, metric: column.name, value: responses[row].spend(column), threshold: nil,
                        message: "\(givers.count) responses of this area give \(column.name): the area's sum may count "
                            + "one budget twice — check whether they describe the same money"))
                }
            }
        }
    }

    /// §11's `period-change` and `period-thousands`, carried by the area's first response.
    static func edits(_ edits: [AreaEdit], areas: [SurveyArea], responses: inout [SurveyResponse]) {
        for edit in edits {
            guard let row = areas[edit.area].responses.first, let ratio = edit.edit.ratio else { continue }
            let area = areas[edit.area]
            let from = area.spend[edit.from], to = area.spend[edit.to]
            let words = "the area's \(edit.to.stream.rawValue) budget went from \(HumanNumbers.money(from)) in "
                + "\(edit.from.year.label) to \(HumanNumbers.money(to)) in \(edit.to.year.label)"
            if edit.edit.outcome == .above || edit.edit.outcome == .below {
                responses[row].flags.append(SurveyFlag(
                    rule: .periodChange, metric: edit.to.name, value: ratio, threshold: edit.edit.ratioBound,
                    message: words + " (ratio \(HumanNumbers.decimal(ratio, decimals: 2))), "
                        + (edit.edit.outcome == .above ? "more" : "less") + " than areas of its size changed by "
                        + "(Hidiroglou–Berthelot): check both years"))
            }
            if edit.looksLikeThousands {
                responses[row].flags.append(SurveyFlag(
                    rule: .periodThousands, metric: edit.to.name, value: ratio, threshold: 1000,
                    message: words + ": looks like £ one year and £ thousands the other — give both years in pounds"))
            }
        }
    }
}
