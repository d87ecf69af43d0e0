import PipelineDefinition
import RunFiles
import Survey
import Tabular
import VFMCore

/// The survey report's sections, in the order of the study's Section 4.
struct SurveyReportContent {
    let clean: SurveyClean
    let tables: SurveyTables
    let pipeline: LoadedPipeline
    let charts: [ChartFigure]
    let funnels: [ChartFigure]

    var document: ReportDocument {
        var blocks: [ReportBlock] = [.heading(level: 1, [.name(pipeline.definition.name)])]
        blocks.append(.paragraph([.text("The commissioners' national spending survey (study Section 4), re-run on "),
                                  .name(inputNames), .text(" with pipeline "), .name(pipeline.displayPath),
                                  .text(". Figures per area sum the area's responses; the calculated subset is the "
                                      + "responses whose spend was calculated rather than estimated, and their areas.")]))
        blocks.append(.note([.strong([.text("Caveats (as the study states them).")]),
                             .text(" The figures are commissioners' own reports, not audited accounts; many are rough "
                                 + "estimates (the calculated subset shows how much that matters); and the responding "
                                 + "areas chose to respond, so they are not a random sample of England's authorities.")]))
        blocks += responsesSection + spendSection + changeSection + followUpSection + fiveYearSection
        blocks += typeSection + dataSection + personalBudgetSection + factorSection + workChoiceSection + flagSection
        if !charts.isEmpty {
            blocks.append(.heading(level: 2, [.text("Charts")]))
            blocks.append(.chartList(charts))
        }
        return ReportDocument(blocks: SmallGroup.explained(blocks, unit: .areasOrResponses))
    }

    private var inputNames: String { clean.ingest.files.map(\.path).joined(separator: ", ") }

    private static func percent(_ value: Double?) -> String { HumanNumbers.percent(value) }

