import Returns

extension RunDiffReport {
    static func services(_ comparison: RunComparison) -> [String] {
        let services = comparison.services
        guard services.hasDifferences else { return [] }
        var text = "## Services\n\n"
        text += serviceList("Added", services.added)
        text += serviceList("Removed", services.removed)
        if !services.changed.isEmpty {
            var table = MarkdownTable(["authority", "service", "period", "field", "old", "new"])
            for change in services.changed {
                for field in change.fields {
                    table.append(keyCells(change.key) + [cell(field.column), fieldValue(field.column, field.old),
                                                         fieldValue(field.column, field.new)])
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

    static func serviceList(_ title: String, _ records: [ServiceRecord]) -> String {
        guard !records.isEmpty else { return "" }
        var table = MarkdownTable(["authority", "service", "period", "total cost", "people supported",
                                   "job outcomes", "source"])
        for record in records {
            table.append(keyCells(record.key) + [
                fieldValue(ReturnColumn.totalCost.rawValue, record.cells[ReturnColumn.totalCost.rawValue] ?? ""),
                fieldValue(ReturnColumn.peopleSupported.rawValue,
                           record.cells[ReturnColumn.peopleSupported.rawValue] ?? ""),
                fieldValue("job_outcomes", record.cells["job_outcomes"] ?? ""),
                cell(record.source),
            ])
        }
        return "### \(title) (\(PeopleNumbers.count(records.count)))\n\n" + table.text + "\n"
    }

    /// An input cell for people: money as £ (pence only when there are any), counts with
    /// thousands separators, text escaped, empty as missing.
    static func fieldValue(_ column: String, _ value: String) -> String {
        guard !value.isEmpty else { return PeopleNumbers.missing }
        let kind: ReturnColumn.Kind? = column == "job_outcomes" ? .count : ReturnColumn(rawValue: column)?.kind
        guard let number = Double(value), number.isFinite else { return cell(value) }
        switch kind {
        case .money:
            let pence = number != number.rounded()
            return PeopleNumbers.signed(number, decimals: pence ? 2 : 0, prefix: "£", suffix: "", plus: false)
        case .count:
            return PeopleNumbers.wholeNumber(number).map { PeopleNumbers.count($0) } ?? cell(value)
        default:
            return cell(value)
        }
    }
}
