/// The labels that mark a spreadsheet's totals row (SPEC §4 "Totals are not services"): a
/// council's return often ends with a `Total` line summing the services above it, and
/// analysing it as one more service would count every service twice (issue 28: mean total
/// cost +85% in a 12-service file). A row whose `authority` or `service` is one of these is
/// rejected as `total-row`. Matched like the missing words (`MissingValueWords`: case,
/// surrounding spaces, apostrophes ignored), and a trailing colon (`Total:`) is ignored too,
/// because a label cell is often written that way. Configurable in the pipeline
/// (`[input] totals_labels`).
struct TotalsLabels: Sendable {
    /// SPEC §4's list, used when the pipeline names none.
    static let standardLabels = ["total", "totals", "grand total", "sub-total", "subtotal", "sum", "all services"]
    static let standard = TotalsLabels(standardLabels)

    private let words: MissingValueWords

    init(_ labels: [String]) {
        words = MissingValueWords(labels.map { String(Self.withoutColon(CellText.trimmed($0))) })
    }

    /// True when `cell` (a name as read) is a totals label. An empty cell is not.
    func isTotal(_ cell: String) -> Bool {
        let trimmed = Self.withoutColon(CellText.trimmed(cell))
        return !trimmed.isEmpty && words.isMissing(trimmed)
    }

    private static func withoutColon(_ text: Substring) -> Substring {
        var text = text
        while text.last == ":" { text = CellText.trimmed(text.dropLast()) }
        return text
    }
}
