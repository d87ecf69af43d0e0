/// The pipeline's `[periods]` table (SPEC §11): which period is current and how the
/// period-to-period edits screen. Optional: without it the current returns are each
/// service's latest, and the edits use univOutl's defaults.
public struct PeriodSettings: Sendable, Equatable {
    /// `current`: the label of the period whose rows are the current returns (`--period`
    /// overrides it); `nil` takes each service's latest period.
    public var current: String?
    /// `edits`: the variables screened between consecutive periods.
    public var edits: [Metric] = [.totalCost, .peopleSupported, .jobOutcomes]
    /// `u`: the size exponent U of the Hidiroglou–Berthelot effect, 0 ≤ U ≤ 1.
    public var sizeExponent: Double = 0.5
    /// `a`: A, the floor on a spread as a fraction of the median effect (|A·E_M|).
    public var spreadFloor: Double = 0.05
    /// `c`: C, how many spreads the bounds lie from the median effect.
    public var boundWidth: Double = 4

    public init() {}
}
