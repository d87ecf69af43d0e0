import PipelineDefinition

/// The built-in pipeline text with one edit, and the line where the edit's first changed
/// line stands: where a loader error about the edit must point.
struct PipelineEdit {
    let text: String
    let line: Int

    init?(replacing original: String, with replacement: String) {
        let builtIn = PipelineDefinition.builtIn().text
        guard let range = builtIn.range(of: original) else { return nil }
        text = builtIn.replacingCharacters(in: range, with: replacement)
        // Lines before the edit, plus the line inside the replacement where the offending key
        // or value sits (the first line of the replacement that the original does not have).
        let prefixLines = builtIn[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let originalLines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let offending = replacement.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { !originalLines.contains($0) } ?? 0
        line = prefixLines + offending
    }
}
