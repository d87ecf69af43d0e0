import Returns
import PipelineDefinition
import StatisticsKernel

/// The tables of the study's Section 4 (SPEC §12), from the cleaned responses and areas.
package struct SurveyTables: Sendable {
    package var responses: [ResponseCountRow] = []
    package var spendByYear: [SpendByYearRow] = []
    package var budgetChange: [BudgetChangeRow] = []
    package var budgetRatio: [BudgetRatioRow] = []
    package var fiveYear: [FiveYearRow] = []
    package var spendByType: [SpendByTypeRow] = []
    package var dataCollected: [DataCollectedRow] = []
    package var personalBudgets: [PersonalBudgetRow] = []
    package var factors: [FactorRow] = []
    /// Only with `--reference`.
    package var workChoice: WorkChoice?

    package static let subsets: [SurveySubset] = [.all, .calculated]

    package init(_ clean: SurveyClean, settings: SurveySettings, reference: WorkChoiceReference?) {
        for subset in Self.subsets {
            let members = clean.responses.filter(subset.contains)
            let areas = clean.areas(in: subset)
            responses.append(ResponseCountRow(
                subset: subset, responses: members.count, areas: areas.count,
                withSpend: members.filter { r in clean.spendColumns.contains { r.spend($0) != nil } }.count,
                withBreakdown: members.filter(\.hasBreakdown).count,
                shareWithoutBreakdown: SurveySums.share(members.count - members.filter(\.hasBreakdown).count,
                                                        of: members.count)))
            for column in clean.spendColumns {
                let values = areas.compactMap { $0.spend(in: subset)[column] }
                let summary = Descriptive.summarize(values)
                spendByYear.append(SpendByYearRow(subset: subset, column: column, n: values.count, mean: summary?.mean,
                                                  median: summary?.median,
                                                  total: values.isEmpty ? nil : SurveySums.total(values)))
            }
            if let from = clean.breakdownYear, let to = clean.lastYear {
                for stream in SpendStream.allCases where clean.spendColumns.contains(SpendColumn(stream: stream, year: to))
                    && clean.spendColumns.contains(SpendColumn(stream: stream, year: from)) {
                    budgetChange.append(Self.change(areas, subset: subset, stream: stream, from: from, to: to,
                                                    tolerance: settings.equalTolerance))
                }
            }
            let answers = ["more", "same", "less"].map { word in members.filter { $0.choice("five_year_change") == word }.count }
            fiveYear.append(FiveYearRow(subset: subset, n: members.count,
                                        counts: answers + [members.count - answers.reduce(0, +)]))
            for item in ["collects_job_numbers"] + SurveyColumns.collectedItems.map({ "collects_\($0)" }) {
                let answered = members.filter { $0.choice(item) != nil }.count
                let yes = members.filter { $0.choice(item) == "yes" }.count
                dataCollected.append(DataCollectedRow(subset: subset, item: String(item.dropFirst("collects_".count)),
                                                      answered: answered, yes: yes, responses: members.count))
            }
        }
        for subset in SurveySubset.allCases {
            spendByType += Self.spendByType(clean.responses.filter(subset.contains), subset: subset)
        }
        budgetRatio = Self.ratios(clean)
        let all = clean.responses
        for (question, answers) in [("pb_allowed", ["yes", "no"]), ("pb_use", ["yes", "no", "unknown"]),
                                    ("pb_amount_known", ["yes", "no"])] {
            var counted = 0
            for answer in answers {
                let n = all.filter { $0.choice(question) == answer }.count
                counted += n
                personalBudgets.append(PersonalBudgetRow(question: question, answer: answer, n: n,
                                                         share: SurveySums.share(n, of: all.count)))
            }
            personalBudgets.append(PersonalBudgetRow(question: question, answer: "no_answer", n: all.count - counted,
                                                     share: SurveySums.share(all.count - counted, of: all.count)))
        }
        for factor in SurveyColumns.factors {
            let ranks = all.compactMap { $0.rank("factor_\(factor)") }
            factors.append(FactorRow(factor: factor, ranked: ranks.count,
                                     meanRank: ranks.isEmpty ? nil : Descriptive.summarize(ranks.map(Double.init))?.mean,
                                     shareFirst: SurveySums.share(ranks.filter { $0 == 1 }.count, of: ranks.count)))
        }
        if let reference {
            workChoice = WorkChoice(clean, reference: reference, topN: settings.topN)
        }
    }

    /// Table 2: each area's budget from the breakdown year to the last year.
    static func change(_ areas: [SurveyArea], subset: SurveySubset, stream: SpendStream, from: ReportingPeriod,
                       to: ReportingPeriod, tolerance: Double) -> BudgetChangeRow {
        var row = BudgetChangeRow(subset: subset, stream: stream, from: from.label, to: to.label, n: 0, increase: 0,
                                  equal: 0, decrease: 0, cut: 0)
        for area in areas {
            let spend = area.spend(in: subset)
            guard let before = spend[SpendColumn(stream: stream, year: from)],
                  let after = spend[SpendColumn(stream: stream, year: to)] else { continue }
            row.n += 1
            if after == 0, before > 0 {
                row.cut += 1
            } else if abs(after - before) <= tolerance * before {
                row.equal += 1
            } else if after > before {
                row.increase += 1
            } else {
                row.decrease += 1
            }
        }
        return row
    }

    /// Chart 2: every area with both of the last pair of years of a stream, with §11's
    /// outcome for that pair.
    static func ratios(_ clean: SurveyClean) -> [BudgetRatioRow] {
        guard let from = clean.breakdownYear, let to = clean.lastYear else { return [] }
        var rows: [BudgetRatioRow] = []
        // The last pair's edits by area and stream: one look-up each, not a scan of every edit.
        var outcomes: [Int: [SpendStream: HidiroglouBerthelot.Outcome]] = [:]
        for edit in clean.edits where edit.from.year == from && edit.to.year == to {
            outcomes[edit.area, default: [:]][edit.to.stream] = edit.edit.outcome
        }
        for (index, area) in clean.areas.enumerated() {
            for stream in SpendStream.allCases {
                let fromColumn = SpendColumn(stream: stream, year: from), toColumn = SpendColumn(stream: stream, year: to)
                guard let before = area.spend[fromColumn], let after = area.spend[toColumn] else { continue }
                rows.append(BudgetRatioRow(authority: area.authority, stream: stream, from: from.label, to: to.label,
                                           spendFrom: before, spendTo: after, ratio: before > 0 ? after / before : nil,
                                           outcome: (outcomes[index]?[stream] ?? .notScreened).rawValue))
            }
        }
        return rows
    }

    /// Charts 4–5: the breakdown's spend by type within each client group (and `all`).
    static func spendByType(_ responses: [SurveyResponse], subset: SurveySubset) -> [SpendByTypeRow] {
        let withBreakdown = responses.filter(\.hasBreakdown)
        var rows: [SpendByTypeRow] = []
        for client in Breakdown.clients + ["all"] {
            let clients = client == "all" ? Breakdown.clients : [client]
            let members = withBreakdown.filter { response in
                clients.contains { c in Breakdown.types.contains { response.number(Breakdown.column(type: $0, client: c)) != nil } }
            }
            let spend = Breakdown.types.map { type in
                SurveySums.total(members.flatMap { response in
                    clients.compactMap { response.number(Breakdown.column(type: type, client: $0)) }
                })
            }
            let whole = SurveySums.total(spend.isEmpty ? [] : members.flatMap { response in
                clients.flatMap { c in Breakdown.types.compactMap { response.number(Breakdown.column(type: $0, client: c)) } }
            })
            for (type, amount) in zip(Breakdown.types, spend) {
                rows.append(SpendByTypeRow(subset: subset, client: client, type: type, n: members.count, spend: amount,
                                           share: SurveySums.share(amount, of: whole)))
            }
        }
        return rows
    }
}
