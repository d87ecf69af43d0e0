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
    ///
    /// `ingest` is consumed: its rows are released once the services are built, so that
    /// a run holds each return once (issue 12).
    ///
    /// `previous`: the services of a `--previous` run (SPEC §11); those of periods before
    /// this run's join the period edits as earlier returns (`CleanResult.earlierReturns`).
    public static func run(_ ingest: consuming IngestResult, pipeline: PipelineDefinition,
                           previous: [CleanedService] = [], log: StageLog) -> CleanResult {
        var returns: [ServiceReturn] = [], rejected: [RejectedRow] = []
        swap(&returns, &ingest.returns)
        swap(&rejected, &ingest.rejected)
        let inStableOrder = ingest.returnsInStableOrder
        let rowsIn = returns.count, ingestRejects = rejected.count
        var services = RowRules.apply(returns, pipeline: pipeline, rejected: &rejected)
        returns = []
        CurrentReturns.mark(&services, chosen: pipeline.periods.current)

        var dropped: Set<Int> = []
        // Every row, earlier returns too: a repeated row of an earlier period would count
        // twice in the period tables (SPEC §11), and a period-missing row is still a copy.
        for group in DuplicateScreen.groups(services) {
            switch pipeline.duplicatePolicy {
            case .keepAll:
                let sources = group.map { services[$0].input.source }
                for (position, index) in group.enumerated() {
                    services[index].flags.append(DuplicateScreen.flag(group: sources, at: position))
                }
            case .keepFirst:
                let first = services[group[0]].input.source
                for index in group.dropFirst() {
                    dropped.insert(index)
                    rejected.append(RejectRules.rejectedRow(services[index].input, rule: .duplicate,
                                                            message: DuplicateScreen.rejectMessage(first: first)))
                }
            case .keepLatest:
                let ordered = group.sorted { DuplicateScreen.isEarlierSubmission(services[$0].input.source, services[$1].input.source) }
                let latest = services[ordered[ordered.count - 1]].input.source
                for index in ordered.dropLast() {
                    dropped.insert(index)
                    rejected.append(RejectRules.rejectedRow(services[index].input, rule: .superseded,
                                                            message: DuplicateScreen.supersededMessage(latest: latest)))
                }
            }
        }
        if !dropped.isEmpty { remove(dropped, from: &services) }
        NearDuplicateScreen.flag(&services)

        // Services keep their rows' order (duplicates are removed in place, in order).
        CleanOrder.sortServices(&services, knownSorted: inStableOrder)
        var warnings = ingest.warnings
        for warning in EmptyGroupWarnings.warnings(services) {
            log.warning(warning)
            warnings.append(warning)
        }
        warnings += OutlierFlags.apply(pipeline.outlierRules, to: &services)
        let earlier = previous.isEmpty ? [] : EarlierReturns.before(services, previous: previous, warnings: &warnings)
        var comparison: PeriodComparison?
        warnings += PeriodEdits.flag(&services, earlier: earlier, settings: pipeline.periods, comparison: &comparison)
        if pipeline.excludeOutliers {
            for index in services.indices where services[index].flags.contains(where: { $0.rule == .outlier }) {
                services[index].excludedFromStatistics = true
            }
        }

        let cleanRejected = rejected[ingestRejects...]
        let cleanRejects = cleanRejected.count
        let files = recount(ingest.files, moving: cleanRejected.map(\.source.file))
        CleanOrder.sort(&rejected) { $0.source < $1.source }
        let flagged = services.reduce(0) { $0 + ($1.flags.isEmpty ? 0 : 1) }
        let excluded = services.reduce(0) { $0 + ($1.excludedFromStatistics ? 1 : 0) }
        log.info("clean: \(rowsIn) rows in, \(services.count) accepted, \(cleanRejects) rejected "
            + "(\(rejected.count) with ingest's), \(flagged) flagged"
            + (pipeline.excludeOutliers ? ", \(excluded) outliers excluded from statistics" : ""))
        var result = CleanResult(services: services, rejected: rejected, files: files, warnings: warnings)
        result.earlierReturns = earlier
        result.periodComparison.work = comparison
        return result
    }

    /// Removes the services at `positions`, keeping the others in order, in place.
    private static func remove(_ positions: Set<Int>, from services: inout [CleanedService]) {
        var kept = 0
        for index in services.indices where !positions.contains(index) {
            if kept != index { services.swapAt(kept, index) }
            kept += 1
        }
        services.removeLast(services.count - kept)
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

/// The rules of one row at a time — derived measures, reject rules, row flags — over all
/// rows on all cores (issue 12), in contiguous pieces that write disjoint slots: the
/// services and rejects come out in row order, the same on one core or many.
enum RowRules {
    /// The services of the rows no reject rule stops, in row order, each with its derived
    /// measures and row flags; rejected rows are appended to `rejected`, in row order.
    ///
    /// Two passes over pieces of the rows: the first finds the rejects (so that each piece
    /// knows where its services start), the second builds each piece's services straight
    /// into their slots of one array allocated once (derived measures are computed again:
    /// a service does not hold them, `CleanedService.derived`).
    static func apply(_ returns: [ServiceReturn], pipeline: PipelineDefinition,
                      rejected: inout [RejectedRow]) -> [CleanedService] {
        let pieces = returns.count < 4_096 ? 1 : 4
        let bounds = (0...pieces).map { returns.count * $0 / pieces }
        return returns.withUnsafeBufferPointer { rows in
            let rejects = Parallel.map(pieces) { piece -> [(index: Int, row: RejectedRow)] in
                var found: [(index: Int, row: RejectedRow)] = []
                for index in bounds[piece]..<bounds[piece + 1] {
                    let derived = DerivedMeasures(deriving: rows[index])
                    if let (rule, message, column) = RejectRules.violation(rows[index], jobOutcomes: derived.jobOutcomes) {
                        found.append((index, RejectRules.rejectedRow(rows[index], rule: rule, message: message, column: column)))
                    }
                }
                return found
            }
            var starts = [0]
            for piece in 0..<pieces { starts.append(starts[piece] + bounds[piece + 1] - bounds[piece] - rejects[piece].count) }
            let count = starts[pieces]
            let services = [CleanedService](unsafeUninitializedCapacity: count) { slots, initialized in
                let filled = Parallel.map(pieces) { piece -> Int in
                    guard let base = slots.baseAddress else { return 0 }
                    var slot = starts[piece], nextReject = 0
                    var raised: [ServiceFlag] = []
                    let pieceRejects = rejects[piece]
                    for index in bounds[piece]..<bounds[piece + 1] {
                        if nextReject < pieceRejects.count, pieceRejects[nextReject].index == index {
                            nextReject += 1
                            continue
                        }
                        // A service's flags in one allocation of their number: gathered in
                        // `raised`, whose room is kept from row to row, then copied (an
                        // `Array` of all of `raised` would share its buffer, room and all).
                        raised.removeAll(keepingCapacity: true)
                        RowFlagRules.flag(rows[index], DerivedMeasures(deriving: rows[index]), pipeline: pipeline,
                                          into: &raised)
                        let flags = raised.isEmpty ? [] : [ServiceFlag](unsafeUninitializedCapacity: raised.count) {
                            $1 = $0.initialize(fromContentsOf: raised)
                        }
                        (base + slot).initialize(to: CleanedService(input: rows[index], flags: flags,
                                                                    excludedFromStatistics: false))
                        slot += 1
                    }
                    return slot - starts[piece]
                }
                // Each piece filled exactly the slots the first pass counted for it.
                precondition(filled.reduce(0, +) == count, "clean: a piece filled other slots than it counted")
                initialized = count
            }
            for piece in rejects { rejected += piece.map(\.row) }
            return services
        }
    }
}
