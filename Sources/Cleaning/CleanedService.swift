import PipelineDefinition
import Returns
import VFMCore

/// An accepted service return with the study's derived measures and its flags. This is
/// the row every statistic is computed from (SPEC §5).
package struct CleanedService: Sendable, Equatable {
    package var input: ServiceReturn
    package var derived: DerivedMeasures
    /// Every flag raised on this service, in rule order.
    package var flags: [ServiceFlag]
    /// True when the pipeline sets `exclude_outliers` and this service is an outlier:
    /// it stays in `clean/services.csv` but enters no statistic.
    package var excludedFromStatistics: Bool
    /// The service's current return (SPEC §11): its row of the latest period it has one in,
    /// or of the chosen period. Earlier returns stay in `clean/services.csv` (`current` =
    /// `no`) and enter no §6 statistic.
    package var isCurrent = true

    package init(input: ServiceReturn, derived: DerivedMeasures, flags: [ServiceFlag], excludedFromStatistics: Bool) {
        self.input = input
        self.derived = derived
        self.flags = flags
        self.excludedFromStatistics = excludedFromStatistics
    }
}

/// Which client group a service mainly supports: the study's >50% rule (Section 5,
/// "Overview of returned data").
package enum ClientFocus: String, Sendable, Hashable, CaseIterable {
    case learningDisability = "LD"
    case mentalHealth = "MH"
    case mixed
    case unknown
}

/// The study's measures, derived per service (SPEC §5). Undefined is `nil`, never NaN
/// (stored as NaN, `MissingAsNaN`: 8 bytes a measure instead of 16).
package struct DerivedMeasures: Sendable, Equatable {
    /// A possibly fractional count when outcome types were given as percentages (SPEC §4).
    @MissingAsNaN package var jobOutcomes: Double?
    @MissingAsNaN package var outcomeRate: Double?
    @MissingAsNaN package var costPerPerson: Double?
    @MissingAsNaN package var costPerOutcome: Double?
    @MissingAsNaN package var gainedShare: Double?
    @MissingAsNaN package var retainedShare: Double?
    @MissingAsNaN package var selfEmployedShare: Double?
    @MissingAsNaN package var ldShare: Double?
    @MissingAsNaN package var mhShare: Double?
    package var clientFocus: ClientFocus
    @MissingAsNaN package var shareLT7: Double?
    @MissingAsNaN package var share7to40: Double?
    @MissingAsNaN package var share40plus: Double?
    /// Support Level Index (NDTi 2014, footnote 10): p(<7h) + 3·p(7–40h) + 10·p(40h+).
    @MissingAsNaN package var supportLevelIndex: Double?

    package init(jobOutcomes: Double? = nil, outcomeRate: Double? = nil, costPerPerson: Double? = nil,
                costPerOutcome: Double? = nil, gainedShare: Double? = nil, retainedShare: Double? = nil,
                selfEmployedShare: Double? = nil, ldShare: Double? = nil, mhShare: Double? = nil,
                clientFocus: ClientFocus = .unknown, shareLT7: Double? = nil, share7to40: Double? = nil,
                share40plus: Double? = nil, supportLevelIndex: Double? = nil) {
        self.jobOutcomes = jobOutcomes
        self.outcomeRate = outcomeRate
        self.costPerPerson = costPerPerson
        self.costPerOutcome = costPerOutcome
        self.gainedShare = gainedShare
        self.retainedShare = retainedShare
        self.selfEmployedShare = selfEmployedShare
        self.ldShare = ldShare
        self.mhShare = mhShare
        self.clientFocus = clientFocus
        self.shareLT7 = shareLT7
        self.share7to40 = share7to40
        self.share40plus = share40plus
        self.supportLevelIndex = supportLevelIndex
    }
}
