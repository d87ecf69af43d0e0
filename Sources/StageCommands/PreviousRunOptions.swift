import ArgumentParser

/// `--previous RUN_DIR` (SPEC §3, §11), for `vfm run`, `vfm-clean` (the edits' flags) and
/// `vfm-analyze` (the period tables), so that the stages run by hand give the same bytes.
public struct PreviousRunOptions: ParsableArguments {
    @Option(name: .customLong("previous"),
            help: ArgumentHelp("A published run (an earlier vfm run's --output) whose services of periods before this run's join it as earlier returns: this year's returns are checked and compared against last year's. It must match its manifest.",
                               valueName: "run-dir"))
    public var previous: String?

    public init() {}

    public func validate() throws {
        if previous?.isEmpty == true { throw ValidationError("--previous needs a run directory") }
    }
}
