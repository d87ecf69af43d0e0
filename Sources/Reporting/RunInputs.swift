import Returns

/// Per-input-file provenance and row accounting as the ingest and clean stages recorded
/// it (`ingest/inputs.json`, `clean/inputs.json`): the one type Returns owns.
public typealias RunInputs = InputsSummary
