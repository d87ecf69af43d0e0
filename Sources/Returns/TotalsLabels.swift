/// The labels that mark a spreadsheet's totals row (SPEC §4 "Totals are not services"): a
/// council's return often ends with a `Total` line summing the services above it, and
/// analysing it as one more service would count every service twice (issue 28: mean total
/// cost +85% in a 12-service file). A row whose `authority` or `service` is a totals label
/// is rejected as `total-row`. Configurable in the pipeline (`[input] totals_labels`).
///
/// Matching: like the missing words (case, surrounding spaces and apostrophes aside), and,
/// decided here because councils label sub-totals that way, a label also matches as the
/// **last words** of a name (`Leeds Total`, `York sub-total`) or as its first words
/// followed by a colon, a dash or `for` (`Total: Leeds`, `Sub-total - York`, `Total for
/// Hull`); a trailing colon is ignored (`Total:`). A name that merely starts with a label
/// word (`Total Employment Support`) is a service.
package struct TotalsLabels: Sendable {
    /// SPEC §4's list, used when the pipeline names none.
    static let standardLabels = ["total", "totals", "grand total", "sub-total", "subtotal", "sum", "all services"]
    package static let standard = TotalsLabels(standardLabels)

    private let labels: [String]
    /// For each label, a run of ASCII letters it holds (`sub-total` → `total`); an ASCII
    /// name without any of them cannot match. `nil` when some label has none.
    private let needles: [[UInt8]]?
    /// The needles' first bytes, as bits 0–127 of two words: a position whose byte is none
    /// of them starts no needle, and is passed over with one test.
    private let firstBytes: (low: UInt64, high: UInt64)

    package init(_ labels: [String]) {
        self.labels = labels.map(Self.normalise).filter { !$0.isEmpty }
        let needles = self.labels.map { label in
            label.utf8.split { !(($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))) }
                .max { $0.count < $1.count }.map(Array.init) ?? []
        }
        self.needles = needles.contains { $0.isEmpty } ? nil : Self.fewest(needles)
        var firstBytes: (low: UInt64, high: UInt64) = (0, 0)
        for needle in self.needles ?? [] {
            // A needle is lower-case ASCII letters and digits: below 128.
            if needle[0] < 64 { firstBytes.low |= 1 << needle[0] } else { firstBytes.high |= 1 << (needle[0] - 64) }
        }
        self.firstBytes = firstBytes
    }

    /// The needles that hold no other (`totals` and `subtotal` hold `total`), each once: a
    /// name holds one of all the needles exactly when it holds one of these.
    static func fewest(_ needles: [[UInt8]]) -> [[UInt8]] {
        func holds(_ needle: [UInt8], _ other: [UInt8]) -> Bool {
            other.count <= needle.count
                && (0...(needle.count - other.count)).contains { needle[$0..<($0 + other.count)].elementsEqual(other) }
        }
        var kept: [[UInt8]] = []
        for (index, needle) in needles.enumerated() {
            let holdsAnother = needles.indices.contains { other in
                other != index && holds(needle, needles[other]) && (needles[other] != needle || other < index)
            }
            if !holdsAnother { kept.append(needle) }
        }
        return kept
    }

    /// Whether the ASCII `cell`, lower-cased, holds one of `needles`: a byte scan with no
    /// `String` made, run on every authority and service of every row (at 10⁶ rows the
    /// full test cost 18% of the run, issue 28 → the speed check after it).
    /// The scan runs on the string's own UTF-8 storage (a native `String` always has it), not
    /// through `String.UTF8View`'s indices, which cost 6% of a 10⁵-row workbook's ingest (issue 30).
    private func mayHold(_ cell: String, _ needles: [[UInt8]]) -> Bool? {
        if let held = cell.utf8.withContiguousStorageIfAvailable({ mayHold($0, needles) }) { return held }
        return Array(cell.utf8).withUnsafeBufferPointer { mayHold($0, needles) }
    }

    private func mayHold(_ bytes: UnsafeBufferPointer<UInt8>, _ needles: [[UInt8]]) -> Bool? {
        for byte in bytes where byte >= 0x80 { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte }
        for start in bytes.indices {
            let first = lower(bytes[start])
            let bit = first < 64 ? firstBytes.low >> first : firstBytes.high >> (first - 64)
            guard bit & 1 != 0 else { continue }
            for needle in needles where needle[0] == first && needle.count <= bytes.count - start {
                var matched = true
                for (offset, expected) in needle.enumerated().dropFirst() where lower(bytes[start + offset]) != expected {
                    matched = false
                    break
                }
                if matched { return true }
            }
        }
        return false
    }

    /// True when `cell` (a name as read) is a totals label by the rule above. An empty
    /// cell is not.
    package func isTotal(_ cell: String) -> Bool {
        if let needles, mayHold(cell, needles) == false { return false }
        let name = Self.normalise(cell)
        guard !name.isEmpty else { return false }
        for label in labels {
            if name == label || name.hasSuffix(" " + label) { return true }
            for joint in [":", " :", " -", " –", " for "] where name.hasPrefix(label + joint) { return true }
        }
        return false
    }

    /// Lower case, runs of whitespace as one space, apostrophes as `'`, trailing colons and
    /// surrounding spaces gone.
    static func normalise(_ text: String) -> String {
        var words = MissingValueWords.normalise(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(":") { words = String(CellText.trimmed(words.dropLast())) }
        return words
    }
}
