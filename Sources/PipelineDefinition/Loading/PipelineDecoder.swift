import VFMCore

/// Turns the parsed TOML of a pipeline file into a `PipelineDefinition`, checking every
/// key, type and name (metrics, groups, methods) so that a mistake stops the run with
/// exit 78 at its line and says what to write instead (SPEC §3).
enum PipelineDecoder {
    /// Group names that select by the study's own rules and take no filter.
    static let builtInGroups: [(name: String, selection: GroupSelection)] = [
        ("all", .all),
        ("LD", .clientFocus("LD")),
        ("MH", .clientFocus("MH")),
        ("mixed", .clientFocus("mixed")),
        ("evidence_based", .evidenceBased),
    ]

    static func decode(_ root: TOMLTable, file: String) throws(VFMError) -> PipelineDefinition {
        if try SurveyDecoder.kind(root, file: file) == .spendingSurvey { return try SurveyDecoder.decode(root, file: file) }
        let top = try PipelineTableReader(root, path: "", file: file, keys: [
            "kind", "name", "input", "checks", "outliers", "groups", "descriptives", "correlations", "bands", "strength",
            "scenarios", "periods", "model",
        ])
        let name = try top.string("name")

        let input = try top.table("input", keys: ["missing_values", "sheet", "totals_labels"])
        let missingWords = try input.stringArray("missing_values").map(\.0)
        let sheet = try input.optional("sheet").map { node throws(VFMError) in
            try PipelineTableReader.string(node, key: input.qualified("sheet"), file: file)
        }

        let totalsLabels = input.optional("totals_labels") == nil ? nil : try input.stringArray("totals_labels").map(\.0)

        let checks = try top.table("checks", keys: ["count_mismatch_tolerance", "reported_ratio_tolerance", "duplicates"])
        let countTolerance = try fraction(checks, "count_mismatch_tolerance")
        let ratioTolerance = try fraction(checks, "reported_ratio_tolerance")
        let duplicatePolicy = try choice(checks, "duplicates", DuplicatePolicy.self)

        let outliers = try top.table("outliers", keys: ["exclude_outliers", "rules"])
        let excludeOutliers = try outliers.boolean("exclude_outliers")
        let rules = try outlierRules(outliers)

        let groups = try groupDefinitions(top)

        let descriptives = try top.table("descriptives", keys: ["metrics"])
        let descriptiveMetrics = try metricList(descriptives, "metrics")

        let correlations = try top.table("correlations", keys: ["pairs"])
        let pairs = try correlationPairs(correlations)

        let bands = try top.table("bands", keys: ["metrics"])
        let bandMetrics = try metricList(bands, "metrics")

        let strength = try top.table("strength", keys: ["scale"])
        let scale = try strengthScale(strength)

        let scenarios = try ScenarioDecoder.scenarios(top, groups: groups)

        var definition = PipelineDefinition(
            name: name, missingValueWords: missingWords, countMismatchTolerance: countTolerance,
            reportedRatioTolerance: ratioTolerance, duplicatePolicy: duplicatePolicy, outlierRules: rules,
            excludeOutliers: excludeOutliers, groups: groups, descriptiveMetrics: descriptiveMetrics,
            correlationPairs: pairs, bandMetrics: bandMetrics, strengthScale: scale, scenarios: scenarios)
        definition.inputSheet = sheet
        definition.periods = try PeriodSettingsDecoder.settings(top)
        definition.totalsLabels = totalsLabels
        definition.model = try ModelSettingsDecoder.settings(top)
        return definition
    }

    // MARK: Sections

    private static func outlierRules(_ reader: PipelineTableReader) throws(VFMError) -> [OutlierRuleSetting] {
        var rules: [OutlierRuleSetting] = []
        for rule in try reader.tables("rules", keys: ["metric", "method", "threshold", "log_scale"]) {
            let metricNode = try rule.required("metric")
            let metric = try metric(metricNode, key: rule.qualified("metric"), file: rule.file)
            if rules.contains(where: { $0.metric == metric }) {
                throw PipelineTableReader.valueError(metricNode, key: rule.qualified("metric"), file: rule.file,
                                                     "a second outlier rule for `\(metric.rawValue)`",
                                                     hint: "keep one rule per metric")
            }
            let method = try choice(rule, "method", OutlierMethod.self)
            let thresholdNode = try rule.required("threshold")
            let threshold = try PipelineTableReader.number(thresholdNode, key: rule.qualified("threshold"), file: rule.file)
            guard threshold > 0 else {
                throw PipelineTableReader.valueError(thresholdNode, key: rule.qualified("threshold"), file: rule.file,
                                                     "the threshold must be greater than 0",
                                                     hint: "3.5 for modified-z, 1.5 for tukey, 3 for z")
            }
            let logScale = try rule.boolean("log_scale")
            rules.append(OutlierRuleSetting(metric: metric, method: method, threshold: threshold, logScale: logScale))
        }
        return rules
    }

