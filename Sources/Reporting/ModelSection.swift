import Analysis
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

/// The report's "What explains value for money" (SPEC §14): the Poisson model's rate
/// ratios with their intervals, one plain sentence on evidence-based services with its
/// interval and n, the dispersion, and the caveat that these are services' own returns.
/// A function of typed rows only, so it fits any rendering of the report. No section when
/// the pipeline has no `[model]`.
enum ModelSection {
    static func blocks(_ tables: ModelTables, settings: ModelSettings?) -> [ReportBlock] {
        guard let settings else { return [] }
        var blocks: [ReportBlock] = [
            .heading(level: 2, [.text("What explains value for money")]),
            .paragraph([
                .text("The figures above compare groups of services as they are. Evidence-based services may buy more "
                    + "job outcomes per pound because of how they work, or because of whom and how many they support. "
                    + "A Poisson regression of each service's job outcomes, with its total cost as the exposure (offset "
                    + "log total cost), separates these: a "), .emphasis([.text("rate ratio")]),
                .text(" is how many times as many job outcomes a pound buys, the other covariates equal. Standard "
                    + "errors are robust (HC0 sandwich), because services' outcomes vary more than a Poisson count "
                    + "would."),
            ]),
        ]
        // With a `[model]` the fit table always has its row (n and parameters, fitted or not).
        let rows = tables.model
        guard let fit = tables.fit.first, fit.isFitted, !rows.isEmpty else {
            return blocks + [.paragraph([.text(tables.fit.first.map(notFitted) ?? "The model was not fitted in this run.")])]
        }
        var table = ReportTable(caption: [.text("Rate ratios of job outcomes per pound (n = " + HumanNumbers.count(fit.n)
                                                + " services)")],
                                [("Covariate", .left), ("Rate ratio", .right), ("95% CI", .right), ("p", .right)])
        for row in rows where row.term != ModelCovariate.interceptTerm {
            let figures = row.coefficient
            let interval = figures.ciLow == nil && figures.ciHigh == nil ? HumanNumbers.missing
                : HumanNumbers.decimal(figures.ciLow, decimals: 2) + " to " + HumanNumbers.decimal(figures.ciHigh, decimals: 2)
            table.append([[.text(termLabel(row.term))], [.text(HumanNumbers.decimal(figures.rateRatio, decimals: 2))],
                          [.text(interval)], [.text(HumanNumbers.pValue(figures.pValue))]])
        }
        blocks.append(.table(table))
        if let sentence = evidenceSentence(rows, fit: fit, covariates: settings.covariates) {
            blocks.append(.paragraph([.text(sentence)]))
        }
        blocks.append(.paragraph([.text(dispersionSentence(fit))]))
        blocks.append(.note([
            .strong([.text("These are services' own returns, not a trial.")]),
            .text(" The model holds equal only the covariates in the table; anything else that differs between "
                + "services — how they count a job outcome, the local labour market, who is referred to them — stays "
                + "in the rate ratios."),
        ]))
        blocks.append(.paragraph([
            .text("Full precision, with the coefficients on the log scale and their standard errors: "),
            .link([.code(RunLayout.model)], .runFile(RunLayout.model)), .text("; n, dispersion, deviance and "
                + "iterations: "), .link([.code(RunLayout.modelFit)], .runFile(RunLayout.modelFit)), .text("."),
        ]))
        return blocks
    }

    /// A term as a commissioner reads it, with what it is compared against.
    static func termLabel(_ term: String) -> String {
        switch term {
        case "evidence_based": return "Evidence-based (against the others)"
        case "client_focus_MH": return "MH-focused (against LD-focused)"
        case "client_focus_mixed": return "Mixed client group (against LD-focused)"
        case "log_people_supported": return "People supported (per 2.72 times as many)"
        case "support_level_index": return "Support Level Index (per point)"
        default: return term
        }
    }

    /// SPEC §14's sentence: "Taking client group and size into account, evidence-based
    /// services bought 1.8 times as many job outcomes per pound as the others (95% CI 1.2
    /// to 2.6, n = 66)."
    static func evidenceSentence(_ rows: [ModelRow], fit: ModelFitRow, covariates: [ModelCovariate]) -> String? {
        guard let row = rows.first(where: { $0.term == ModelCovariate.evidenceBased.rawValue })?.coefficient,
              let ratio = row.rateRatio
        else { return nil }
        let adjusted = covariates.compactMap { covariate -> String? in
            switch covariate {
            case .evidenceBased: return nil
            case .clientFocus: return "client group"
            case .logPeopleSupported: return "size"
            case .supportLevelIndex: return "support level"
            }
        }
        let opening = adjusted.isEmpty ? "Without taking anything else into account"
            : "Taking " + list(adjusted) + " into account"
        var sentence = opening + ", evidence-based services bought " + HumanNumbers.decimal(ratio, decimals: 1)
            + " times as many job outcomes per pound as the others"
        if let low = row.ciLow, let high = row.ciHigh {
            sentence += " (95% CI " + HumanNumbers.decimal(low, decimals: 1) + " to "
                + HumanNumbers.decimal(high, decimals: 1) + ", n = " + HumanNumbers.count(fit.n) + ")."
            if low <= 1, high >= 1 {
                sentence += " The interval includes 1: these returns cannot tell that apart from no difference."
            }
        } else {
            sentence += " (n = " + HumanNumbers.count(fit.n) + ")."
        }
        return sentence
    }

    static func dispersionSentence(_ fit: ModelFitRow) -> String {
        "Pearson dispersion " + HumanNumbers.decimal(fit.dispersion, decimals: 1)
            + " (1 for counts that vary as a Poisson count does): "
            + ((fit.dispersion ?? 0) > 1.5
                ? "services' job outcomes vary far more than that, so only the robust intervals are to be trusted."
                : "close to Poisson variation.")
    }

    /// Why there is no table, from the fit row alone (so `vfm-report` by hand says the same).
    static func notFitted(_ fit: ModelFitRow) -> String {
        let services = HumanNumbers.count(fit.n) + (fit.n == 1 ? " service" : " services")
        if fit.hasTooFewServices {
            return "The model was not fitted: it has " + HumanNumbers.count(fit.parameters)
                + " parameters and needs at least " + HumanNumbers.count(fit.parameters + 2)
                + " services with total cost, job outcomes and every covariate known; these returns have " + services + "."
        }
        return "The model was not fitted to these " + services + ": a covariate takes the same value in every one "
            + "of them (for example, none or all is evidence-based) or repeats another, or a group of them has no "
            + "job outcome at all, so the model has no unique, finite answer."
    }

    private static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }
}

extension ReportContent {
    var whatExplainsValueForMoney: [ReportBlock] { ModelSection.blocks(data.model, settings: pipeline.definition.model) }
}
