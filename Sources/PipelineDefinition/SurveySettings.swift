/// Which schema a pipeline file's inputs follow (SPEC §12): `kind = "service-returns"` (the
/// default when a file has no `kind`: SPEC §4–§6, one row per service) or
/// `kind = "spending-survey"` (the commissioners' national spending survey of the study's
/// Section 4, one row per response).
public enum PipelineKind: String, Sendable, Equatable, CaseIterable {
    case serviceReturns = "service-returns"
    case spendingSurvey = "spending-survey"
}

/// A spending-survey pipeline's `[survey]` table (SPEC §12). Both keys are optional.
public struct SurveySettings: Sendable, Equatable {
    /// `equal_tolerance`: Table 2 counts an area's budget as `equal` when
    /// |to − from| ≤ tolerance · from (default 0, so only an unchanged budget — 0 → 0
    /// included — is equal).
    public var equalTolerance: Double = 0
    /// `top_n`: how many areas the Work Choice comparison takes from each end of the
    /// spend-per-head ranking (the study's top 20 and bottom 20).
    public var topN: Int = 20

    public init(equalTolerance: Double = 0, topN: Int = 20) {
        self.equalTolerance = equalTolerance
        self.topN = topN
    }
}
