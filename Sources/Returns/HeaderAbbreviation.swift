/// Headers that abbreviate a known one (issue 28): `Learning Dis`, `Mental Hlth`,
/// `No of ppl supported`, `LDs`. They are not misspellings (too many edits) and not known
/// short forms, so they would be carried as extra columns in silence; a warning names the
/// column each probably means.
///
/// The rule: a header abbreviates a label when both have the same number of words and each
/// header word abbreviates the label's word in the same place — it starts with the same
/// letter and its letters appear in the word in order (`hlth` in `health`, `dis` in
/// `disability`), a final plural `s` aside (`lds` for `ld`) — and it differs from the label.
/// A header word of one letter must be the label's word itself, so that `n` or `p` do not
/// stand for anything.
enum HeaderAbbreviation {
    /// The column whose label `key` abbreviates, with that label; the first label in
    /// `ColumnAliases.labelKeys` order.
    static func column(abbreviatedBy key: HeaderKey) -> (column: ReturnColumn, label: HeaderKey)? {
        let words = key.text.split(separator: " ")
        guard !words.isEmpty else { return nil }
        for candidate in ColumnAliases.labelKeys where candidate.key != key {
            let labelWords = candidate.key.text.split(separator: " ")
            guard labelWords.count == words.count else { continue }
            if zip(words, labelWords).allSatisfy({ abbreviates($0, $1) }) { return (candidate.column, candidate.key) }
        }
        return nil
    }

    static func abbreviates(_ short: Substring, _ word: Substring) -> Bool {
        if short == word { return true }
        guard short.count >= 2, let first = short.first, word.first == first else { return false }
        if isSubsequence(short, of: word) { return true }
        return short.count >= 3 && short.last == "s" && isSubsequence(short.dropLast(), of: word)
    }

    private static func isSubsequence(_ short: Substring, of word: Substring) -> Bool {
        var remaining = word[...]
        for character in short {
            guard let found = remaining.firstIndex(of: character) else { return false }
            remaining = remaining[remaining.index(after: found)...]
        }
        return true
    }
}
