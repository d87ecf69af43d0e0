import VFMCore

/// The optional `[periods]` table (SPEC §11): `current`, `edits`, `u`, `a`, `c`.
enum PeriodSettingsDecoder {
    static func settings(_ top: PipelineTableReader) throws(VFMError) -> PeriodSettings {
        var settings = PeriodSettings()
        guard top.optional("periods") != nil else { return settings }
        let periods = try top.table("periods", keys: ["current", "edits", "u", "a", "c"])
        if let node = periods.optional("current") {
            settings.current = try PipelineTableReader.string(node, key: periods.qualified("current"), file: periods.file)
        }
        if periods.optional("edits") != nil {
            var edits: [Metric] = []
            for (name, node) in try periods.stringArray("edits") {
                guard let metric = Metric(rawValue: name), [.totalCost, .peopleSupported, .jobOutcomes].contains(metric) else {
                    throw PipelineTableReader.valueError(node, key: periods.qualified("edits"), file: periods.file,
                                                         "`\(name)` is not a variable the period edits screen",
                                                         hint: "use total_cost, people_supported or job_outcomes")
                }
                if !edits.contains(metric) { edits.append(metric) }
            }
            settings.edits = edits
        }
        settings.sizeExponent = try parameter(periods, "u", default: settings.sizeExponent, range: 0...1,
                                              meaning: "the size exponent U, between 0 and 1 (univOutl's default 0.5)")
        settings.spreadFloor = try parameter(periods, "a", default: settings.spreadFloor, range: 0...1,
                                             meaning: "A, between 0 and 1 (univOutl's default 0.05)")
        settings.boundWidth = try parameter(periods, "c", default: settings.boundWidth, range: 0...1_000,
                                            meaning: "C, a positive number of spreads (univOutl's default 4)")
        return settings
    }

    private static func parameter(_ reader: PipelineTableReader, _ key: String, default value: Double,
                                  range: ClosedRange<Double>, meaning: String) throws(VFMError) -> Double {
        guard let node = reader.optional(key) else { return value }
        let number = try PipelineTableReader.number(node, key: reader.qualified(key), file: reader.file)
        guard range.contains(number), key != "c" || number > 0 else {
            throw PipelineTableReader.valueError(node, key: reader.qualified(key), file: reader.file,
                                                 "`\(reader.qualified(key))` is \(number)", hint: "write \(meaning)")
        }
        return number
    }
}
