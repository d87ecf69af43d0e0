import Foundation
import Returns
import RunFiles
import Tabular
import VFMCore

/// Writes the survey's clean files and tables into a run directory, each under its
/// schema's header (SPEC §12, §13).
package enum SurveyRunFiles {
    /// The header of `clean/responses.csv`: authority, response, the budgets found, the
    /// answers in the questionnaire's order, source, flags.
    static func responsesHeader(_ spendColumns: [SpendColumn]) -> [String] {
        ["authority", "response"] + spendColumns.map(\.name) + SurveyColumns.trailing.map(\.name) + ["source", "flags"]
    }

    package static func writeClean(_ clean: SurveyClean, toRunDirectory directory: String) throws(VFMError) {
        try writeResponses(clean.responses, spendColumns: clean.spendColumns, schema: RunLayout.cleanResponses,
                           into: directory)
        let spendNames = clean.spendColumns.map(\.name)
        try write(RunFileSchema.cleanAreas(spendColumns: spendNames), clean.areas.map { area in
            [.text(area.authority), .count(area.responses.count), .count(area.calculatedResponses)]
                + clean.spendColumns.map { .number(area.spend[$0]) }
        }, into: directory)
        try write(RunFileSchema.surveyFlags, clean.responses.flatMap { response in
            response.flags.map { flag -> [CSVField] in
                [.text(response.authority), .text(response.response), .text(response.source.description),
                 .text(flag.rule.rawValue), .text(flag.metric), .number(flag.value), .number(flag.threshold),
                 .text("warning"), .text(flag.message)]
            }
        }, into: directory)
        let rejected = clean.rejected.sorted { $0.source < $1.source }
        try FileSystem.write(CSVWriter.document(rejected), to: path(RunLayout.cleanRejected, in: directory))
    }

    package static func writeTables(_ tables: SurveyTables, toRunDirectory directory: String) throws(VFMError) {
        try write(.surveyResponseCounts, tables.responses.map(\.fields), into: directory)
        try write(.spendByYear, tables.spendByYear.map(\.fields), into: directory)
        try write(.budgetChange, tables.budgetChange.map(\.fields), into: directory)
        try write(.budgetRatio, tables.budgetRatio.map(\.fields), into: directory)
        try write(.fiveYear, tables.fiveYear.map(\.fields), into: directory)
        try write(.spendByType, tables.spendByType.map(\.fields), into: directory)
        try write(.dataCollected, tables.dataCollected.map(\.fields), into: directory)
        try write(.personalBudgets, tables.personalBudgets.map(\.fields), into: directory)
        try write(.factors, tables.factors.map(\.fields), into: directory)
        if let workChoice = tables.workChoice { try write(.workChoice, [workChoice.fields], into: directory) }
    }

    /// `clean/responses.csv` (or, before the flags, `ingest/responses.csv` at `file`).
    static func writeResponses(_ rows: [SurveyResponse], spendColumns: [SpendColumn], schema file: String,
                               into directory: String) throws(VFMError) {
        let header = responsesHeader(spendColumns)
        guard let schema = RunFileSchema.cleanResponses(header: header, path: file) else {
            preconditionFailure("the responses header is the schema's by construction")
        }
        let answerColumns = header.dropFirst(2).dropLast(2)
        var writer = CSVWriter(header: schema.header)
        for response in rows {
            var ruleIDs: [String] = []
            for flag in response.flags where !ruleIDs.contains(flag.rule.rawValue) { ruleIDs.append(flag.rule.rawValue) }
            writer.append([.text(response.authority), .text(response.response)]
                + answerColumns.map { response.answers[$0]?.field ?? .text(nil) }
                + [.text(response.source.description), .text(ruleIDs.isEmpty ? nil : ruleIDs.joined(separator: ";"))])
        }
        try FileSystem.write(writer.text, to: path(file, in: directory))
    }

    private static func write(_ schema: RunFileSchema, _ rows: [[CSVField]], into directory: String) throws(VFMError) {
        var writer = CSVWriter(header: schema.header)
        for row in rows { writer.append(row) }
        try FileSystem.write(writer.text, to: path(schema.path, in: directory))
    }

    static func path(_ file: String, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(file)
    }
}