    private static func groupDefinitions(_ reader: PipelineTableReader) throws(VFMError) -> [GroupDefinition] {
        var groups: [GroupDefinition] = []
        var names: Set<String> = []  // a set, not `groups.contains`: a pipeline may define 10⁵ groups
        let builtInNames = builtInGroups.map(\.name).joined(separator: ", ")
        for group in try reader.tables("groups", keys: ["name", "column", "values"]) {
            let nameNode = try group.required("name")
            let name = try PipelineTableReader.string(nameNode, key: group.qualified("name"), file: group.file)
            if !names.insert(name).inserted || name.isEmpty {
                throw PipelineTableReader.valueError(nameNode, key: group.qualified("name"), file: group.file,
                                                     name.isEmpty ? "a group needs a name" : "a second group named `\(name)`",
                                                     hint: "give every group its own name")
            }
            let builtIn = builtInGroups.first { $0.name == name }
            if let columnNode = group.optional("column") {
                let column = try PipelineTableReader.string(columnNode, key: group.qualified("column"), file: group.file)
                if builtIn != nil {
                    throw PipelineTableReader.valueError(nameNode, key: group.qualified("name"), file: group.file,
                                                         "`\(name)` is a built-in group and takes no filter",
                                                         hint: "give the filtered group another name")
                }
                let values = try group.stringArray("values").map(\.0)
                guard !column.isEmpty, !values.isEmpty else {
                    throw PipelineTableReader.valueError(columnNode, key: group.qualified("column"), file: group.file,
                                                         "a filter needs a column name and at least one value",
                                                         hint: "e.g. column = \"region\", values = [\"North West\"]")
                }
                groups.append(GroupDefinition(name: name, selection: .columnIn(column: column, values: values)))
            } else if let builtIn {
                groups.append(GroupDefinition(name: name, selection: builtIn.selection))
            } else {
                throw PipelineTableReader.valueError(nameNode, key: group.qualified("name"), file: group.file,
                                                     "group `\(name)` is not built in and has no filter",
                                                     hint: "use a built-in name (\(builtInNames)) or add "
                                                         + "column = \"…\" and values = [\"…\"]")
            }
        }
        return groups
    }

    private static func correlationPairs(_ reader: PipelineTableReader) throws(VFMError) -> [CorrelationPair] {
        var pairs: [CorrelationPair] = []
        for entry in try reader.tables("pairs", keys: ["x", "y"]) {
            let x = try metric(try entry.required("x"), key: entry.qualified("x"), file: entry.file)
            let yNode = try entry.required("y")
            let y = try metric(yNode, key: entry.qualified("y"), file: entry.file)
            let pair = CorrelationPair(x: x, y: y)
            if x == y || pairs.contains(pair) {
                throw PipelineTableReader.valueError(yNode, key: entry.qualified("y"), file: entry.file,
                                                     x == y ? "a metric correlated with itself" : "the pair \(x.rawValue) ~ \(y.rawValue) is listed twice",
                                                     hint: "list each pair of two different metrics once")
            }
            pairs.append(pair)
        }
        return pairs
    }

    private static func strengthScale(_ reader: PipelineTableReader) throws(VFMError) -> [StrengthThreshold] {
        var scale: [StrengthThreshold] = []
        let hint = "list thresholds from the largest down to minimum = 0, each in [0, 1]"
        let scaleNode = try reader.required("scale")
        for entry in try reader.tables("scale", keys: ["minimum", "word"]) {
            let minimumNode = try entry.required("minimum")
            let minimum = try PipelineTableReader.number(minimumNode, key: entry.qualified("minimum"), file: entry.file)
            let word = try entry.string("word")
            if !(0...1).contains(minimum) || scale.last.map({ minimum >= $0.minimum }) == true || word.isEmpty {
                throw PipelineTableReader.valueError(minimumNode, key: entry.qualified("minimum"), file: entry.file,
                                                     "strength thresholds must fall strictly and have a word", hint: hint)
            }
            scale.append(StrengthThreshold(minimum: minimum, word: word))
        }
        guard scale.last?.minimum == 0 else {
            throw PipelineTableReader.valueError(scaleNode, key: reader.qualified("scale"), file: reader.file,
                                                 "the strength scale must end with minimum = 0 so every r gets a word",
                                                 hint: hint)
        }
        return scale
    }

    // MARK: Values

    private static func metricList(_ reader: PipelineTableReader, _ key: String) throws(VFMError) -> [Metric] {
        var metrics: [Metric] = []
        for (offset, element) in try reader.array(key).enumerated() {
            let elementKey = "\(reader.qualified(key))[\(offset + 1)]"
            let metric = try metric(element, key: elementKey, file: reader.file)
            if metrics.contains(metric) {
                throw PipelineTableReader.valueError(element, key: elementKey, file: reader.file,
                                                     "`\(metric.rawValue)` is listed twice", hint: "list each metric once")
            }
            metrics.append(metric)
        }
        return metrics
    }

    private static func metric(_ node: TOMLNode, key: String, file: String) throws(VFMError) -> Metric {
        let name = try PipelineTableReader.string(node, key: key, file: file)
        guard let metric = Metric(rawValue: name) else {
            throw PipelineTableReader.valueError(node, key: key, file: file, "unknown metric `\(name)`",
                                                 hint: "use one of " + Metric.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return metric
    }

    private static func fraction(_ reader: PipelineTableReader, _ key: String) throws(VFMError) -> Double {
        let node = try reader.required(key)
        let value = try PipelineTableReader.number(node, key: reader.qualified(key), file: reader.file)
        guard (0...1).contains(value) else {
            throw PipelineTableReader.valueError(node, key: reader.qualified(key), file: reader.file,
                                                 "`\(reader.qualified(key))` is a fraction and must be between 0 and 1",
                                                 hint: "write 0.1 for 10%")
        }
        return value
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ reader: PipelineTableReader, _ key: String, _ type: Choice.Type
    ) throws(VFMError) -> Choice where Choice.RawValue == String {
        let node = try reader.required(key)
        let text = try PipelineTableReader.string(node, key: reader.qualified(key), file: reader.file)
        guard let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw PipelineTableReader.valueError(node, key: reader.qualified(key), file: reader.file,
                                                 "`\(text)` is not a valid \(reader.qualified(key))",
                                                 hint: "use one of \(allowed)")
        }
        return value
    }
}
