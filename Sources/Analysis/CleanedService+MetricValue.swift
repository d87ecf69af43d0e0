import Cleaning
import PipelineDefinition

extension CleanedService {
    /// The service's value of `metric` (SPEC §4–5 names), `nil` when undefined.
    ///
    /// Kept inside Analysis under its own name until the clean stage's public
    /// `CleanedService.value(of:)` (STAGES.md) is on main; the two must agree.
    func analysisValue(of metric: Metric) -> Double? {
        switch metric {
        case .totalCost: return input.totalCost
        case .peopleSupported: return Double(input.peopleSupported)
        case .jobOutcomes: return derived.jobOutcomes.map(Double.init)
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
