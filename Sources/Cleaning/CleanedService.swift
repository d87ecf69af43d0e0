import PipelineDefinition
import Returns
import VFMCore

/// An accepted service return with the study's derived measures and its flags. This is
/// the row every statistic is computed from (SPEC §5).
public struct CleanedService: Sendable, Equatable {
    public var input: ServiceReturn
    /// True when the pipeline sets `exclude_outliers` and this service is an outlier:
    /// it stays in `clean/services.csv` but enters no statistic.
    public var excludedFromStatistics: Bool
    /// The service's current return (SPEC §11): its row of the latest period it has one in,
    /// or of the chosen period. Earlier returns stay in `clean/services.csv` (`current` =
    /// `no`) and enter no §6 statistic.
    public var isCurrent = true
    /// Every flag raised on this service, in rule order.
    public var flags: [ServiceFlag]

    public init(input: ServiceReturn, flags: [ServiceFlag], excludedFromStatistics: Bool) {
        self.input = input
        self.flags = flags
        self.excludedFromStatistics = excludedFromStatistics
    }

    /// The study's measures of this return (SPEC §5), worked out when asked for rather than
    /// held: they are a function of `input` alone, and a million services holding 105 bytes
    /// of them each was a tenth of `vfm run`'s peak memory at 10⁶ rows (issue 30). One
    /// measure alone is `value(of:)`.
    public var derived: DerivedMeasures { DerivedMeasures(deriving: input) }
}

/// Which client group a service mainly supports: the study's >50% rule (Section 5,
/// "Overview of returned data").
public enum ClientFocus: String, Sendable, Hashable, CaseIterable {
    case learningDisability = "LD"
    case mentalHealth = "MH"
    case mixed
    case unknown
}

/// The study's measures, derived per service (SPEC §5). Undefined is `nil`, never NaN
/// (stored as NaN, `MissingAsNaN`: 8 bytes a measure instead of 16).
public struct DerivedMeasures: Sendable, Equatable {
    /// A possibly fractional count when outcome types were given as percentages (SPEC §4).
    @MissingAsNaN public var jobOutcomes: Double?
    @MissingAsNaN public var outcomeRate: Double?
    @MissingAsNaN public var costPerPerson: Double?
    @MissingAsNaN public var costPerOutcome: Double?
    @MissingAsNaN public var gainedShare: Double?
    @MissingAsNaN public var retainedShare: Double?
    @MissingAsNaN public var selfEmployedShare: Double?
    @MissingAsNaN public var ldShare: Double?
    @MissingAsNaN public var mhShare: Double?
    @MissingAsNaN public var shareLT7: Double?
    @MissingAsNaN public var share7to40: Double?
    @MissingAsNaN public var share40plus: Double?
    /// Support Level Index (NDTi 2014, footnote 10): p(<7h) + 3·p(7–40h) + 10·p(40h+).
    @MissingAsNaN public var supportLevelIndex: Double?
    public var clientFocus: ClientFocus

    public init(jobOutcomes: Double? = nil, outcomeRate: Double? = nil, costPerPerson: Double? = nil,
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
