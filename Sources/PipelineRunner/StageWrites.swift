import VFMCore

/// The three queues `vfm run` writes its run files on (`PipelineRun.stageAll`): the small
/// files the report reads (`summary`), the files that grow with the services (`files`),
/// and the benchmark, the largest, on its own.
struct StageWrites {
    let summary = RunFileWrites(), files = RunFileWrites(), benchmark = RunFileWrites()

    /// Waits until every write on every queue has ended, then gives the first failure in
    /// the queues' order (a full disk), or `nil`. Every queue is waited for, failed or not:
    /// a failing run discards its staging directory next, and a write still going into it
    /// would leave it behind (`a ?? b ?? c` stopped waiting at the first queue that failed,
    /// and under load a full disk left the staging directory beside the output).
    func settleAll() -> VFMError? {
        let failures = [summary.settle(), files.settle(), benchmark.settle()]
        return failures.lazy.compactMap { $0 }.first
    }
}
