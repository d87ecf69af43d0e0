import VFMCore

/// Decodes the optional `[[scenarios]]` tables of a pipeline file (SPEC §6.1). Which keys
/// a scenario takes depends on its `kind`:
///
/// | kind           | keys                                              |
/// | -------------- | ------------------------------------------------- |
/// | `budget`       | `name`, `kind`, `amount` (£ a year), `years` (default 1), `groups` |
/// | `reallocation` | `name`, `kind`, `share` (0 < f ≤ 1), `spend` (£, default: the not-evidence-based services' total) |
/// | `alternative`  | `name`, `kind`, `cost` (£ per person per year), `groups` |
///
/// `groups` defaults to `["evidence_based", "all"]` and may name any pipeline group,
/// `all`, `evidence_based` or `not_evidence_based`. A wrong key, type or value is a
/// `.badPipeline` error (exit 78) at its line, like every other key of the file.
enum ScenarioDecoder {
    static let allKeys = ["name", "kind", "amount", "years", "share", "spend", "cost", "groups"]

    static func keys(ofKind kind: String) -> [String]? {
        switch kind {
        case Scenario.budgetKind: return ["name", "kind", "amount", "years", "groups"]
        case Scenario.reallocationKind: return ["name", "kind", "share", "spend"]
        case Scenario.alternativeKind: return ["name", "kind", "cost", "groups"]
        default: return nil
        }
    }

    static func scenarios(_ top: PipelineTableReader, groups: [GroupDefinition]) throws(VFMError) -> [Scenario] {
        guard top.optional("scenarios") != nil else { return [] }
        let known = knownGroups(groups)
        var scenarios: [Scenario] = []
        for entry in try top.tables("scenarios", keys: allKeys) {
            let nameNode = try entry.required("name")
            let name = try PipelineTableReader.string(nameNode, key: entry.qualified("name"), file: entry.file)
            if name.isEmpty || scenarios.contains(where: { $0.name == name }) {
                throw PipelineTableReader.valueError(nameNode, key: entry.qualified("name"), file: entry.file,
                                                     name.isEmpty ? "a scenario needs a name" : "a second scenario named `\(name)`",
                                                     hint: "give every scenario its own name")
            }
            let kindNode = try entry.required("kind")
            let kindText = try PipelineTableReader.string(kindNode, key: entry.qualified("kind"), file: entry.file)
            guard let allowed = keys(ofKind: kindText) else {
                throw PipelineTableReader.valueError(kindNode, key: entry.qualified("kind"), file: entry.file,
                                                     "`\(kindText)` is not a scenario kind",
                                                     hint: "use \"budget\", \"reallocation\" or \"alternative\"")
            }
            for item in entry.table.entries where !allowed.contains(item.key) {
                throw VFMError(.badPipeline, "`\(item.key)` does not apply to a \(kindText) scenario", file: entry.file,
                               line: item.keyPosition.line, column: entry.qualified(item.key),
                               hint: "a \(kindText) scenario takes " + allowed.map { "`\($0)`" }.joined(separator: ", "))
            }
            scenarios.append(Scenario(name: name, kind: try kind(kindText, entry, known: known)))
        }
        return scenarios
    }

    private static func kind(_ kind: String, _ entry: PipelineTableReader,
                             known: [String]) throws(VFMError) -> Scenario.Kind {
        switch kind {
        case Scenario.budgetKind:
            let amount = try positive(entry, "amount", hint: "the budget in pounds a year, e.g. amount = 195974")
            let years = entry.optional("years") == nil
                ? 1 : try positive(entry, "years", hint: "the number of years the budget is spent, e.g. years = 9")
            return .budget(amount: amount, years: years, groups: try groupList(entry, known: known))
        case Scenario.reallocationKind:
            let shareNode = try entry.required("share")
            let share = try PipelineTableReader.number(shareNode, key: entry.qualified("share"), file: entry.file)
            guard share > 0, share <= 1 else {
                throw PipelineTableReader.valueError(shareNode, key: entry.qualified("share"), file: entry.file,
                                                     "`\(entry.qualified("share"))` is a fraction and must be above 0 and at most 1",
                                                     hint: "write 0.6666666666666666 for two thirds")
            }
            let spend = entry.optional("spend") == nil
                ? nil : try positive(entry, "spend", hint: "the spend in pounds the share is taken of, e.g. spend = 1000000")
            return .reallocation(share: share, spend: spend)
        default:
            let cost = try positive(entry, "cost", hint: "the alternative's cost per person per year, e.g. cost = 14998")
            return .alternative(cost: cost, groups: try groupList(entry, known: known))
        }
    }

    /// Pipeline groups, then the built-ins a scenario may be priced at even when the
    /// pipeline does not list them.
    static func knownGroups(_ groups: [GroupDefinition]) -> [String] {
        var names = groups.map(\.name)
        for name in ["all", Scenario.evidenceBasedGroup, Scenario.notEvidenceBasedGroup] where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    private static func groupList(_ entry: PipelineTableReader, known: [String]) throws(VFMError) -> [String] {
        guard entry.optional("groups") != nil else { return Scenario.defaultGroups }
        var names: [String] = []
        for (name, node) in try entry.stringArray("groups") {
            let key = entry.qualified("groups")
            guard known.contains(name) else {
                throw PipelineTableReader.valueError(node, key: key, file: entry.file, "unknown group `\(name)`",
                                                     hint: "use one of " + known.joined(separator: ", "))
            }
            if names.contains(name) {
                throw PipelineTableReader.valueError(node, key: key, file: entry.file, "`\(name)` is listed twice",
                                                     hint: "list each group once")
            }
            names.append(name)
        }
        guard !names.isEmpty else {
            throw PipelineTableReader.valueError(try entry.required("groups"), key: entry.qualified("groups"),
                                                 file: entry.file, "a scenario needs at least one group",
                                                 hint: "leave `groups` out for evidence_based and all")
        }
        return names
    }

    private static func positive(_ entry: PipelineTableReader, _ key: String, hint: String) throws(VFMError) -> Double {
        let node = try entry.required(key)
        let value = try PipelineTableReader.number(node, key: entry.qualified(key), file: entry.file)
        guard value > 0, value.isFinite else {
            throw PipelineTableReader.valueError(node, key: entry.qualified(key), file: entry.file,
                                                 "`\(entry.qualified(key))` must be a number above 0", hint: hint)
        }
        return value
    }
}
