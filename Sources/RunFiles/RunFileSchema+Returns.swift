import Tabular
import VFMCore

// The service returns as the run writes them: `ingest/returns.csv` and, with the derived
// measures, `clean/services.csv`. Both carry the pipeline's extra input columns (SPEC §4:
// a `region`, say), known only once the inputs are read, so their schemas are functions
// of those names.

extension RunFileSchema {
    /// The canonical input columns of a return (SPEC §4), in `ReturnColumn` order. Counts
    /// are `number`: a breakdown given as a percentage is a possibly fractional count;
    /// `people_supported` must be whole and is written as an integer.
    package static let canonicalReturnColumns: [RunFileColumn] = [
        .key("authority", "local authority area"),
        .key("service", "service name"),
        .key("period", "the period of the return, e.g. 2012/13; empty when not given"),
        .label("model", "model of support, as the return names it"),
        .label("evidence_based", "ips-fidelity, observed-good-practice, no, or another label as written (counts as not evidence-based)"),
        .figure("total_cost", unit: .gbp, "total cost of the service in the period"),
        .count("people_supported", unit: .people, "total number of people who received support"),
        .figure("clients_ld", unit: .people, "people supported with a learning disability"),
        .figure("clients_mh", unit: .people, "people supported with a mental health condition"),
        .figure("clients_physical_sensory", unit: .people, "people supported with a physical or sensory impairment"),
        .figure("clients_autism", unit: .people, "people supported with autism"),
        .figure("clients_homeless", unit: .people, "people supported who were homeless"),
        .figure("clients_drug_alcohol", unit: .people, "people supported with drug or alcohol problems"),
        .figure("clients_other", unit: .people, "people supported in other client groups"),
        .figure("support_lt7", unit: .people, "people with under 7 hours a week of health and social care support"),
        .figure("support_7to40", unit: .people, "people with 7 to 40 hours a week of health and social care support"),
        .figure("support_40plus", unit: .people, "people with over 40 hours a week of health and social care support"),
        .figure("outcomes_gained", unit: .people, "people who gained a new job"),
        .figure("outcomes_retained", unit: .people, "people actively supported to retain a job"),
        .figure("outcomes_self_employed", unit: .people, "people who became self-employed"),
        .figure("outcomes_total", unit: .people, "reported total who gained or retained a job"),
        .figure("outcomes_ld", unit: .people, "job outcomes of people with a learning disability"),
        .figure("outcomes_mh", unit: .people, "job outcomes of people with a mental health condition"),
        .figure("outcomes_physical_sensory", unit: .people, "job outcomes of people with a physical or sensory impairment"),
        .figure("outcomes_autism", unit: .people, "job outcomes of people with autism"),
        .figure("outcomes_homeless", unit: .people, "job outcomes of people who were homeless"),
        .figure("outcomes_drug_alcohol", unit: .people, "job outcomes of people with drug or alcohol problems"),
        .figure("outcomes_other", unit: .people, "job outcomes of people in other client groups"),
        .figure("outcomes_lt7", unit: .people, "job outcomes of people with under 7 hours a week of support"),
        .figure("outcomes_7to40", unit: .people, "job outcomes of people with 7 to 40 hours a week of support"),
        .figure("outcomes_40plus", unit: .people, "job outcomes of people with over 40 hours a week of support"),
        .figure("reported_cost_per_person", unit: .gbp, "cost per person supported, as the service reported it"),
        .figure("reported_cost_per_outcome", unit: .gbp, "cost per job outcome, as the service reported it"),
    ]

