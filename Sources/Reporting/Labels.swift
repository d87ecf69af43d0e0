import PipelineDefinition

/// Words a commissioner reads instead of column and group ids.
enum Labels {
    /// The group's name in the report; pipeline-defined names are third-party text and
    /// are escaped by the caller.
    static func group(_ name: String) -> String {
        switch name {
        case "all": return "All services"
        case "LD": return "LD-focused"
        case "MH": return "MH-focused"
        case "mixed": return "Mixed"
        case "evidence_based": return "Evidence-based"
        default: return name
        }
    }

    /// A measure's name, without unit.
    static func metric(_ name: String) -> String {
        switch Metric(rawValue: name) {
        case .totalCost: return "Total cost of service"
        case .peopleSupported: return "People supported"
        case .jobOutcomes: return "Job outcomes"
        case .outcomeRate: return "Job outcome rate"
        case .costPerPerson: return "Cost per person supported"
        case .costPerOutcome: return "Cost per job outcome"
        case .gainedShare: return "Share of job outcomes that were new jobs"
        case .retainedShare: return "Share of job outcomes that were retained jobs"
        case .selfEmployedShare: return "Share of job outcomes that were self-employment"
        case .ldShare: return "Share of people with a learning disability"
        case .mhShare: return "Share of people with a mental health problem"
        case .supportLevelIndex: return "Support Level Index"
        case nil: return name
        }
    }

    /// The measure's name inside a sentence: first letter lower-cased, except for the
    /// study's proper name "Support Level Index".
    static func metricInSentence(_ name: String) -> String {
        let label = metric(name)
        guard Metric(rawValue: name) != .supportLevelIndex, let first = label.first else { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// The measure's name with its unit, for chart axes: `Cost per job outcome (£)`.
    static func axis(_ name: String) -> String {
        guard let metric = Metric(rawValue: name) else { return name }
        if metric.isMoney { return self.metric(name) + " (£)" }
        if metric.isRate { return self.metric(name) + " (%)" }
        return self.metric(name)
    }

    /// Where the study shows the same relationship (NDTi 2014, Section 5), so a reader
    /// can hold the two side by side; `nil` for pairs the study did not chart.
    static func studyReference(x: String, y: String) -> String? {
        let pair = Set([x, y])
        func has(_ a: Metric, _ b: Metric) -> Bool { pair == Set([a.rawValue, b.rawValue]) }
        if has(.outcomeRate, .costPerOutcome) { return "study Chart 8" }
        if has(.gainedShare, .outcomeRate) { return "study Table 7, Chart 9" }
        if has(.retainedShare, .outcomeRate) { return "study Table 7, Chart 10" }
        if has(.costPerOutcome, .gainedShare) { return "study Chart 11" }
        if has(.totalCost, .costPerPerson) { return "study Chart 12" }
        if has(.peopleSupported, .outcomeRate) { return "study: size of the service" }
        if pair.contains(Metric.supportLevelIndex.rawValue) { return "study: people's support levels" }
        return nil
    }
}
