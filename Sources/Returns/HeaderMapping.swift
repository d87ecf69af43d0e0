import PipelineDefinition
import Tabular
import VFMCore

/// What each position of a file's header holds.
enum HeaderSlot: Equatable {
    case canonical(ReturnColumn)
    /// A non-canonical column carried through as text; index into `HeaderMapping.extras`.
    case extra(Int)
    /// A header cell with no name (trailing separators of a spreadsheet export): ignored.
    case unnamed
}

/// A carried-through column as a file names it.
struct ExtraColumn: Equatable {
    var key: HeaderKey
    /// The header as written (trimmed), or `extra_<header>` when the header is one of the
    /// names our own outputs use.
    var name: String
}

/// The header of one file matched against the canonical columns (SPEC §4).
struct HeaderMapping {
    var slots: [HeaderSlot]
    var extras: [ExtraColumn]
    /// The header cells as written (trimmed), for messages.
    var headers: [String]
    var warnings: [String]

    /// Names used by the run directory's own tables; an input column with one of these
    /// names is renamed `extra_<name>` so that a table never has two columns of one name.
    static let reservedKeys: Set<HeaderKey> = Set([
        "source", "flags", "source_file", "line", "rule", "message", "client_focus",
        "share_lt7", "share_7to40", "share_40plus",
    ].map(HeaderKey.init) + Metric.allCases.map { HeaderKey($0.rawValue) })

    /// The most columns a return may have: a spreadsheet's own limit (Excel's last column is
    /// XFD, the 16,384th; LibreOffice Calc's default is the same), far beyond any real return
    /// (the study's has 16). A wider header is refused before any work per column, so a
    /// hostile 200,000-cell header costs milliseconds, not the half-minute its
    /// closest-header search took (issue 19).
    static let maximumColumns = 16_384

    /// - Throws: `.dataError` when a required column is missing or a column appears twice,
    ///   or the header has more than `maximumColumns` cells.
    init(header record: CSVRecord, file: String) throws(VFMError) {
        guard record.cells.count <= Self.maximumColumns else {
            throw VFMError(.dataError,
                           "the header has \(record.cells.count) cells; a return has at most \(Self.maximumColumns) columns (a spreadsheet's limit)",
                           file: file, line: record.line,
                           hint: "check that this file is a return: save the sheet that holds one row per service as CSV (comma delimited)")
        }
        headers = record.cells.map { String(CellText.trimmed($0)) }
        slots = []
        extras = []
        warnings = []
        var seen: [HeaderKey: Int] = [:]
        var extraIndexByKey: [HeaderKey: Int] = [:]
        var canonicalIndex: [ReturnColumn: Int] = [:]
        var shortForms: [String] = []
        for (index, header) in headers.enumerated() {
            let key = HeaderKey(header)
            if key.isEmpty {
                slots.append(.unnamed)
                continue
            }
            if let earlier = seen[key] {
                throw VFMError(.dataError,
                               "columns \(earlier + 1) (`\(headers[earlier])`) and \(index + 1) (`\(header)`) name the same column",
                               file: file, line: record.line, column: header,
                               hint: "remove or rename one of them; it is not clear which one to use")
            }
            seen[key] = index
            if let column = ColumnAliases.columnsByKey[key] {
                if let earlier = canonicalIndex[column] {
                    throw VFMError(.dataError,
                                   "columns \(earlier + 1) (`\(headers[earlier])`) and \(index + 1) (`\(header)`) both mean `\(column.rawValue)`",
                                   file: file, line: record.line, column: header,
                                   hint: "remove or rename one of them; it is not clear which one to use")
                }
                canonicalIndex[column] = index
                slots.append(.canonical(column))
                if AnalystHeaders.keys.contains(key) { shortForms.append("`\(header)` → `\(column.rawValue)`") }
                continue
            }
            if let nearest = ColumnAliases.probableMisspelling(of: key) {
                warnings.append("\(file):\(record.line): column \(index + 1) `\(header)` looks like a misspelling of "
                    + "`\(nearest.column.rawValue)`; it is carried through as an extra column — rename it if it is `\(nearest.column.rawValue)`")
            } else if let meant = HeaderAbbreviation.column(abbreviatedBy: key) {
                warnings.append("\(file):\(record.line): column \(index + 1) `\(header)` looks like an abbreviation of "
                    + "\"\(meant.label)\", which means `\(meant.column.rawValue)`; it is carried through as an extra column — "
                    + "rename it `\(meant.column.rawValue)` if it is that")
            }
            var name = header
            if Self.reservedKeys.contains(key) {
                name = "extra_" + header
                warnings.append("\(file):\(record.line): column \(index + 1) `\(header)` has a name the outputs use; it is carried through as `\(name)`")
            }
            let extraKey = name == header ? key : HeaderKey(name)
            if let earlier = extraIndexByKey[extraKey] {
                throw VFMError(.dataError, "column \(index + 1) (`\(header)`) would be carried through as `\(name)`, "
                    + "which column `\(extras[earlier].name)` already is", file: file, line: record.line, column: header,
                    hint: "rename one of them")
            }
            extraIndexByKey[extraKey] = extras.count
            slots.append(.extra(extras.count))
            extras.append(ExtraColumn(key: extraKey, name: name))
        }
        try checkRequiredColumns(file: file, line: record.line)
        if !shortForms.isEmpty {
            // Issue 28: an analyst's short header is read as the column it names, said once.
            warnings.insert("\(file):\(record.line): short header\(shortForms.count == 1 ? "" : "s") read as "
                + shortForms.joined(separator: ", ") + "; rename a header if it holds something else", at: 0)
        }
    }

