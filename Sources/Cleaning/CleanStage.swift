import PipelineDefinition
import Returns
import VFMCore

/// The clean & flag stage (SPEC §5): derives the study's measures, rejects what is
/// impossible and flags what is suspicious, losing nothing — every input row ends up
/// in `services` or `rejected`, and the per-file counts say so.
public enum CleanStage {
    /// Cleans ingest's rows, in this order: reject rules (`RejectRule`: negative counts or
    /// costs, out-of-range values, job outcomes > people supported); duplicates by
    /// `pipeline.duplicatePolicy` (keep-first rejects the later rows); derived measures and
    /// row flags (`FlagRule`); then the pipeline's outlier rules over all accepted services
    /// with the metric present, marking outliers `excludedFromStatistics` when
    /// `pipeline.excludeOutliers`. The result does not depend on the order of the rows.
    public static func run(_ ingest: IngestResult, pipeline: PipelineDefinition, log: StageLog) -> CleanResult {
        var rejected = ingest.rejected
        var kept: [ServiceReturn] = []
        for row in ingest.returns {
            if let (rule, message, column) = RejectRules.violation(row) {
                rejected.append(RejectRules.rejectedRow(row, rule: rule, message: message, column: column))
            } else {
                kept.append(row)
            }
        }

        var duplicateFlags: [Int: ServiceFlag] = [:]
        var dropped: Set<Int> = []
        for group in DuplicateScreen.groups(kept) {
            switch pipeline.duplicatePolicy {
            case .keepAll:
                for index in group {
                    let others = group.filter { $0 != index }.map { kept[$0].source }
                    duplicateFlags[index] = DuplicateScreen.flag(others: others)
                }
            case .keepFirst:
                let first = kept[group[0]].source
                for index in group.dropFirst() {
                    dropped.insert(index)
                    rejected.append(RejectRules.rejectedRow(kept[index], rule: .duplicate,
                                                            message: DuplicateScreen.rejectMessage(first: first)))
                }
            }
        }

        var services: [CleanedService] = []
        for (index, row) in kept.enumerated() where !dropped.contains(index) {
            let derived = DerivedMeasures(deriving: row)
            var flags = RowFlagRules.flags(row, derived, pipeline: pipeline)
            if let duplicate = duplicateFlags[index] { flags.append(duplicate) }
            services.append(CleanedService(input: row, derived: derived, flags: flags, excludedFromStatistics: false))
        }
        CleanOrder.sort(&services, by: CleanOrder.servicePrecedes)
        var warnings = ingest.warnings
        warnings += OutlierFlags.apply(pipeline.outlierRules, to: &services)
        if pipeline.excludeOutliers {
            for index in services.indices where services[index].flags.contains(where: { $0.rule == .outlier }) {
                services[index].excludedFromStatistics = true
            }
        }

        let cleanRejected = rejected.dropFirst(ingest.rejected.count)
        let cleanRejects = cleanRejected.count
        let files = recount(ingest.files, moving: cleanRejected.map(\.source.file))
        CleanOrder.sort(&rejected) { $0.source < $1.source }
        let flagged = services.reduce(0) { $0 + ($1.flags.isEmpty ? 0 : 1) }
        let excluded = services.reduce(0) { $0 + ($1.excludedFromStatistics ? 1 : 0) }
        log.info("clean: \(ingest.returns.count) rows in, \(services.count) accepted, \(cleanRejects) rejected "
            + "(\(rejected.count) with ingest's), \(flagged) flagged"
            + (pipeline.excludeOutliers ? ", \(excluded) outliers excluded from statistics" : ""))
        return CleanResult(services: services, rejected: rejected, files: files, warnings: warnings)
    }

    /// Moves each row clean rejected from its file's accepted count to its rejected count,
    /// keeping rows read = accepted + rejected (SPEC §5).
    static func recount(_ files: [InputFileSummary], moving rejectedFiles: [String]) -> [InputFileSummary] {
        var files = files
        var position: [String: Int] = [:]
        for (index, file) in files.enumerated() where position[file.path] == nil { position[file.path] = index }
        for path in rejectedFiles {
            guard let index = position[path] else { continue }
            files[index].rowsAccepted -= 1
            files[index].rowsRejected += 1
        }
        return files
    }
}
