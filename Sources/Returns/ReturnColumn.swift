/// The canonical columns of a service return (SPEC §4), in the order they are written to
/// `clean/services.csv`. Raw values are the canonical header names.
public enum ReturnColumn: String, Sendable, Hashable, CaseIterable {
    case authority, service, period, model
    case evidenceBased = "evidence_based"
    case totalCost = "total_cost"
    case peopleSupported = "people_supported"
    case clientsLD = "clients_ld"
    case clientsMH = "clients_mh"
    case clientsPhysicalSensory = "clients_physical_sensory"
    case clientsAutism = "clients_autism"
    case clientsHomeless = "clients_homeless"
    case clientsDrugAlcohol = "clients_drug_alcohol"
    case clientsOther = "clients_other"
    case supportLT7 = "support_lt7"
    case support7to40 = "support_7to40"
    case support40plus = "support_40plus"
    case outcomesGained = "outcomes_gained"
    case outcomesRetained = "outcomes_retained"
    case outcomesSelfEmployed = "outcomes_self_employed"
    case outcomesTotal = "outcomes_total"
    case outcomesLD = "outcomes_ld"
    case outcomesMH = "outcomes_mh"
    case outcomesPhysicalSensory = "outcomes_physical_sensory"
    case outcomesAutism = "outcomes_autism"
    case outcomesHomeless = "outcomes_homeless"
    case outcomesDrugAlcohol = "outcomes_drug_alcohol"
    case outcomesOther = "outcomes_other"
    case outcomesLT7 = "outcomes_lt7"
    case outcomes7to40 = "outcomes_7to40"
    case outcomes40plus = "outcomes_40plus"
    case reportedCostPerPerson = "reported_cost_per_person"
    case reportedCostPerOutcome = "reported_cost_per_outcome"

    /// `allCases`, built once (a synthesised `allCases` makes a new array per call, and
    /// the writers walk the columns on every row).
    public static let all: [ReturnColumn] = allCases

    /// The position of an optional count column among `CountValues.columns` (the count
    /// columns but `people_supported`, in column order), found without a search: every
    /// row reads and writes these for each of its 24 counts. `nil` for other columns.
    @inlinable
    public var countPosition: Int? {
        switch self {
        case .clientsLD: return 0
        case .clientsMH: return 1
        case .clientsPhysicalSensory: return 2
        case .clientsAutism: return 3
        case .clientsHomeless: return 4
        case .clientsDrugAlcohol: return 5
        case .clientsOther: return 6
        case .supportLT7: return 7
        case .support7to40: return 8
        case .support40plus: return 9
        case .outcomesGained: return 10
        case .outcomesRetained: return 11
        case .outcomesSelfEmployed: return 12
        case .outcomesTotal: return 13
        case .outcomesLD: return 14
        case .outcomesMH: return 15
        case .outcomesPhysicalSensory: return 16
        case .outcomesAutism: return 17
        case .outcomesHomeless: return 18
        case .outcomesDrugAlcohol: return 19
        case .outcomesOther: return 20
        case .outcomesLT7: return 21
        case .outcomes7to40: return 22
        case .outcomes40plus: return 23
        default: return nil
        }
    }

    public enum Kind: Sendable { case text, evidenceBase, money, count }

    public var kind: Kind {
        switch self {
        case .authority, .service, .period, .model: return .text
        case .evidenceBased: return .evidenceBase
        case .totalCost, .reportedCostPerPerson, .reportedCostPerOutcome: return .money
        default: return .count
        }
    }

    /// Columns a file must have; the outcome columns are checked separately
    /// (the three breakdown columns, or `outcomes_total`, or both).
    public static let required: [ReturnColumn] = [.authority, .service, .totalCost, .peopleSupported]
    public static let outcomeBreakdown: [ReturnColumn] = [.outcomesGained, .outcomesRetained, .outcomesSelfEmployed]
}
