import PipelineDefinition

/// Which rows of `clean/services.csv` belong to a group, decided the way the pipeline
/// defines the group (SPEC §6), so a chart shows the same services as the statistic.
struct ServiceGroups {
    let definition: PipelineDefinition

    /// True when the row's `evidence_based` label is one of the study's two kinds.
    static func isEvidenceBased(_ row: RunTable.Row) -> Bool {
        guard let label = row.text("evidence_based")?.lowercased() else { return false }
        return label == "ips-fidelity" || label == "observed-good-practice"
    }

    /// The services of `group` that enter statistics, or `nil` for a group this
    /// pipeline does not define and that is not a built-in.
    func members(of group: String, in services: RunTable) -> [RunTable.Row]? {
        memberIndices(of: group, in: services).map { $0.map { services.rows[$0] } }
    }

    /// The rows (by position) of the services of `group` that enter statistics.
    func memberIndices(of group: String, in services: RunTable) -> [Int]? {
        guard let selection = Self.selection(of: group, in: definition) else { return nil }
        return services.rows.indices.filter { entersStatistics(services.rows[$0]) && matches(services.rows[$0], selection) }
    }

    /// How `definition` selects `group`'s services: its own group of that name first, else a built-in.
    static func selection(of group: String, in definition: PipelineDefinition) -> GroupSelection? {
        definition.groups.first { $0.name == group }?.selection ?? builtIn(group)
    }

    /// The groups every pipeline has, unless it defines a group of that name itself.
    static let builtInNames = ["all", "LD", "MH", "mixed", "evidence_based"]

    private static func builtIn(_ group: String) -> GroupSelection? {
        switch group {
        case "all": return .all
        case "LD", "MH", "mixed": return .clientFocus(group)
        case "evidence_based": return .evidenceBased
        default: return nil
        }
    }

    private func matches(_ row: RunTable.Row, _ selection: GroupSelection) -> Bool {
        switch selection {
        case .all: return true
        case .clientFocus(let focus): return row.text("client_focus") == focus
        case .evidenceBased: return Self.isEvidenceBased(row)
        case .columnIn(let column, let values):
            guard let text = row.text(column) else { return false }
            let wanted = Set(values.map { $0.trimmingWhitespace().lowercased() })
            return wanted.contains(text.trimmingWhitespace().lowercased())
        }
    }

    /// A service enters statistics unless the clean stage marked it
    /// `excluded_from_statistics` (with `exclude_outliers`, flagged outliers stay in
    /// services.csv but enter no figure). Without that column, its outlier flag decides.
    private func entersStatistics(_ row: RunTable.Row) -> Bool {
        !Self.isExcluded(row, excludeOutliers: definition.excludeOutliers) && row.text("current") != "no"
    }

    static func isExcluded(_ row: RunTable.Row, excludeOutliers: Bool) -> Bool {
        if let marked = row.text("excluded_from_statistics") { return marked == "true" }
        guard excludeOutliers else { return false }
        let rules = (row.text("flags") ?? "").split(separator: ";")
        return rules.contains { $0.hasPrefix("outlier") }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
