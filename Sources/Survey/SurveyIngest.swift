import PipelineDefinition
import Returns
import VFMCore

/// The survey's ingest (SPEC §12): every input file read, each row a response or a
/// rejected row, and the budget columns the files hold between them.
package struct SurveyIngest: Sendable {
    package var files: [InputFileSummary]
    package var responses: [SurveyResponse]
    package var rejected: [RejectedRow]
    /// Every budget column of every file, streams in order, then years.
    package var spendColumns: [SpendColumn]
    package var warnings: [String]

    /// - Throws: `.dataError` (65) for a file that cannot be read as a survey table (no
    ///   header, a column twice, a gap in a stream's years, undecodable bytes, a damaged
    ///   workbook); `.noInput` (66) for a missing input.
    /// `skipBadFiles`: `--skip-bad-files`, as for the service returns: a file that cannot be
    /// read as a survey table (65) is left out and named in the warnings, unless it is the only one.
    package static func run(inputs: [String], pipeline: PipelineDefinition, sheet: String?, skipBadFiles: Bool = false,
                            log: StageLog) throws(VFMError) -> SurveyIngest {
        let (inputFiles, discoveryWarnings) = try InputDiscovery.scan(inputs)
        let missingWords = MissingValueWords(pipeline.missingValueWords)
        let totals = pipeline.totalsLabels.map(TotalsLabels.init) ?? .standard
        var result = SurveyIngest(files: [], responses: [], rejected: [], spendColumns: [], warnings: discoveryWarnings)
        var columns: Set<SpendColumn> = []
        var leftOut: [VFMError] = []
        for file in inputFiles {
            let read: SurveyFile
            do throws(VFMError) {
                read = try SurveyFile.read(file, sheet: sheet ?? pipeline.inputSheet, missingWords: missingWords,
                                           totals: totals)
            } catch {
                guard skipBadFiles, error.status == .dataError else { throw error }
                leftOut.append(error)
                result.warnings.append("file left out (--skip-bad-files), the others are published: " + error.description)
                continue
            }
            result.files.append(read.summary)
            result.responses += read.responses
            result.rejected += read.rejected
            result.warnings += read.warnings
            columns.formUnion(read.spendColumns)
        }
        if let first = leftOut.first, result.files.isEmpty { throw first }
        result.spendColumns = columns.sorted()
        // Files that each hold consecutive years may still leave a gap between them.
        try SurveyHeader.checkYears(result.spendColumns, file: inputFiles.map(\.displayName).joined(separator: ", "),
                                    line: nil)
        for warning in result.warnings { log.warning(warning) }
        for reject in result.rejected.prefix(20) {
            log.warning("\(reject.source): rejected (\(reject.rule.rawValue)): \(reject.message)")
        }
        if result.rejected.count > 20 { log.warning("… and \(result.rejected.count - 20) more rejected rows (clean/rejected.csv)") }
        let read = result.files.reduce(0) { $0 + $1.rowsRead }
        log.info("ingest: \(result.files.count) file\(result.files.count == 1 ? "" : "s"), \(read) responses read, "
            + "\(result.responses.count) accepted, \(result.rejected.count) rejected")
        return result
    }

    /// The stream's years, in order.
    package func years(of stream: SpendStream) -> [ReportingPeriod] {
        spendColumns.filter { $0.stream == stream }.map(\.year)
    }

    /// SPEC §12: the last year is the latest of the budgets' years.
    package var lastYear: ReportingPeriod? { spendColumns.map(\.year).max() }

    /// SPEC §12: the breakdown year (Q2b, Q2c, the five-year question) is the year before
    /// the last.
    package var breakdownYear: ReportingPeriod? { lastYear?.previous }
}
