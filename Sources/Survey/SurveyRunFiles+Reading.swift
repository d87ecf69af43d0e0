import Foundation
import Returns
import RunFiles
import Tabular
import VFMCore

/// The survey's stages run by hand (`vfm-ingest` … `vfm-report` with a spending-survey
/// pipeline): each reads the previous stage's files back, typed, through the same
/// layouts `vfm run` writes, so the four by hand give `vfm run`'s bytes (SPEC §3).
extension SurveyRunFiles {
    /// `ingest/responses.csv` (the accepted responses in file order, the layout of
    /// `clean/responses.csv` with no flags yet), `ingest/rejected.csv`, `ingest/inputs.json`.
    package static func writeIngest(_ ingest: SurveyIngest, sheetOption: String?,
                                    toRunDirectory directory: String) throws(VFMError) {
        try writeResponses(ingest.responses, spendColumns: ingest.spendColumns, schema: RunLayout.ingestResponses,
                           into: directory)
        try FileSystem.write(CSVWriter.document(ingest.rejected), to: path(RunLayout.ingestRejected, in: directory))
        try FileSystem.write(InputsJSON.render(InputsSummary(files: ingest.files, warnings: ingest.warnings,
                                                             sheetOption: sheetOption)),
                             to: path(RunLayout.ingestInputs, in: directory))
    }

    /// What `writeIngest` wrote (`responses` from `ingest/`), or the clean stage's accepted
    /// responses and rejects (`responses` from `clean/`: their flags are worked out again,
    /// the same way), with the inputs' summary.
    package static func readIngest(fromRunDirectory directory: String, clean: Bool) throws(VFMError)
        -> (ingest: SurveyIngest, sheetOption: String?) {
        let responsesFile = clean ? RunLayout.cleanResponses : RunLayout.ingestResponses
        let rejectedFile = clean ? RunLayout.cleanRejected : RunLayout.ingestRejected
        let reader = RunFileCSV(file: responsesFile, hint: "this file is written by vfm; run the earlier stages again to rewrite it")
        let records = try reader.records(try FileSystem.readBytes(path(responsesFile, in: directory), displayName: responsesFile))
        guard let header = records.first?.cells, RunFileSchema.cleanResponses(header: header) != nil else {
            throw reader.corrupt("the header is not the one vfm writes", line: 1)
        }
        let spendColumns = header.compactMap { SpendColumn(header: $0) }.filter { header.contains($0.name) }
        let kinds = Dictionary(SurveyColumns.all.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var responses: [SurveyResponse] = []
        for record in records.dropFirst() {
            guard record.cells.count == header.count else { throw reader.corrupt("the row has the wrong number of cells", line: record.line) }
            var answers: [String: SurveyValue] = [:]
            for (column, cell) in zip(header.dropLast(2), record.cells) where !cell.isEmpty {
                let kind: SurveyCellKind = kinds[column] ?? .money
                guard let value = typed(CSVInjection.restore(cell), kind: kind) else {
                    throw reader.corrupt("`\(column)` holds \"\(cell)\", which vfm does not write there", line: record.line)
                }
                answers[column] = value
            }
            guard case .text(let authority)? = answers["authority"],
                  let source = SourceLocation(parsing: CSVInjection.restore(record.cells[header.count - 2])) else {
                throw reader.corrupt("`authority` or `source` is missing", line: record.line)
            }
            responses.append(SurveyResponse(source: source, authority: authority, answers: answers))
        }
        let rejected = try RunFileCSV(file: rejectedFile, hint: "this file is written by vfm; run the earlier stages again")
            .rows(try FileSystem.readBytes(path(rejectedFile, in: directory), displayName: rejectedFile), as: RejectedRow.self)
        guard let inputs = try InputsSummary.readIfPresent(runDirectory: directory, relativePath: RunLayout.ingestInputs) else {
            throw VFMError(.noInput, "\(RunLayout.ingestInputs) is not there", file: path(RunLayout.ingestInputs, in: directory),
                           hint: "run vfm-ingest --run-dir \(directory) first")
        }
        let ingest = SurveyIngest(files: inputs.files, responses: responses, rejected: rejected, spendColumns: spendColumns,
                                  warnings: inputs.warnings)
        return (ingest, inputs.sheetOption)
    }

    /// A cell as `SurveyValue.field` writes it.
    private static func typed(_ cell: String, kind: SurveyCellKind) -> SurveyValue? {
        switch kind {
        case .text: return .text(cell)
        case .money: return Double(cell).map(SurveyValue.money)
        case .proportion: return Double(cell).map(SurveyValue.proportion)
        case .rank: return Int(cell).map(SurveyValue.rank)
        case .yesNo: return cell == "yes" ? .yesNo(true) : cell == "no" ? .yesNo(false) : nil
        case .choice(let choices): return choices.contains { $0.canonical == cell } ? .choice(cell) : nil
        }
    }
}
