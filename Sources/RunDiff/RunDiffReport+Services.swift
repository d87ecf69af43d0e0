import PipelineDefinition
import Tabular

extension RunDiffReport {
    static func services(_ comparison: RunComparison) -> [String] {
        let services = comparison.services
        guard services.hasDifferences else { return [] }
        var text = "## Services\n\n"
        text += serviceList("Added", services.added, columns: comparison.new.serviceColumns)
        text += serviceList("Removed", services.removed, columns: comparison.old.serviceColumns)
        if !services.changed.isEmpty {
            var table = MarkdownTable(["authority", "service", "period", "field", "old", "new"])
            for change in services.changed {
                for field in change.fields {
                    var old = fieldValue(field.column, field.old), new = fieldValue(field.column, field.new)
                    // Only --all or --tolerance lists a change too small to print: show it in full.
                    if old == new { (old, new) = (cell(field.old), cell(field.new)) }
                    table.append(keyCells(change.key) + [metricWords(field.column) + (field.isDerived ? " (derived)" : ""),
                                                         old, new])
                }
            }
            text += "### Changed (\(PeopleNumbers.count(services.changed.count)))\n\n" + table.text + "\n"
        }
        if !services.columnsOnlyInNew.isEmpty {
            text += "Input columns only in the new run (not compared): "
                + services.columnsOnlyInNew.map(cell).joined(separator: ", ") + ".\n\n"
        }
        if !services.columnsOnlyInOld.isEmpty {
            text += "Input columns only in the old run (not compared): "
                + services.columnsOnlyInOld.map(cell).joined(separator: ", ") + ".\n\n"
        }
        text += "\(counted(services.unchangedCount, "other service", "other services")) unchanged.\n"
        return [text]
    }

    static func keyCells(_ key: ServiceKey) -> [String] {
        [cell(key.authority), cell(key.service), cell(key.period)]
    }

    static func serviceList(_ title: String, _ records: [ServiceRecord], columns: [String]) -> String {
        guard !records.isEmpty else { return "" }
        let index = ServiceComparison.positions(columns)
        let shown = [Metric.totalCost, .peopleSupported, .jobOutcomes, .costPerPerson, .costPerOutcome, .outcomeRate]
            .map(\.rawValue)
        var table = MarkdownTable(["authority", "service", "period", "total cost", "people supported",
                                   "job outcomes", "cost per person", "cost per job outcome", "outcome rate",
                                   "source"])
        for record in records {
            table.append(keyCells(record.key) + shown.map { fieldValue($0, record.cell(index[$0])) }
                         + [cell(record.source)])
        }
        return "### \(title) (\(PeopleNumbers.count(records.count)))\n\n" + table.text + "\n"
    }

    /// A cell of `clean/services.csv` for people: a derived figure as the report prints it;
    /// an input's money as £ (pence only when there are any), counts with thousands
    /// separators; text escaped; empty as missing.
    static func fieldValue(_ column: String, _ value: String) -> String {
        guard !value.isEmpty else { return PeopleNumbers.missing }
        if let format = ServiceComparison.derivedFormat(column), column != "job_outcomes" {
            return Double(value).map { format.text($0) } ?? cell(value)
        }
        guard let number = Double(value), number.isFinite else { return cell(value) }
        switch ServiceComparison.unit(of: column) {
        case .gbp:
            let pence = number != number.rounded()
            return pence ? "£" + HumanNumbers.decimal(number, decimals: 2) : HumanNumbers.money(number)
        case .people:
            return number == number.rounded() ? HumanNumbers.whole(number) : cell(value)
        default:
            return cell(value)
        }
    }
}
