/// What a return must hold, column by column, in the words of the people who fill it in
/// (issue 28): the name, the kind of value, whether it is required, what it means (the
/// study's Appendix 6 wording) and the other headers accepted for it (`ColumnAliases`).
/// `vfm columns` prints it, `vfm template` writes it beside the headers, and the README's
/// "Your returns" section says the same; it is derived from `ReturnColumn` and
/// `ColumnAliases`, so a new column or alias appears everywhere at once.
public enum ColumnGuide {
    public struct Entry: Sendable, Equatable {
        public var column: String
        /// `text`, `choice`, `money (£)` or `count`.
        public var type: String
        /// `yes`, `no`, or `yes*` for the outcome columns (the three breakdown columns, or
        /// `outcomes_total`, or both).
        public var required: String
        public var meaning: String
        /// Other headers read as this column, as `vfm` matches them (case, spaces and
        /// punctuation aside).
        public var alsoAccepted: [String]
    }

    /// The values `evidence_based` accepts (an empty cell or `no`: not evidence-based).
    public static let evidenceBasedValues = ["ips-fidelity", "observed-good-practice", "no"]

    public static let entries: [Entry] = ReturnColumn.all.map { column in
        let required = ReturnColumn.required.contains(column) ? "yes"
            : (ReturnColumn.outcomeBreakdown.contains(column) || column == .outcomesTotal) ? "yes*" : "no"
        let type: String
        switch column.kind {
        case .text: type = "text"
        case .evidenceBase: type = "choice"
        case .money: type = "money (£)"
        case .count: type = "count"
        }
        let also = (ColumnAliases.labels[column] ?? []).dropFirst().filter {
            $0 != column.rawValue && !AnalystHeaders.hourBandVariants.contains($0)
        }
        var unique: [String] = []
        var seen: Set<HeaderKey> = [HeaderKey(column.rawValue)]
        for label in also where seen.insert(HeaderKey(label)).inserted { unique.append(label) }
        return Entry(column: column.rawValue, type: type, required: required, meaning: meaning(column), alsoAccepted: unique)
    }

    /// The study's wording for each column (NDTi 2014, Appendix 6; SPEC §4's table).
    static func meaning(_ column: ReturnColumn) -> String {
        switch column {
        case .authority: return "Local authority area"
        case .service: return "Name of the service"
        case .period: return "Year the figures cover, e.g. 2012/13"
        case .model: return "Model of support (free text)"
        case .evidenceBased: return "Evidence based practice site: ips-fidelity, observed-good-practice, or no (or empty)"
        case .totalCost: return "Total cost of the contract/service in the period, in pounds"
        case .peopleSupported: return "Total number of people who received support"
        case .clientsLD: return "People supported who have a learning disability (number, or % of people supported)"
        case .clientsMH: return "People supported who have a mental health problem (number or %)"
        case .clientsPhysicalSensory: return "People supported who have a physical/sensory impairment (number or %)"
        case .clientsAutism: return "People supported who have autism (number or %)"
        case .clientsHomeless: return "People supported who are homeless (number or %)"
        case .clientsDrugAlcohol: return "People supported with drug- and alcohol-related problems (number or %)"
        case .clientsOther: return "Other people supported (number or %)"
        case .supportLT7: return "People receiving less than 7 hours a week of health and social care support (number or %)"
        case .support7to40: return "People receiving 7-40 hours a week of support (number or %)"
        case .support40plus: return "People receiving 40+ hours a week of support (number or %)"
        case .outcomesGained: return "People who gained a new paid job (number, or % of outcomes_total)"
        case .outcomesRetained: return "People actively supported to retain a paid job (number or %)"
        case .outcomesSelfEmployed: return "People who became self-employed (number or %)"
        case .outcomesTotal: return "Total number of people who gained or retained a paid job"
        case .outcomesLD: return "Job outcomes: people with a learning disability"
        case .outcomesMH: return "Job outcomes: people with a mental health problem"
        case .outcomesPhysicalSensory: return "Job outcomes: people with a physical/sensory impairment"
        case .outcomesAutism: return "Job outcomes: people with autism"
        case .outcomesHomeless: return "Job outcomes: people who are homeless"
        case .outcomesDrugAlcohol: return "Job outcomes: people with drug- and alcohol-related problems"
        case .outcomesOther: return "Job outcomes: other people"
        case .outcomesLT7: return "Job outcomes: people receiving less than 7 hours a week of support"
        case .outcomes7to40: return "Job outcomes: people receiving 7-40 hours a week of support"
        case .outcomes40plus: return "Job outcomes: people receiving 40+ hours a week of support"
        case .reportedCostPerPerson: return "Cost per person supported, as the service reports it (checked)"
        case .reportedCostPerOutcome: return "Cost per paid job outcome, as the service reports it (checked)"
        }
    }

    /// `vfm columns`: one block per column, then how cells are read.
    public static func text(missingWords: [String], totalsLabels: [String]? = nil) -> String {
        var lines = ["Columns of a return (one row per service per period). Required: yes; yes* = the three outcome "
            + "columns outcomes_gained, outcomes_retained, outcomes_self_employed, or outcomes_total, or both.", ""]
        for entry in entries {
            lines.append("\(entry.column)  —  \(entry.type), required: \(entry.required)")
            lines.append("    \(entry.meaning)")
            if !entry.alsoAccepted.isEmpty { lines.append("    also accepted: " + entry.alsoAccepted.joined(separator: "; ")) }
        }
        lines += ["", "Headers match ignoring case, spaces and punctuation; other columns are carried through as text.",
                  "Hour bands may also be written hrs, hr or h, followed by a week, per week, pw, /week or /wk.",
                  "evidence_based: " + evidenceBasedValues.joined(separator: ", ") + " (any other label is flagged).",
                  "Missing (not zero): an empty cell or " + missingWords.map { "\"\($0)\"" }.joined(separator: ", ") + ".",
                  "Totals rows (rejected, not a service): "
                    + (totalsLabels ?? TotalsLabels.standardLabels).map { "\"\($0)\"" }.joined(separator: ", ") + "."]
        return lines.joined(separator: "\n") + "\n"
    }
}
