import ArgumentParser

/// `--period LABEL` (SPEC §3, §11), for `vfm run` and `vfm-clean` — the stage that decides
/// which rows are current — so that the stages run by hand give the same bytes.
public struct PeriodOptions: ParsableArguments {
    @Option(name: .customLong("period"),
            help: ArgumentHelp("The current period: its rows are the returns every figure describes (e.g. 2012/13; other forms such as 2012-13 are read the same). Default: the pipeline's [periods] current, else each service's latest period.",
                               valueName: "label"))
    public var period: String?

    public init() {}

    public func validate() throws {
        if let period, period.allSatisfy(\.isWhitespace) { throw ValidationError("--period needs a period such as 2012/13") }
    }
}
