import RunFiles
import Tabular
import VFMCore

extension ServiceReturn {
    /// A return read back from the canonical cells of a row of `ingest/returns.csv` or
    /// `clean/services.csv` — both begin with every `ReturnColumn` in order (their schemas,
    /// `RunFileSchema.ingestReturns` and `.cleanServices`) — straight from the cells' bytes:
    /// a `String` only for the text (names, period, model, evidence label).
    /// - Throws: `.dataError` naming file, line and column for a cell that is not what the
    ///   stage writes; "a required value or the source is missing" when `source` is `nil`
    ///   or a required cell is empty.
    package init(canonicalCellsOf cells: RunFileCells, source: SourceLocation?,
                 extraColumns: [ExtraCell]) throws(VFMError) {
        typealias At = CanonicalPosition
        let countCells = At.countCells
        let counts = try CountValues(readingSlots: { (slot) throws(VFMError) in try cells.number(at: countCells[slot]) })
        guard let authority = cells.text(at: At.authority), let service = cells.text(at: At.service),
              let totalCost = try cells.number(at: At.totalCost), let people = try cells.count(at: At.peopleSupported),
              let source else {
            throw cells.reader.corrupt("a required value or the source is missing", line: cells.line)
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
