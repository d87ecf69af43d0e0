import VFMCore

// The rows a run rejects and the flags it raises (SPEC §5, §7).

extension RunFileSchema {
    /// `ingest/rejected.csv` and `clean/rejected.csv` share one layout: rectangular
    /// whatever the inputs' columns. No primary key: one input row may be rejected once by
    /// ingest and its line is then absent from clean, but two inputs given by paths with
    /// the same name would share `source_file`.
    private static func rejected(path: String, stage: String) -> RunFileSchema {
        RunFileSchema(
            path: path, description: "one row per input row rejected by \(stage)",
            columns: [
                .key("source_file", "input file, relative to its --input argument"),
                RunFileColumn("line", .integer, .key, "line of the input file on which the rejected record starts (header = 1)"),
                .key("rule", "id of the reject rule"),
                .label("message", "why the row was rejected"),
                .label("column", "canonical name of the cell at fault; empty for a whole-row rule"),
                .label("value", "that cell as written"),
                .label("record", "the whole record as read, as one RFC 4180 line"),
            ])
    }

    package static let ingestRejected = rejected(path: RunLayout.ingestRejected, stage: "ingest")
    package static let cleanRejected = rejected(path: RunLayout.cleanRejected, stage: "clean")

    /// `clean/flags.csv`: one row per flag, pointing at its service by `source`.
    package static let cleanFlags = RunFileSchema(
        path: RunLayout.cleanFlags, description: "one row per flag raised on an accepted service",
        columns: [
            .key("authority", "local authority area of the service"),
            .key("service", "service name"),
            .key("period", "period of the return"),
            .key("source", "input file and line of the service (clean/services.csv `source`)"),
            .key("rule", "id of the flag rule"),
            .key("metric", "the column or metric the flag is about; empty when the rule concerns the whole row"),
            .figure("value", "the value that raised the flag, in the metric's unit (a relative difference for a mismatch)"),
            .figure("threshold", "the threshold the value was checked against"),
            .label("severity", "warning or info"),
            .label("message", "the flag in words"),
        ],
        foreignKeys: [RunFileForeignKey(fields: ["source"], referencedPath: RunLayout.cleanServices,
                                        referencedFields: ["source"])])
}
