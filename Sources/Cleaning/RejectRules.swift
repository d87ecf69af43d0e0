import Returns
import Tabular

/// The row-level reject rules that need typed values (SPEC §5), checked in this order;
/// the first that applies is the row's reason.
enum RejectRules {
    /// 2^53: the largest count every sum of counts stays exact for in `Double` (and far
    /// from `Int` overflow).
    static let largestCount = 9_007_199_254_740_992

    /// The first reject rule `service` breaks, if any; `jobOutcomes` is its derived job
    /// outcomes (`DerivedMeasures`).
    static func violation(_ service: ServiceReturn, jobOutcomes: Double?)
        -> (rule: RejectRule, message: String, column: ReturnColumn?)? {
        let people = Double(service.peopleSupported)
        let counts = service.counts
        let countRange = 0...Double(largestCount)
        func isCost(_ value: Double?) -> Bool { value.map { $0 >= 0 && $0.isFinite } ?? true }
        // Nearly every row breaks no rule: one pass to say so, then the rules in order.
        if countRange.contains(people), counts.first(where: { !countRange.contains($0) }) == nil,
           isCost(service.totalCost), isCost(service.reportedCostPerPerson), isCost(service.reportedCostPerOutcome),
           !(jobOutcomes.map { $0 > people } ?? false) {
            return nil
        }
        func firstCount(where test: (Double) -> Bool) -> (ReturnColumn, Double)? {
            if test(people) { return (.peopleSupported, people) }
            return counts.first(where: test)
        }
        func firstCost(where test: (Double) -> Bool) -> (ReturnColumn, Double)? {
            if test(service.totalCost) { return (.totalCost, service.totalCost) }
            if let value = service.reportedCostPerPerson, test(value) { return (.reportedCostPerPerson, value) }
            if let value = service.reportedCostPerOutcome, test(value) { return (.reportedCostPerOutcome, value) }
            return nil
        }
        if let (column, value) = firstCount(where: { $0 < 0 }) {
            return (.negativeCount, "`\(column.rawValue)` is negative (\(NumberFormatting.csv(value))); counts of people cannot be below 0", column)
        }
        if let (column, value) = firstCost(where: { $0 < 0 }) {
            return (.negativeCost, "`\(column.rawValue)` is negative (\(NumberFormatting.csv(value))); costs cannot be below 0",
                    column)
        }
        if let (column, value) = firstCount(where: { $0 > Double(largestCount) }) {
            return (.valueOutOfRange, "`\(column.rawValue)` (\(NumberFormatting.csv(value))) is too large to be a count of people", column)
        }
        if let (column, _) = firstCost(where: { !$0.isFinite }) {
            return (.valueOutOfRange, "`\(column.rawValue)` is not a finite amount", column)
        }
        if let jobOutcomes, jobOutcomes > people {
            return (.outcomesExceedPeopleSupported,
                    "outcomes (\(NumberFormatting.csv(jobOutcomes))) exceed people supported (\(service.peopleSupported))", nil)
        }
        return nil
    }

    /// The row as the clean stage read it, for the `record` of `clean/rejected.csv`
    /// (ingest's typed row no longer has the file's cells): the canonical columns in
    /// `ReturnColumn` order, normalised as in `ingest/returns.csv`, then the extra columns.
    static func recordCells(_ service: ServiceReturn) -> [String] {
        ReturnColumn.allCases.map { cellText(service, $0) } + service.extraColumns.map { $0.value ?? "" }
    }

    static func cellText(_ service: ServiceReturn, _ column: ReturnColumn) -> String {
        switch service.field(for: column) {
        case .text(let text): return text ?? ""
        case .number(let number): return NumberFormatting.csv(number)
        case .count(let count): return NumberFormatting.csv(count)
        }
    }

    static func rejectedRow(_ service: ServiceReturn, rule: RejectRule, message: String,
                            column: ReturnColumn? = nil) -> RejectedRow {
        RejectedRow(source: service.source, rule: rule, message: message, column: column,
                    value: column.map { cellText(service, $0) }, record: recordCells(service))
    }
}
