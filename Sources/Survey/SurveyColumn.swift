/// What a survey cell holds (SPEC §12), and so how it is read and which rule rejects it.
package enum SurveyCellKind: Sendable, Equatable {
    case text
    /// Pounds, as SPEC §4 reads money.
    case money
    /// `yes`/`no` (`y`, `true`, `x`, `✓`; `n`, `false`).
    case yesNo
    /// One of the question's answers, by canonical word or the questionnaire's wording.
    case choice([SurveyChoice])
    /// A factor's rank, 1 (most important) to 7.
    case rank
    /// A share of the spend: `45%`, `45 %`, a bare 45, or a percent-formatted cell.
    case proportion
}

/// One answer of a multiple-choice question: the word written in the outputs and the
/// wordings a cell may hold (matched after `AnswerText.fold`).
package struct SurveyChoice: Sendable, Equatable {
    package var canonical: String
    /// Folded once (`AnswerText.fold`), not for every cell.
    let wordings: Set<String>

    init(canonical: String, wordings: [String]) {
        self.canonical = canonical
        self.wordings = Set(wordings.map(AnswerText.fold))
    }
}

/// A column of the survey other than the budgets (SPEC §12's table, study Appendix 1):
/// its canonical name, what it holds, and the questionnaire's wordings accepted as its
/// header.
package struct SurveyColumn: Sendable, Equatable {
    package var name: String
    package var kind: SurveyCellKind
    var headers: [String]

    init(_ name: String, _ kind: SurveyCellKind, _ headers: [String] = []) {
        self.name = name
        self.kind = kind
        self.headers = headers
    }
}

/// The Q2b breakdown's support types and client groups, in the questionnaire's order.
package enum Breakdown {
    package static let types = ["paid_work", "self_employment", "college", "day_service_preparation", "volunteering",
                                "unpaid_work", "other"]
    package static let clients = ["mh", "ld", "other", "combined"]

    package static func column(type: String, client: String) -> String { "breakdown_\(type)_\(client)" }
}

/// The survey's fixed columns in their canonical order (the budgets, found from the
/// header, come between `response` and `spend_accuracy`).
package enum SurveyColumns {
    static let accuracy: SurveyCellKind = .choice([
        SurveyChoice(canonical: "rough", wordings: ["rough", "more rough estimates", "rough estimates"]),
        SurveyChoice(canonical: "calculated", wordings: ["calculated", "more calculated, accurate figures",
                                                         "more calculated accurate figures", "calculated, accurate figures"]),
    ])

    static let fiveYear: SurveyCellKind = .choice([
        SurveyChoice(canonical: "more", wordings: ["more", "more than 5 yrs ago", "more than 5 years ago"]),
        SurveyChoice(canonical: "same", wordings: ["same", "the same"]),
        SurveyChoice(canonical: "less", wordings: ["less", "less than 5 yrs ago", "less than 5 years ago"]),
    ])

    /// Q2e's second question: `unknown` and `don't know` are an answer here, not missing.
    static let personalBudgetUse: SurveyCellKind = .choice([
        SurveyChoice(canonical: "yes", wordings: AnswerText.yesWords + ["we know they are"]),
        SurveyChoice(canonical: "no", wordings: AnswerText.noWords + ["we know they're not", "we know they are not"]),
        SurveyChoice(canonical: "unknown", wordings: ["unknown", "don't know", "we don't know either way", "not known"]),
    ])

    package static let providers = ["la", "nhs", "private", "voluntary"]
    package static let factors = ["historical", "strategy", "ring_fenced", "local_evidence", "national_policy", "user_demand", "other"]
    package static let collectedItems = ["eligible", "receiving", "jobs", "demographics", "complexity", "job_details",
                                         "retention", "support_changes", "other_services"]

    package static let leading: [SurveyColumn] = [
        SurveyColumn("authority", .text, ["Authority Name", "Authority", "Local authority"]),
        SurveyColumn("response", .text, ["Response", "Respondent", "Role title"]),
    ]

    package static let trailing: [SurveyColumn] = {
        var columns: [SurveyColumn] = [
            SurveyColumn("spend_accuracy", accuracy, ["Spend accuracy"]),
            SurveyColumn("five_year_change", fiveYear, ["Five year change"]),
        ]
        for client in Breakdown.clients {
            for type in Breakdown.types { columns.append(SurveyColumn(Breakdown.column(type: type, client: client), .money)) }
        }
        columns += [
            SurveyColumn("breakdown_unable", .yesNo, ["Unable to supply breakdown"]),
            SurveyColumn("breakdown_accuracy", accuracy, ["Breakdown accuracy"]),
            SurveyColumn("collects_job_numbers", .yesNo, ["Collect data on people supported into employment"]),
        ]
        let providerHeaders = ["Local Authority in-house", "NHS Trust", "Private sector (for profit)",
                               "Community & Voluntary Sector"]
        for (provider, header) in zip(providers, providerHeaders) {
            columns.append(SurveyColumn("provider_\(provider)", .proportion, [header]))
        }
        columns += [
            SurveyColumn("facs_only", .yesNo, ["FACS eligible only"]),
            SurveyColumn("pb_allowed", .yesNo, ["Clients allowed to spend Personal Budget on employment support"]),
            SurveyColumn("pb_use", personalBudgetUse, ["Personal Budgets used for employment support"]),
            SurveyColumn("pb_amount_known", .yesNo, ["Information on Personal Budget spend on employment"]),
        ]
        let factorHeaders = ["Past / historical investment pattern",
                             "Active employment plan or strategy developed within the last 2 years",
                             "Ring fenced, external funding", "Applying local evidence or outcome based learning",
                             "Applying national policy & evidence", "User-led demand", "Other"]
        for (factor, header) in zip(factors, factorHeaders) {
            columns.append(SurveyColumn("factor_\(factor)", .rank, [header]))
        }
        let itemHeaders = ["Numbers assessed as eligible for employment support", "Numbers receiving employment support",
                           "Number of those supported actually gaining (or retaining) paid jobs",
                           "Age / gender / ethnicity of people gaining jobs",
                           "Complexity of disability of people gaining jobs",
                           "Types of job gained / hours worked / amounts earned", "Job retention / Career progression",
                           "Changes in type & cost of employment support for individuals over time",
                           "Resulting changes in individuals' use of other services"]
        for (item, header) in zip(collectedItems, itemHeaders) {
            columns.append(SurveyColumn("collects_\(item)", .yesNo, [header]))
        }
        return columns
    }()

    package static let all: [SurveyColumn] = leading + trailing
}

/// Answers as people type them: compared lower-cased, trimmed, with curly apostrophes
/// made straight and inner runs of spaces made one (SPEC §12: "matched case-insensitively
/// after trimming").
package enum AnswerText {
    static let yesWords = ["yes", "y", "true", "x", "✓", "✔"]
    static let noWords = ["no", "n", "false"]
    static let yes = Set(yesWords), no = Set(noWords)

    static func fold(_ text: String) -> String {
        let straight = text.lowercased().map { character -> Character in
            character == "’" || character == "‘" || character == "`" || character == "ʼ" ? "'" : character
        }
        return String(straight).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