    private func has(_ column: ReturnColumn) -> Bool { slots.contains(.canonical(column)) }

    /// Whether a row could be the header (SPEC §4: the header is the first row that maps
    /// every required column); rows above it are preamble. Duplicates are not judged here:
    /// the row that maps is then checked in full by `init(header:file:)`.
    static func mapsRequiredColumns(_ cells: [String]) -> Bool {
        var found = Set<ReturnColumn>()
        for cell in cells {
            if let column = ColumnAliases.columnsByKey[HeaderKey(String(CellText.trimmed(cell)))] { found.insert(column) }
        }
        guard ReturnColumn.required.allSatisfy(found.contains) else { return false }
        return found.contains(.outcomesTotal) || ReturnColumn.outcomeBreakdown.allSatisfy(found.contains)
    }

    private func checkRequiredColumns(file: String, line: Int) throws(VFMError) {
        var missing = ReturnColumn.required.filter { !has($0) }
        let breakdownMissing = ReturnColumn.outcomeBreakdown.filter { !has($0) }
        let outcomesMissing = !breakdownMissing.isEmpty && !has(.outcomesTotal)
        if missing.isEmpty && !outcomesMissing { return }
        var names = missing.map { "`\($0.rawValue)`" }
        if outcomesMissing {
            names.append(breakdownMissing.map { "`\($0.rawValue)`" }.joined(separator: ", ") + " (or `outcomes_total`)")
            missing += breakdownMissing
        }
        var message = "required column\(names.count == 1 ? "" : "s") missing: " + names.joined(separator: "; ")
        if let closest = closestHeader(for: missing) {
            message += "; closest header found: `\(closest.header)` (\(closest.distance) edit\(closest.distance == 1 ? "" : "s") from `\(closest.column.rawValue)`)"
        }
        var hint = "rename the header to the column's name or one of the headers accepted for it (`vfm columns` lists them)"
        if let example = missing.first {
            hint += ", e.g. `\(example.rawValue)`"
            if let label = ColumnAliases.labels[example]?.first(where: { $0.lowercased() != example.rawValue }) {
                hint += " or \"\(label)\""
            }
        }
        if headers.count == 1, let only = headers.first, let separator = [";", "\t", "|"].first(where: only.contains) {
            let name = separator == "\t" ? "tabs" : "`\(separator)`"
            hint = "the header is one cell holding \(name): the file seems to separate cells with \(name), "
                + "not commas — save it from the spreadsheet as CSV (comma delimited)"
        }
        throw VFMError(.dataError, message, file: file, line: line, column: missing.first?.rawValue, hint: hint)
    }

    /// The header, among those not matched to a column, nearest to any name of a missing column.
    /// Each header is compared only within the best distance found so far (`atMost`, a
    /// diagonal band), so the first header at the least distance wins as before, at a cost
    /// of O(headers · labels · 64) at most.
    private func closestHeader(for missing: [ReturnColumn]) -> (header: String, column: ReturnColumn, distance: Int)? {
        var best: (header: String, column: ReturnColumn, distance: Int)?
        let candidates = ColumnAliases.labelScalars.filter { missing.contains($0.column) }
        for (index, slot) in slots.enumerated() {
            guard case .extra = slot else { continue }
            let scalars = Array(HeaderKey(headers[index]).text.unicodeScalars.prefix(EditDistance.maximumLength))
            for candidate in candidates {
                let limit = (best?.distance ?? EditDistance.maximumLength + 1) - 1
                guard limit >= 0, let distance = EditDistance.atMost(limit, scalars, candidate.scalars) else { continue }
                best = (headers[index], candidate.column, distance)
            }
            if let best, best.distance == 0 { return best }
        }
        return best
    }
}
