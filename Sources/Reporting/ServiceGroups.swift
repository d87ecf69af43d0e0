import PipelineDefinition

/// How the pipeline selects a group's services by the group's name (SPEC §6): its own
/// group of that name first, else one of the built-ins every pipeline has, so a chart
/// shows the same services as the statistic (membership itself is Analysis's
/// `GroupMembership`).
enum ServiceGroups {
    /// How `definition` selects `group`'s services, or `nil` for a group this pipeline
    /// does not define and that is not a built-in.
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
}