    private var responsesSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("Responses and areas")],
                                [("Subset", .left), ("Responses", .right), ("Areas", .right), ("Giving spend", .right),
                                 ("Giving a breakdown", .right), ("No breakdown", .right)])
        for row in tables.responses {
            table.append(text: [row.subset.rawValue, HumanNumbers.count(row.responses), HumanNumbers.count(row.areas),
                                HumanNumbers.count(row.withSpend), HumanNumbers.count(row.withBreakdown),
                                Self.percent(row.shareWithoutBreakdown)])
        }
        let all = tables.responses.first { $0.subset == .all }, calculated = tables.responses.first { $0.subset == .calculated }
        let read = clean.ingest.files.reduce(0) { $0 + $1.rowsRead }
        let warnings = clean.ingest.warnings
        var notes: [ReportBlock] = []
        if !warnings.isEmpty {
            notes.append(.paragraph([.text("Reading the inputs:")]))
            notes.append(.bullets(warnings.prefix(ReportLimits.examplesPerRule * 10).map { Inline.displayText($0) }
                + (warnings.count > ReportLimits.examplesPerRule * 10
                    ? [[.text("… and \(HumanNumbers.count(warnings.count - ReportLimits.examplesPerRule * 10)) more (in the log)")]]
                    : [])))
        }
        return [.heading(level: 2, [.text("Responses and areas")])] + notes + [
            .paragraph([.text("\(HumanNumbers.count(all?.responses)) responses from \(HumanNumbers.count(all?.areas)) "
                + "areas (\(HumanNumbers.count(read)) rows read, \(HumanNumbers.count(clean.rejected.count)) rejected); "
                + "\(HumanNumbers.count(calculated?.responses)) responses from \(HumanNumbers.count(calculated?.areas)) "
                + "areas gave calculated figures. \(Self.percent(all?.shareWithoutBreakdown)) of responses could not "
                + "give a breakdown by type of support.")]),
            .table(table),
        ]
    }

    private var spendSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("Budget per area by stream and year")],
                                [("Subset", .left), ("Stream", .left), ("Year", .left), ("Areas", .right),
                                 ("Mean", .right), ("Median", .right), ("Total", .right)])
        for row in tables.spendByYear {
            table.append(text: [row.subset.rawValue, row.column.stream.rawValue, row.column.year.label,
                                SmallGroup.count(row.n), HumanNumbers.money(row.mean), HumanNumbers.money(row.median),
                                HumanNumbers.money(row.total)])
        }
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Spend per area by stream and year")])]
        if let chart = charts.first(where: { $0.file == "spend-by-year.svg" }) { blocks.append(.figures([chart])) }
        blocks.append(.table(table))
        return blocks
    }

    private var changeSection: [ReportBlock] {
        guard let first = tables.budgetChange.first else {
            return [.heading(level: 2, [.text("How budgets changed")]),
                    .paragraph([.text("Not computed: the inputs give no stream in both of the last two years.")])]
        }
        var table = ReportTable(caption: [.text("Table 2: budgets from \(first.from) to \(first.to)")],
                                [("Stream", .left), ("Subset", .left), ("Areas", .right), ("Increase", .right),
                                 ("Equal", .right), ("Decrease", .right), ("Cut to £0", .right)])
        for stream in SpendStream.allCases {
            for row in tables.budgetChange where row.stream == stream {
                table.append(text: [stream.rawValue, row.subset.rawValue, SmallGroup.count(row.n)]
                    + row.shares.map(Self.percent))
            }
        }
        let tolerance = pipeline.definition.survey.equalTolerance
        return [
            .heading(level: 2, [.text("How budgets changed (Table 2)")]),
            .paragraph([.text("Each area's budget in \(first.to) against \(first.from), whole set and calculated subset. "
                + (tolerance == 0 ? "Equal means unchanged to the pound."
                    : "Equal means within \(Self.percent(tolerance)) of the earlier budget."))]),
            .table(table),
        ]
    }

    private var followUpSection: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Year-on-year changes and areas followed up")])]
        if !funnels.isEmpty { blocks.append(.figures(funnels)) }
        let flagged = clean.responses.flatMap { response in
            response.flags.filter { $0.rule == .periodChange || $0.rule == .periodThousands }.map { (response, $0) }
        }
        if flagged.isEmpty {
            blocks.append(.paragraph([.text("No area's budget changed more than areas of its size did between "
                + "consecutive years (Hidiroglou–Berthelot), and none looks like pounds one year and thousands the other.")]))
            return blocks
        }
        blocks.append(.paragraph([.text("\(HumanNumbers.count(flagged.count)) year-on-year changes to follow up with "
            + "the areas (all in "), .code(RunLayout.cleanFlags), .text("):")]))
        var table = ReportTable(caption: [.text("Areas to follow up")],
                                [("Area", .left), ("Budget", .left), ("Rule", .left), ("Ratio", .right)])
        for (response, flag) in flagged.prefix(ReportLimits.fullList) {
            table.append([[.displayName(response.authority)], [.code(flag.metric ?? "")], [.text(flag.rule.rawValue)],
                          [.text(HumanNumbers.decimal(flag.value, decimals: 2))]])
        }
        blocks.append(.table(table))
        return blocks
    }

    private var fiveYearSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("Spend compared with five years before")],
                                [("Subset", .left), ("Responses", .right), ("More", .right), ("Same", .right),
                                 ("Less", .right), ("No answer", .right)])
        for row in tables.fiveYear {
            table.append(text: [row.subset.rawValue, SmallGroup.count(row.n)]
                + row.counts.map { Self.percent(SurveySums.share($0, of: row.n)) })
        }
        return [.heading(level: 2, [.text("Compared with five years ago")]), .table(table)]
    }

    private var typeSection: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Spend by type of support within client group")])]
        if let chart = charts.first(where: { $0.file == "spend-by-type.svg" }) { blocks.append(.figures([chart])) }
        var table = ReportTable(caption: [.text("Share of breakdown spend by type (all client groups)")],
                                [("Type", .left), ("Whole set", .right), ("Calculated", .right),
                                 ("Personal-budget users", .right)])
        for type in Breakdown.types {
            table.append(text: [type] + SurveySubset.allCases.map { subset in
                Self.percent(tables.spendByType.first { $0.subset == subset && $0.client == "all" && $0.type == type }?.share)
            })
        }
        let paid = tables.spendByType.first { $0.subset == .all && $0.client == "all" && $0.type == "paid_work" }
        blocks.append(.paragraph([.text("Support into paid work took \(Self.percent(paid?.share)) of the breakdown spend "
            + "of the \(HumanNumbers.count(paid?.n)) responses giving a breakdown.")]))
        blocks.append(.table(table))
        return blocks
    }

    private var dataSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("Table 3: data collected (% of those answering)")],
                                [("Item", .left), ("Whole set", .right), ("n", .right), ("Calculated", .right),
                                 ("n", .right)])
        for item in tables.dataCollected where item.subset == .all {
            let subset = tables.dataCollected.first { $0.subset == .calculated && $0.item == item.item }
            table.append(text: [item.item, Self.percent(item.shareYes), SmallGroup.count(item.answered),
                                Self.percent(subset?.shareYes), SmallGroup.count(subset?.answered)])
        }
        let jobs = tables.dataCollected.first { $0.subset == .all && $0.item == "job_numbers" }
        let no = jobs.map { $0.answered - $0.yes }
        return [
            .heading(level: 2, [.text("What data commissioners collect (Table 3)")]),
            .paragraph([.text("\(Self.percent(jobs?.shareYesOfAll)) of responses collect data on the people supported "
                + "into employment and \(Self.percent(SurveySums.share(no ?? 0, of: jobs?.responses ?? 0))) do not.")]),
            .table(table),
        ]
    }

    private var personalBudgetSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("Personal budgets (% of all responses)")],
                                [("Question", .left), ("Answer", .left), ("Responses", .right), ("Share", .right)])
        for row in tables.personalBudgets {
            table.append(text: [row.question, row.answer, HumanNumbers.count(row.n), Self.percent(row.share)])
        }
        return [.heading(level: 2, [.text("Personal budgets")]), .table(table)]
    }

    private var factorSection: [ReportBlock] {
        var table = ReportTable(caption: [.text("What shapes the spend (1 = most important)")],
                                [("Factor", .left), ("Ranked by", .right), ("Mean rank", .right), ("Ranked first", .right)])
        for row in tables.factors {
            table.append(text: [row.factor, SmallGroup.count(row.ranked), HumanNumbers.decimal(row.meanRank, decimals: 1),
                                Self.percent(row.shareFirst)])
        }
        return [.heading(level: 2, [.text("Factors in deciding the spend")]), .table(table)]
    }

    private var workChoiceSection: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Spend and Work Choice starts")])]
        guard let work = tables.workChoice else {
            blocks.append(.paragraph([.text("Not computed: run with --reference FILE "
                + "(authority,population,work_choice_starts) to compare the areas spending most and least per head.")]))
            return blocks
        }
        var sentence = "Ranking the \(HumanNumbers.count(work.ranked.count)) areas with a last-year budget and a "
            + "reference row by spend per head, the top \(work.groupSize) had a mean of "
            + "\(HumanNumbers.decimal(work.topMean, decimals: 1)) Work Choice starts per 100,000 population and the bottom "
            + "\(work.groupSize) \(HumanNumbers.decimal(work.bottomMean, decimals: 1))"
        if let welch = work.welch, let mann = work.mannWhitney {
            sentence += " (Welch's t = \(HumanNumbers.decimal(welch.t, decimals: 2)), p = \(HumanNumbers.pValue(welch.pValue)); "
                + "Mann–Whitney U = \(HumanNumbers.decimal(mann.u, decimals: 1)), p = \(HumanNumbers.pValue(mann.pValue))"
                + (mann.isExact ? ", exact" : ", normal approximation") + ")."
        } else {
            sentence += "; too few areas for the tests."
        }
        if work.groupSize < work.requestedTopN {
            sentence += " Fewer than \(2 * work.requestedTopN) areas were ranked, so each side is half of them."
        }
        blocks.append(.paragraph([.text(sentence)]))
        if !work.unmatched.isEmpty {
            var inlines: [Inline] = [.text("\(HumanNumbers.count(work.unmatched.count)) areas have no row in the reference "
                + "file and are not ranked: ")]
            for (index, name) in work.unmatched.prefix(ReportLimits.fullList).enumerated() {
                if index > 0 { inlines.append(.text(", ")) }
                inlines.append(.displayName(name))
            }
            if work.unmatched.count > ReportLimits.fullList { inlines.append(.text(", …")) }
            blocks.append(.paragraph(inlines + [.text(".")]))
        }
        return blocks
    }

    private var flagSection: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Flags and rejected rows")])]
        var table = ReportTable(caption: [.text("Flags by rule")], [("Rule", .left), ("Responses flagged", .right)])
        for rule in SurveyFlag.Rule.allCases {
            let count = clean.responses.filter { $0.flags.contains { $0.rule == rule } }.count
            if count > 0 { table.append(text: [rule.rawValue, HumanNumbers.count(count)]) }
        }
        if table.isEmpty {
            blocks.append(.paragraph([.text("No response was flagged.")]))
        } else {
            blocks.append(.table(table))
        }
        var rules: [String: Int] = [:]
        for reject in clean.rejected { rules[reject.rule.rawValue, default: 0] += 1 }
        let counted = rules.sorted { $0.key < $1.key }.map { "\($0.key) \(HumanNumbers.count($0.value))" }
        if clean.rejected.isEmpty {
            blocks.append(.paragraph([.text("No row was rejected.")]))
        } else {
            let rows = clean.rejected.count == 1 ? "row" : "rows"
            blocks.append(.paragraph([.text("\(HumanNumbers.count(clean.rejected.count)) \(rows) rejected ("
                + counted.joined(separator: ", ") + "); each with its file, line, column and reason in "),
                .code(RunLayout.cleanRejected), .text(".")]))
        }
        return blocks
    }
}
