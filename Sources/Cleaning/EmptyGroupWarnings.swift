import Returns

/// A built-in client group left empty because its column was not read (issue 28): a
/// return whose `LD` and `MH` headers were carried as extra columns gave an LD group and an
/// MH group of n = 0 without a word. The rule, decided here: when the run has services, no
/// service falls in the LD (or MH) group, no return gave `clients_ld` (or `clients_mh`) at
/// all, and some columns were carried as extra, the log and the report say so and name
/// those columns — one of them may be the count under another header. A group that is
/// empty although its column was read is an honest result and is not warned about.
enum EmptyGroupWarnings {
    static func warnings(_ services: [CleanedService]) -> [String] {
        guard let first = services.first, !first.input.extraColumns.isEmpty else { return [] }
        let extras = first.input.extraColumns.map { "`\($0.header)`" }.joined(separator: ", ")
        var lines: [String] = []
        for (focus, column, who) in [(ClientFocus.learningDisability, ReturnColumn.clientsLD, "a learning disability"),
                                     (.mentalHealth, .clientsMH, "a mental health problem")] {
            guard !services.contains(where: { $0.clientFocus == focus || $0.input.counts[column] != nil }) else { continue }
            lines.append("the \(focus.rawValue) group is empty: no return gives `\(column.rawValue)` (people supported "
                + "who have \(who)); the columns carried as extra are \(extras) — if one of them is that count, rename "
                + "its header `\(column.rawValue)` (`vfm columns` lists the headers accepted for it)")
        }
        return lines
    }
}
