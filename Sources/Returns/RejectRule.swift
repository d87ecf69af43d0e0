/// Why a row went into no statistic (SPEC §5): the machine-readable rule id written in the
/// `rule` column of `ingest/rejected.csv` and `clean/rejected.csv`. Ingest rejects what it
/// sees in a cell or a row; the clean stage applies the rules that need typed values.
public enum RejectRule: String, Sendable, CaseIterable {
    // Ingest
    /// A record with more or fewer cells than the header (SPEC §4).
    case raggedRow = "ragged-row"
    /// A required cell (authority, service, total cost, people supported) empty or a missing word.
    case requiredMissing = "required-missing"
    /// A money cell that does not read as pounds, or is absurdly large.
    case unparsableMoney = "unparsable-money"
    /// A count cell that does not read as a number, or is absurdly large.
    case unparsableCount = "unparsable-count"
    /// A count with a fractional part (`12.5`; `12.0` is 12).
    case nonIntegerCount = "non-integer-count"
    /// A breakdown written as a percentage above 100% of its base (SPEC §4).
    case proportionAbove100 = "proportion-above-100"
    /// An outcome type written as a percentage with no `outcomes_total` to take it of.
    case proportionWithoutBase = "proportion-without-base"
    /// A cell longer than the 64 KiB cell limit (issue 19 item 5): no name or number is.
    case cellTooLong = "cell-too-long"
    /// A row whose `authority` or `service` is a totals label (`Total`, `Grand total`…): the
    /// sum of the services above it, not a service (SPEC §4, `TotalsLabels`).
    case totalRow = "total-row"
    /// A spreadsheet error value (`#DIV/0!`, `#VALUE!`…) in a required column: the cell
    /// holds no value the return can be read with (issue 28, `SpreadsheetErrorValue`).
    case spreadsheetError = "spreadsheet-error"
    // Clean
    /// A count (people supported, client groups, support levels, outcomes) below zero.
    case negativeCount = "negative-count"
    /// Total cost or a reported cost per person / per outcome below zero.
    case negativeCost = "negative-cost"
    /// A count above 2^53 or a non-finite cost: no return can hold it, and sums of such
    /// counts would no longer be exact (or would overflow).
    case valueOutOfRange = "value-out-of-range"
    /// Job outcomes greater than people supported: more people got jobs than were supported.
    case outcomesExceedPeopleSupported = "outcomes-exceed-people-supported"
    /// A later duplicate of (authority, service, period) under `duplicate_policy = "keep-first"`.
    case duplicate = "duplicate"
    /// An earlier copy of (authority, service, period) under `duplicate_policy =
    /// "keep-latest"`: a later input (a resubmission) supersedes it (issue 28).
    case superseded = "superseded"
    // The commissioners' spending survey (SPEC §12), at ingest
    /// A response with no authority: it cannot be given to an area.
    case authorityMissing = "authority-missing"
    /// A money cell (a budget or a breakdown) that does not read as pounds.
    case invalidMoney = "invalid-money"
    /// A money cell below zero: no budget is negative.
    case negativeMoney = "negative-money"
    /// A yes/no cell that is neither (`yes`, `y`, `true`, `x`, `✓`; `no`, `n`, `false`).
    case invalidYesNo = "invalid-yes-no"
    /// An answer cell that is none of its question's answers.
    case invalidChoice = "invalid-choice"
    /// A factor's rank that is not a whole number from 1 to 7.
    case invalidRank = "invalid-rank"
    /// A provider share that does not read as a proportion (or is below 0).
    case invalidProportion = "invalid-proportion"
}
