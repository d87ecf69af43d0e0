import ArgumentParser
import PipelineRunner
import Reporting
import VFMCore

/// `vfm scenario`: what a budget buys, priced on a published run without re-running it
/// (SPEC §3, §6.1). The work is `Reporting.ScenarioQuery`; this only reads arguments.
public struct ScenarioCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Price a budget, a reallocation or an alternative on a published run.",
        discussion: """
            Reads DIR/tables/value_for_money_basis.csv (each group's pooled rate: total job \
            outcomes ÷ total cost, with its standard error) and prints one sentence per scenario \
            with its 95% interval and n, as the run's report words them; --format csv prints rows \
            shaped like tables/scenarios.csv. Nothing is re-run or written.

            --budget prices a budget at evidence-based services' and all services' rates; \
            --reallocate moves a share (0.5, 50% or 1/2) of the spend of services that are not \
            evidence-based to evidence-based performance; --alternative sets an alternative's \
            cost per person a year (e.g. a day-service place) against the pooled cost per job \
            outcome.

            Every figure assumes job outcomes scale with spend; the returns are not a trial.

            \(HelpText.exitCodes)
            """)

    @Option(name: .customLong("run"), help: ArgumentHelp("A run directory `vfm run` published.", valueName: "dir"))
    public var runDirectory: String

    @Option(name: .customLong("budget"), parsing: .unconditional, help: ArgumentHelp("£ a year, e.g. 195974 or £195,974.", valueName: "£"))
    public var budget: String?

    @Option(name: .customLong("years"), parsing: .unconditional, help: ArgumentHelp("Years the budget is spent (default 1).", valueName: "n"))
    public var years: Double?

    @Option(name: .customLong("reallocate"), parsing: .unconditional, help: ArgumentHelp("Share of non-evidence-based spend moved.",
                                                                valueName: "share"))
    public var reallocate: String?

    @Option(name: .customLong("alternative"), parsing: .unconditional, help: ArgumentHelp("An alternative's cost per person a year.",
                                                                 valueName: "£"))
    public var alternative: String?

    @Option(name: .customLong("group"), help: ArgumentHelp(
        "Price --budget and --alternative at this group's rate (all, evidence_based, LD, MH, mixed or one the "
            + "pipeline defines); repeat for several. Default: evidence_based and all.", valueName: "name"))
    public var groups: [String] = []

    @Option(name: .customLong("format"), help: ArgumentHelp("text (sentences) or csv.", valueName: "text|csv"))
    public var format: ScenarioQuery.Format = .text

    public init() {}

    public func validate() throws {
        _ = try query()
    }

    /// The scenarios asked for, each value checked.
    func query() throws -> ScenarioQuery {
        if runDirectory.isEmpty { throw ValidationError("--run needs a run directory") }
        var query = ScenarioQuery()
        if let budget {
            guard let value = ScenarioQuery.money(budget), value > 0 else {
                throw ValidationError("--budget must be a sum of money above 0, e.g. 195974 or £195,974 (got `\(budget)`)")
            }
            query.budget = value
        }
        if let years {
            guard budget != nil else { throw ValidationError("--years applies to --budget; give --budget too") }
            guard years > 0, years.isFinite else { throw ValidationError("--years must be above 0 (got \(years))") }
            query.years = years
        }
        if let reallocate {
            guard let value = ScenarioQuery.share(reallocate), value > 0, value <= 1 else {
                throw ValidationError("--reallocate must be a share above 0 and at most 1, e.g. 0.5, 50% or 2/3 (got `\(reallocate)`)")
            }
            query.reallocate = value
        }
        if let alternative {
            guard let value = ScenarioQuery.money(alternative), value > 0 else {
                throw ValidationError("--alternative must be a sum of money above 0, e.g. 14998 (got `\(alternative)`)")
            }
            query.alternative = value
        }
        if !groups.isEmpty {
            guard budget != nil || alternative != nil else {
                throw ValidationError("--group applies to --budget and --alternative; give one of them too")
            }
            query.groups = groups
        }
        if query.scenarios.isEmpty {
            throw ValidationError("say what to price: --budget £ [--years N], --reallocate SHARE and/or --alternative £")
        }
        return query
    }

    public func run() throws {
        let query = try query()
        try CommandRuntime.run { () throws(VFMError) in
            print(try query.render(runDirectory: runDirectory, format: format), terminator: "")
        }
    }
}

extension ScenarioQuery.Format: ExpressibleByArgument {}
