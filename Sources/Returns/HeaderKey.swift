import VFMCore
/// The form in which a header is compared with the known column names: lower case, with
/// every run of punctuation and spaces turned into one space, so that `Total_Cost`,
/// `total cost` and `Total cost (£)` are the same column. `%`, `+` and `&` are words
/// (`percent`, `plus`, `and`): `People with autism (%)` must not collide with
/// `People with autism`, and `40+ hours a week` must keep its plus. `<` and `>` are
/// `less than` and `more than` (issue 28): `<7 hrs` is an hour band, not `7 hrs`.
package struct HeaderKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let text: String

    package init(_ header: String) {
        var words: [String] = []
        var current = ""
        func endWord() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in header.lowercased() {
            switch character {
            case "%": endWord(); words.append("percent")
            case "+": endWord(); words.append("plus")
            case "&": endWord(); words.append("and")
            case "<": endWord(); words += ["less", "than"]
            case ">": endWord(); words += ["more", "than"]
            case "'", "’", "‘": continue  // people's → peoples
            default:
                if character.isLetter || character.isNumber { current.append(character) } else { endWord() }
            }
        }
        endWord()
        text = words.joined(separator: " ")
    }

    package var isEmpty: Bool { text.isEmpty }
    package var description: String { text }

    package static func < (lhs: HeaderKey, rhs: HeaderKey) -> Bool {
        ByteOrder.precedes(lhs.text, rhs.text)
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt headers. Inputs are cut to
/// 64 characters so a pathological header cannot make it expensive.
enum EditDistance {
    static let maximumLength = 64

    static func between(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars.prefix(maximumLength))
        let b = Array(rhs.unicodeScalars.prefix(maximumLength))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The distance between `lhs` and `rhs` if it is at most `limit`, else `nil`. Only the
    /// diagonal band of width 2·limit+1 is computed (Ukkonen), so checking a header against
    /// every known label costs O(length · limit) per label.
    static func atMost(_ limit: Int, _ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int? {
        let n = lhs.count, m = rhs.count
        guard abs(n - m) <= limit else { return nil }
        let beyond = limit + 1
        var previous = (0...m).map { min($0, beyond) }
        var current = Array(repeating: beyond, count: m + 1)
        if n == 0 { return m <= limit ? m : nil }
        for i in 1...n {
            current[0] = min(i, beyond)
            var rowMinimum = current[0]
            let low = max(1, i - limit), high = min(m, i + limit)
            // Cells just outside the band are read by this row or the next: keep them "beyond".
            if low - 1 >= 1 { current[low - 1] = beyond }
            if high + 1 <= m { current[high + 1] = beyond }
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                    current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[m] <= limit ? previous[m] : nil
    }

    /// How many edits still count as a misspelling of a name with this many characters:
    /// none for short names (too many real words are one edit from `model`), one up to 10,
    /// two beyond.
    static func misspellingAllowance(forLength length: Int) -> Int {
        switch length {
        case ..<5: return 0
        case 5...10: return 1
        default: return 2
        }
    }
}
