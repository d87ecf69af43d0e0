import VFMCore

/// The pipeline file's `kind` (SPEC §12) and, for a spending survey, the rest of the file:
/// `name`, `[input]` (missing words, sheet, totals labels, as for the service returns)
/// and `[survey]` (`equal_tolerance`, `top_n`). A wrong key, type or value is exit 78 at
/// its line, like every other pipeline mistake.
enum SurveyDecoder {
    /// `kind` at the top of the file; absent is `"service-returns"`.
    static func kind(_ root: TOMLTable, file: String) throws(VFMError) -> PipelineKind {
        guard let entry = root.entry("kind") else { return .serviceReturns }
        let text = try PipelineTableReader.string(entry.node, key: "kind", file: file)
        guard let kind = PipelineKind(rawValue: text) else {
            let allowed = PipelineKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw PipelineTableReader.valueError(entry.node, key: "kind", file: file, "unknown pipeline kind `\(text)`",
                                                 hint: "use one of \(allowed) (leave `kind` out for the service returns)")
        }
        return kind
    }

    /// Missing words when a survey file's `[input]` names none: SPEC §4's list.
    static let standardMissingWords = ["n/a", "-", "don't know", "don’t know", "no info available", "not known"]

    static func decode(_ root: TOMLTable, file: String) throws(VFMError) -> PipelineDefinition {
        let top = try PipelineTableReader(root, path: "", file: file, keys: ["kind", "name", "input", "survey"])
        let name = try top.string("name")
        var missingWords = standardMissingWords
        var sheet: String?
        var totalsLabels: [String]?
        if top.optional("input") != nil {
            let input = try top.table("input", keys: ["missing_values", "sheet", "totals_labels"])
            if input.optional("missing_values") != nil { missingWords = try input.stringArray("missing_values").map(\.0) }
            sheet = try input.optional("sheet").map { node throws(VFMError) in
                try PipelineTableReader.string(node, key: input.qualified("sheet"), file: file)
            }
            if input.optional("totals_labels") != nil { totalsLabels = try input.stringArray("totals_labels").map(\.0) }
        }
        var settings = SurveySettings()
        if top.optional("survey") != nil {
            let survey = try top.table("survey", keys: ["equal_tolerance", "top_n"])
            if let node = survey.optional("equal_tolerance") {
                let value = try PipelineTableReader.number(node, key: survey.qualified("equal_tolerance"), file: file)
                guard (0...1).contains(value) else {
                    throw PipelineTableReader.valueError(node, key: survey.qualified("equal_tolerance"), file: file,
                                                         "`survey.equal_tolerance` is a fraction and must be between 0 and 1",
                                                         hint: "write 0 to count only unchanged budgets as equal, 0.05 for ±5%")
                }
                settings.equalTolerance = value
            }
            if let node = survey.optional("top_n") {
                guard case .integer(let value) = node.value, value >= 1, value <= 1_000_000 else {
                    throw PipelineTableReader.valueError(node, key: survey.qualified("top_n"), file: file,
                                                         "`survey.top_n` must be a whole number of areas, at least 1",
                                                         hint: "the study compares the top 20 with the bottom 20: top_n = 20")
                }
                settings.topN = value
            }
        }
        var definition = PipelineDefinition(
            name: name, missingValueWords: missingWords, countMismatchTolerance: 0.1, reportedRatioTolerance: 0.01,
            duplicatePolicy: .keepAll, outlierRules: [], excludeOutliers: false, groups: [], descriptiveMetrics: [],
            correlationPairs: [], bandMetrics: [], strengthScale: [StrengthThreshold(minimum: 0, word: "")])
        definition.inputSheet = sheet
        definition.totalsLabels = totalsLabels
        definition.kind = .spendingSurvey
        definition.survey = settings
        return definition
    }
}
