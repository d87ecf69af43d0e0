import Cleaning
import PipelineDefinition
import Returns
import VFMCore

/// `--period LABEL` (SPEC §3, §11): the period whose rows are the current returns. It
/// overrides the pipeline's `[periods] current`, is recorded in `clean/inputs.json` and the
/// manifest (the outputs depend on it, and the pipeline's hash does not say so), and a
/// label no accepted row has stops the run rather than analysing nothing.
enum PeriodChoice {
    static func applying(_ period: String?, to pipeline: LoadedPipeline) -> LoadedPipeline {
        guard let period else { return pipeline }
        var chosen = pipeline
        chosen.definition.periods.current = period
        return chosen
    }

    static func recording(_ period: String?, in clean: CleanResult) -> CleanResult {
        var result = clean
        result.periodOption = period
        return result
    }

    /// - Throws: `.usage` (64) for a `--period`, `.badPipeline` (78) for a `[periods]
    ///   current`, when no accepted row is of that period.
    static func requireRows(of clean: CleanResult, option: String?, pipeline: PipelineDefinition) throws(VFMError) {
        guard let chosen = option ?? pipeline.periods.current, !clean.services.contains(where: \.isCurrent) else { return }
        var labels: [String] = []
        for service in clean.services {
            if let label = service.input.period, !labels.contains(label) { labels.append(label) }
        }
        // Periods in time order, then labels with no place in time as written.
        let known = labels.sorted { left, right in
            switch (ReportingPeriod(canonical: left), ReportingPeriod(canonical: right)) {
            case (let a?, let b?): return a < b
            case (nil, nil): return ByteOrder.precedes(left, right)
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }
        let message = "no accepted row is of the period \"\(chosen)\"; the returns' periods are "
            + (known.isEmpty ? "none (no row gives a period)" : known.joined(separator: ", "))
        if option != nil {
            throw VFMError(.usage, message, hint: "name one of those periods with --period, or leave it out for each service's latest")
        }
        throw VFMError(.badPipeline, message, column: "periods.current",
                       hint: "set [periods] current to one of those periods, or remove it for each service's latest")
    }
}
