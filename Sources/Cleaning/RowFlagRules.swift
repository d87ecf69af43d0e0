import PipelineDefinition
import Returns
import Tabular

/// The flag rules that look at one service alone (SPEC §5), in the order their flags are
/// recorded. Duplicates and outliers need the whole data set: `DuplicateScreen`,
/// `OutlierScreen`. Messages (`FlagDetail`):
/// - people-supported-zero: "people supported is 0: outcome rate, cost per person and
///   client shares are missing"; zero-outcomes: "no job outcomes: cost per job outcome is
///   missing"; outcome-rate-100: "every person supported (N) gained or kept a job: …";
/// - partial-outcome-breakdown: "outcome breakdown incomplete (`…` missing): job outcomes
///   taken from outcomes_total (N) | job outcomes missing, no gained/retained shares";
/// - outcomes-total-mismatch, client/support-count-mismatch ("client groups add up to 41
///   but people supported is 30 (off by 37%)"), reported-cost mismatches, an unrecognised
///   evidence label and proportions given, as `FlagDetail.message` words them.
enum RowFlagRules {
    private static let clientColumns: [ReturnColumn] = [.clientsLD, .clientsMH, .clientsPhysicalSensory,
                                                        .clientsAutism, .clientsHomeless, .clientsDrugAlcohol,
                                                        .clientsOther]
    private static let supportColumns: [ReturnColumn] = [.supportLT7, .support7to40, .support40plus]

    /// Appends the row's flags to `flags`, in rule order.
    static func flag(_ service: ServiceReturn, _ derived: DerivedMeasures, pipeline: PipelineDefinition,
                     into flags: inout [ServiceFlag]) {
        func add(_ rule: FlagRule, _ metric: String?, _ value: Double?, _ threshold: Double?, _ detail: FlagDetail) {
            flags.append(ServiceFlag(rule: rule, metric: metric, value: value, threshold: threshold, detail: detail))
        }
        let people = service.peopleSupported
        let counts = service.counts

        if people == 0 {
            add(.peopleSupportedZero, Metric.peopleSupported.rawValue, 0, nil, .peopleSupportedZero)
        }
        if derived.jobOutcomes == 0 {
            add(.zeroOutcomes, Metric.jobOutcomes.rawValue, 0, nil, .noOutcomes)
        }
        if derived.outcomeRate == 1 {
            add(.fullOutcomeRate, Metric.outcomeRate.rawValue, 1, 1, .fullOutcomeRate(people: people))
        }

        var missing: UInt8 = 0, present = 0, sum = 0.0
        for (position, column) in ReturnColumn.outcomeBreakdown.enumerated() {
            if let count = counts[column] {
                present += 1
                sum += count
            } else {
                missing |= 1 << position
            }
        }
        let breakdownCount = ReturnColumn.outcomeBreakdown.count
        if present > 0, present < breakdownCount {
            add(.partialOutcomeBreakdown, Metric.jobOutcomes.rawValue, Double(present), Double(breakdownCount),
                .partialBreakdown(missing: missing, outcomesTotal: counts[.outcomesTotal] ?? .nan))
        }
        if present == breakdownCount, let total = counts[.outcomesTotal], sum != total {
            add(.outcomesTotalMismatch, ReturnColumn.outcomesTotal.rawValue, total, sum,
                .totalMismatch(total: total, sum: sum))
        }

        let tolerance = pipeline.countMismatchTolerance
        func countMismatch(_ columns: [ReturnColumn], _ rule: FlagRule, _ metric: String) {
            var known = false, sum = 0.0
            for column in columns {
                guard let count = counts[column] else { continue }
                known = true
                sum += count
            }
            guard known else { return }
            if people == 0 {
                if sum > 0 { add(rule, metric, nil, tolerance, .countSumWithoutPeople(sum: sum)) }
                return
            }
            let off = abs(sum - Double(people)) / Double(people)
            if off >= tolerance { add(rule, metric, off, tolerance, .countSum(sum: sum, people: people)) }
        }
        countMismatch(Self.clientColumns, .clientCountMismatch, "clients_total")
        countMismatch(Self.supportColumns, .supportCountMismatch, "support_total")

        reportedMismatch(service.reportedCostPerPerson, derived.costPerPerson, .reportedCostPerPersonMismatch,
                         .costPerPerson, tolerance: pipeline.reportedRatioTolerance, add: add)
        reportedMismatch(service.reportedCostPerOutcome, derived.costPerOutcome, .reportedCostPerOutcomeMismatch,
                         .costPerOutcome, tolerance: pipeline.reportedRatioTolerance, add: add)

        if case .unrecognised(let label) = service.evidenceBase {
            add(.unrecognisedEvidenceLabel, ReturnColumn.evidenceBased.rawValue, nil, nil, .evidenceLabel(label))
        }
        if let first = service.proportionsGiven.first {
            add(.proportionGiven, first.rawValue, Double(service.proportionsGiven.count), nil,
                .proportions(service.proportionsGiven))
        }
    }

    /// A reported cost off the derived one by the tolerance or more, compared only when
    /// both are present.
    private static func reportedMismatch(
        _ reported: Double?, _ derived: Double?, _ rule: FlagRule, _ metric: Metric, tolerance: Double,
        add: (FlagRule, String?, Double?, Double?, FlagDetail) -> Void
    ) {
        guard let reported, let derived else { return }
        guard derived > 0 else {
            if reported > 0 { add(rule, metric.rawValue, nil, tolerance, .reportedVersusZero(reported: reported)) }
            return
        }
        let off = abs(reported - derived) / derived
        if off >= tolerance { add(rule, metric.rawValue, off, tolerance, .reported(reported: reported, derived: derived)) }
    }
}
