import Tabular
import VFMCore
import Workbook

/// `vfm template` (issue 28): an empty return to send to services — the canonical headers
/// in the order `vfm` writes them, and, in a workbook, a `Notes` sheet with each column's
/// wording from the study, whether it is required, the `evidence_based` values and the
/// words that mean "missing". Filled in and saved, it is read back by `vfm run` as it is:
/// the `Return` sheet comes first and its first row is the header.
public enum ReturnTemplate {
    public enum Format: String, Sendable, CaseIterable {
        case csv, xlsx

        /// The format a file name asks for, by its extension.
        public init?(fileName: String) {
            let lowered = fileName.lowercased()
            if lowered.hasSuffix(".csv") { self = .csv } else if lowered.hasSuffix(".xlsx") { self = .xlsx } else { return nil }
        }
    }

    static var headers: [String] { ColumnGuide.entries.map(\.column) }

    /// The template's bytes.
    public static func bytes(_ format: Format, missingWords: [String]) -> [UInt8] {
        switch format {
        case .csv:
            return Array((headers.joined(separator: ",") + "\n").utf8)
        case .xlsx:
            return WorkbookWriter.bytes([
                WorkbookWriter.Sheet(name: "Return", rows: [headers], columnWidths: headers.map { max(12, $0.count + 2) }),
                WorkbookWriter.Sheet(name: "Notes", rows: notes(missingWords: missingWords), columnWidths: [28, 10, 11, 90]),
            ])
        }
    }

    /// The `Notes` sheet: a column table, then how cells are read.
    static func notes(missingWords: [String]) -> [[String]] {
        var rows = [["column", "required", "type", "what to write (NDTi 2014, Appendix 6)"]]
        for entry in ColumnGuide.entries { rows.append([entry.column, entry.required, entry.type, entry.meaning]) }
        rows += [[], ["One row per service per period, on the Return sheet, under its header row."],
                 ["Required: authority, service, total_cost, people_supported, and the outcomes: outcomes_total, "
                    + "or outcomes_gained, outcomes_retained and outcomes_self_employed (or all four) — yes* above."],
                 ["evidence_based: " + ColumnGuide.evidenceBasedValues.joined(separator: ", ") + "."],
                 ["Write 0 for none; if a figure is not known write " + missingWords.map { "\"\($0)\"" }.joined(separator: ", ")
                    + " or leave the cell empty."],
                 ["Breakdowns may be percentages (45%) of people_supported, or of outcomes_total for the outcome types."],
                 ["Do not add a Total row: totals are summed from the services."],
                 ["Other columns (a region, say) may be added; they are carried through."]]
        return rows
    }
}
