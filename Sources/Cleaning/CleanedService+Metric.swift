import PipelineDefinition

extension CleanedService {
    /// This service's value of `metric` (inputs or derived measures); `nil` when missing.
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .totalCost: return input.totalCost
        case .peopleSupported: return Double(input.peopleSupported)
        case .jobOutcomes: return derived.jobOutcomes
        case .outcomeRate: return derived.outcomeRate
        case .costPerPerson: return derived.costPerPerson
        case .costPerOutcome: return derived.costPerOutcome
        case .gainedShare: return derived.gainedShare
        case .retainedShare: return derived.retainedShare
        case .selfEmployedShare: return derived.selfEmployedShare
        case .ldShare: return derived.ldShare
        case .mhShare: return derived.mhShare
        case .supportLevelIndex: return derived.supportLevelIndex
        }
    }
}
