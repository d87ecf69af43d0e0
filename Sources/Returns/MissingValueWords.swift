/// The words a return uses for "missing" (SPEC §4; configurable in the pipeline). The
/// study's questionnaire asked respondents never to leave a box blank but to write "0",
/// "no info available" or "don't know": those words mean *missing*, never zero, in text
/// columns too. Matching ignores case, surrounding whitespace and the kind of apostrophe
/// (`don't` and `don’t`), because spreadsheets turn one into the other.
struct MissingValueWords: Sendable {
    private let words: Set<String>
    /// Longest word in UTF-8 bytes: longer cells are not compared at all (fast path).
    private let longestWord: Int

    init(_ words: [String]) {
        let normalised = words.map(Self.normalise).filter { !$0.isEmpty }
        self.words = Set(normalised)
        // A curly apostrophe is 3 UTF-8 bytes where the normalised word has 1.
        longestWord = (normalised.map(\.utf8.count).max() ?? 0) * 3
    }

    /// True when the already-trimmed `cell` is empty or one of the words.
    func isMissing(_ cell: Substring) -> Bool {
        if cell.isEmpty { return true }
        if cell.utf8.count > longestWord { return false }
        return words.contains(Self.normalise(cell))
    }

    static func normalise<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        for character in CellText.trimmed(text).lowercased() {
            switch character {
            case "’", "‘", "ʼ", "`", "´": result.append("'")
            default: result.append(character)
            }
        }
        return result
    }
}

/// Whitespace handling for cells: spreadsheets pad cells with spaces, tabs and
/// non-breaking spaces.
enum CellText {
    static func trimmed<S: StringProtocol>(_ text: S) -> Substring {
        let scalars = Substring(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
            return Substring("")
        }
        return Substring(scalars[first...last])
    }
}