    /// The measures the clean stage derives per service (SPEC §5), after the canonical columns.
    package static let derivedServiceColumns: [RunFileColumn] = [
        .figure("job_outcomes", unit: .people, "gained + retained + self-employed when all three are given, else outcomes_total"),
        .figure("outcome_rate", unit: .fraction, "job_outcomes / people_supported"),
        .figure("cost_per_person", unit: .gbp, "total_cost / people_supported"),
        .figure("cost_per_outcome", unit: .gbp, "total_cost / job_outcomes (empty when there are none)"),
        .figure("gained_share", unit: .fraction, "outcomes_gained / job_outcomes"),
        .figure("retained_share", unit: .fraction, "outcomes_retained / job_outcomes"),
        .figure("self_employed_share", unit: .fraction, "outcomes_self_employed / job_outcomes"),
        .figure("ld_share", unit: .fraction, "clients_ld / people_supported"),
        .figure("mh_share", unit: .fraction, "clients_mh / people_supported"),
        .label("client_focus", "LD or MH when that share is over one half, mixed when neither is, unknown otherwise"),
        .figure("share_lt7", unit: .fraction, "share of the people with a known support level who have under 7 hours a week"),
        .figure("share_7to40", unit: .fraction, "share of the people with a known support level who have 7 to 40 hours a week"),
        .figure("share_40plus", unit: .fraction, "share of the people with a known support level who have over 40 hours a week"),
        .figure("support_level_index", "Support Level Index (NDTi 2014, footnote 10): p(<7h) + 3·p(7–40h) + 10·p(40h+)"),
        RunFileColumn("excluded_from_statistics", .boolean, .label,
                      "true when the pipeline drops this service from the statistics (an outlier under exclude_outliers)"),
        .label("current", "yes when the row is the service's current return (its latest period, SPEC §11), no for an earlier return"),
    ]

    /// `file:line` of the row in its input, unique in a run.
    static let sourceColumn = RunFileColumn.key("source", "input file (relative to its --input argument) and line of the row")

    /// An extra input column, carried through as text; `name` as the header writes it
    /// (neutralised against formula injection, SPEC §7).
    static func extraColumn(_ name: String) -> RunFileColumn {
        .label(CSVInjection.neutralise(name), "an extra column of the input, carried through as text")
    }

    /// `ingest/returns.csv`: the canonical columns, the extra columns (`extras`, as the
    /// returns name them), `proportions_given`, `source`.
    package static func ingestReturns(extras: [String]) -> RunFileSchema {
        RunFileSchema(
            path: RunLayout.ingestReturns, description: "one row per return accepted by ingest",
            columns: canonicalReturnColumns + extras.map(extraColumn) + [
                .label("proportions_given", "the breakdown columns given as percentages, joined by ;"),
                sourceColumn,
            ],
            primaryKey: ["source"])
    }

    /// `clean/services.csv` (SPEC §7): the canonical columns, the derived ones, the extra
    /// columns, `source`, `flags`.
    package static func cleanServices(extras: [String]) -> RunFileSchema {
        cleanServices(extras: extras, derived: derivedServiceColumns)
    }

    private static func cleanServices(extras: [String], derived: [RunFileColumn]) -> RunFileSchema {
        RunFileSchema(
            path: RunLayout.cleanServices, description: "one row per accepted service: inputs, derived measures, flags",
            columns: canonicalReturnColumns + derived + extras.map(extraColumn) + [
                sourceColumn,
                .label("flags", "the rule ids of the service's flags, joined by ; (the flags are in clean/flags.csv)"),
            ],
            primaryKey: ["source"])
    }
}

extension RunFileSchema {
    /// The schema of `ingest/returns.csv` whose header is `header`, and its extra columns as
    /// the returns name them; `nil` when `header` is not one ingest writes.
    package static func ingestReturns(header: [String]) -> (schema: RunFileSchema, extras: [String])? {
        withExtras(header, leading: canonicalReturnColumns.count, ingestReturns(extras:))
    }

    /// The schema of `clean/services.csv` whose header is `header`, and its extra columns.
    package static func cleanServices(header: [String]) -> (schema: RunFileSchema, extras: [String])? {
        withExtras(header, leading: canonicalReturnColumns.count + derivedServiceColumns.count,
                   cleanServices(extras:))
    }

    /// `clean/services.csv` as vfm wrote it before SPEC §11, without the `current` column:
    /// a published run named by `--previous` may be one (its services are then all
    /// current returns of their periods).
    package static func cleanServicesBeforePeriods(header: [String]) -> (schema: RunFileSchema, extras: [String])? {
        let derived = Array(derivedServiceColumns.dropLast())
        return withExtras(header, leading: canonicalReturnColumns.count + derived.count) {
            cleanServices(extras: $0, derived: derived)
        }
    }

    /// The extras are the cells between the `leading` fixed columns and the trailing ones;
    /// the header must then be exactly what the schema of those extras writes.
    private static func withExtras(_ header: [String], leading: Int, _ make: ([String]) -> RunFileSchema)
        -> (schema: RunFileSchema, extras: [String])? {
        let fixed = make([]).columns.count
        guard header.count >= fixed else { return nil }
        let extras = header[leading..<(leading + header.count - fixed)].map(CSVInjection.restore)
        let schema = make(extras)
        return schema.header == header ? (schema, extras) : nil
    }
}
