import RunFiles
import Tabular
import VFMCore

extension ServiceReturn {
    /// A return read back from the canonical cells of a row of `ingest/returns.csv` or
    /// `clean/services.csv` — both begin with every `ReturnColumn` in order (their schemas,
    /// `RunFileSchema.ingestReturns` and `.cleanServices`) — straight from the cells' bytes:
    /// a `String` only for the text (names, period, model, evidence label).
    /// `sourceColumn`: where the row's `source` cell (`file:line`) is.
    /// - Throws: `.dataError` naming file, line and column for a cell that is not what the
    ///   stage writes, a required cell that is empty, or a `source` that is not `file:line`.
    package init(canonicalCellsOf cells: RunFileCells, sourceColumn: Int,
                 extraColumns: [ExtraCell]) throws(VFMError) {
        typealias At = CanonicalPosition
        let countCells = At.countCells
        let counts = try CountValues(readingSlots: { (slot) throws(VFMError) in try cells.number(at: countCells[slot]) })
        func required<T>(_ value: T?, _ column: Int) throws(VFMError) -> T {
            guard let value else { throw cells.reader.corrupt("`\(cells.column(column))` is empty", line: cells.line) }
            return value
        }
        let authority = try required(cells.text(at: At.authority), At.authority)
        let service = try required(cells.text(at: At.service), At.service)
        let totalCost = try required(try cells.number(at: At.totalCost), At.totalCost)
        let people = try required(try cells.count(at: At.peopleSupported), At.peopleSupported)
        guard let source = cells.sourceLocation(at: sourceColumn) else {
            let written = cells.cell(at: sourceColumn)
            throw cells.reader.corrupt("`\(cells.column(sourceColumn))` holds \"\(written)\", not a file and line such as returns.csv:12",
                                       line: cells.line)
        }
        self.init(source: source, authority: authority, service: service, period: cells.text(at: At.period),
                  model: cells.text(at: At.model), evidenceBase: EvidenceBase(label: cells.text(at: At.evidenceBased)),
                  totalCost: totalCost, peopleSupported: people, counts: counts,
                  reportedCostPerPerson: try cells.number(at: At.reportedCostPerPerson),
                  reportedCostPerOutcome: try cells.number(at: At.reportedCostPerOutcome), extraColumns: extraColumns)
    }
}

/// Where each canonical column lies in a row of a run file that begins with them
/// (`ReturnColumn.allCases` order), worked out once from that order.
package enum CanonicalPosition {
    package static func of(_ column: ReturnColumn) -> Int { ReturnColumn.allCases.firstIndex(of: column) ?? 0 }

    package static let authority = of(.authority), service = of(.service), period = of(.period), model = of(.model),
               evidenceBased = of(.evidenceBased), totalCost = of(.totalCost), peopleSupported = of(.peopleSupported),
               reportedCostPerPerson = of(.reportedCostPerPerson), reportedCostPerOutcome = of(.reportedCostPerOutcome)
    /// The position of the count column of each `CountValues` slot, in slot order.
    package static let countCells: [Int] = {
        var cells = [Int](repeating: 0, count: CountValues.slotCount)
        for column in CountValues.columns {
            if let slot = CountValues.slot(of: column) { cells[slot] = of(column) }
        }
        return cells
    }()
    /// How many canonical columns there are (the cells after them are the file's own).
    package static let count = ReturnColumn.allCases.count
}
