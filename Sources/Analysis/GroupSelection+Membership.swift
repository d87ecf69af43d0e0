import Foundation
import Cleaning
import PipelineDefinition
import Returns
import Tabular

extension GroupSelection {
    /// True when `service` belongs to the group (SPEC §6): by the study's client-focus
    /// rule, by evidence base, or by a filter on any column, canonical or extra.
    func includes(_ service: CleanedService) -> Bool {
        switch self {
        case .all:
            return true
        case .clientFocus(let focus):
            return service.clientFocus.rawValue == focus
        case .evidenceBased:
            return service.input.evidenceBase.isEvidenceBased
        case .columnIn(let column, let values):
            guard let text = service.columnText(column) else { return false }
            let wanted = Self.normalised(text)
            return values.contains { Self.normalised($0) == wanted }
        }
    }

    static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

extension CleanedService {
    /// The text of a column as `clean/services.csv` would show it, for group filters:
    /// canonical input columns, `client_focus`, `evidence_based`, or an extra column
    /// (header matched ignoring case and surrounding spaces). `nil` when missing.
    func columnText(_ column: String) -> String? {
        let name = GroupSelection.normalised(column)
        if name == "client_focus" { return derived.clientFocus.rawValue }
        if let canonical = ReturnColumn(rawValue: name) {
            switch canonical {
            case .authority: return input.authority
            case .service: return input.service
            case .period: return input.period
            case .model: return input.model
            case .evidenceBased: return input.evidenceBase.label
            case .totalCost: return NumberFormatting.csv(input.totalCost)
            case .peopleSupported: return String(input.peopleSupported)
            case .reportedCostPerPerson: return input.reportedCostPerPerson.map { NumberFormatting.csv($0) }
            case .reportedCostPerOutcome: return input.reportedCostPerOutcome.map { NumberFormatting.csv($0) }
            default: return input.counts[canonical].map { NumberFormatting.csv($0) }
            }
        }
        return input.extraColumns.first { GroupSelection.normalised($0.header) == name }?.value
    }
}
