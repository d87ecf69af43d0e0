import Tabular

/// Figures from few services, marked wherever the report prints them (issue 29): the
/// study's smallest groups had 13 and 16 services; with fewer than 10, one service more
/// or less can move a mean, a share or a correlation a long way, and a reader comparing
/// groups should know. An n below `fewServices` is printed with `mark` (`7†`), and every
/// table or paragraph that carries one is followed by the explanation, once. The spending
/// survey's figures stand on areas or responses, marked the same way.
enum SmallGroup {
    static let fewServices = 10
    static let mark = "†"

    /// What the explanation says the figure stands on: the returns' services, or the
    /// survey's areas and responses.
    enum Unit {
        case services
        case areasOrResponses
    }

    static func explanation(_ unit: Unit) -> String {
        let few = switch unit {
        case .services: "services: one service more or less"
        case .areasOrResponses: "areas or responses: one more or less"
        }
        return "† Fewer than \(fewServices) \(few) could move this figure a long way; read it with caution."
    }

    /// `†` for 1 ≤ n < `fewServices` (no figure stands on n = 0).
    static func mark(_ n: Int?) -> String {
        guard let n, n > 0, n < fewServices else { return "" }
        return mark
    }

    /// n as the report prints it, with its mark.
    static func count(_ n: Int?) -> String { HumanNumbers.count(n) + mark(n) }

    /// `blocks` with the explanation after each block that shows the mark.
    static func explained(_ blocks: [ReportBlock], unit: Unit = .services) -> [ReportBlock] {
        var out: [ReportBlock] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            out.append(block)
            if shows(block) { out.append(.paragraph([.emphasis([.text(explanation(unit))])])) }
        }
        return out
    }

    private static func shows(_ block: ReportBlock) -> Bool {
        switch block {
        case .table(let table):
            return table.rows.contains { row in row.contains { cell in cell.contains { ownText($0).contains(mark) } } }
        case .paragraph(let inlines), .note(let inlines):
            return inlines.contains { ownText($0).contains(mark) }
        case .bullets(let items):
            return items.contains { item in item.contains { ownText($0).contains(mark) } }
        case .heading, .figures, .chartList:
            return false
        }
    }

    /// The project's own words in an inline (a third party's name may hold a `†`).
    private static func ownText(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return text
        case .name, .code: return ""
        case .strong(let inner), .emphasis(let inner), .link(let inner, _): return inner.map(ownText).joined()
        }
    }
}
