import PipelineDefinition
import Returns
import Tabular

/// The flag rules that look at one service alone (SPEC §5), in the order their flags are
/// recorded. Duplicates and outliers need the whole data set: `DuplicateScreen`,
/// `OutlierScreen`.
enum RowFlagRules {
    static func flags(_ service: ServiceReturn, _ derived: DerivedMeasures, pipeline: PipelineDefinition) -> [ServiceFlag] {
        var flags: [ServiceFlag] = []
        func add(_ rule: FlagRule, _ metric: String?, _ value: Double?, _ threshold: Double?, _ message: String) {
            flags.append(ServiceFlag(rule: rule, metric: metric, value: value, threshold: threshold,
                                     severity: rule.severity, message: message))
        }
        let people = service.peopleSupported
        let counts = service.counts

        if people == 0 {
            add(.peopleSupportedZero, Metric.peopleSupported.rawValue, 0, nil,
                "people supported is 0: outcome rate, cost per person and client shares are missing")
        }
        if derived.jobOutcomes == 0 {
            add(.zeroOutcomes, Metric.jobOutcomes.rawValue, 0, nil,
                "no job outcomes: cost per job outcome is missing")
        }
        if derived.outcomeRate == 1 {
            add(.fullOutcomeRate, Metric.outcomeRate.rawValue, 1, 1,
                "every person supported (\(people)) gained or kept a job: outcome rate 100%")
        }

        let breakdown = ReturnColumn.outcomeBreakdown.map { ($0, counts[$0]) }
        let present = breakdown.filter { $0.1 != nil }
        if !present.isEmpty, present.count < breakdown.count {
            let missing = breakdown.filter { $0.1 == nil }.map { "`\($0.0.rawValue)`" }.joined(separator: ", ")
            let source = counts[.outcomesTotal].map { "job outcomes taken from outcomes_total (\(NumberFormatting.csv($0)))" }
                ?? "job outcomes missing"
            add(.partialOutcomeBreakdown, Metric.jobOutcomes.rawValue, Double(present.count), 3,
                "outcome breakdown incomplete (\(missing) missing): \(source), no gained/retained shares")
        }
        if present.count == breakdown.count, let total = counts[.outcomesTotal] {
            let sum = present.reduce(0) { $0 + ($1.1 ?? 0) }
            if sum != total {
                add(.outcomesTotalMismatch, ReturnColumn.outcomesTotal.rawValue, Double(total), Double(sum),
                    "outcomes_total (\(NumberFormatting.csv(total))) differs from gained + retained + self-employed (\(NumberFormatting.csv(sum))); the breakdown is used")
            }
        }

        let tolerance = pipeline.countMismatchTolerance
        let clientColumns: [ReturnColumn] = [.clientsLD, .clientsMH, .clientsPhysicalSensory, .clientsAutism,
                                             .clientsHomeless, .clientsDrugAlcohol, .clientsOther]
        let supportColumns: [ReturnColumn] = [.supportLT7, .support7to40, .support40plus]
        for (columns, rule, metric, noun) in [
            (clientColumns, FlagRule.clientCountMismatch, "clients_total", "client groups"),
            (supportColumns, FlagRule.supportCountMismatch, "support_total", "support levels"),
        ] {
            let known = columns.compactMap { counts[$0] }
            guard !known.isEmpty else { continue }
            let sum = known.reduce(0, +)
            if people == 0 {
                if sum > 0 {
                    add(rule, metric, nil, tolerance, "\(noun) add up to \(NumberFormatting.csv(sum)) but people supported is 0")
                }
                continue
            }
            let off = abs(sum - Double(people)) / Double(people)
            if off >= tolerance {
                add(rule, metric, off, tolerance,
                    "\(noun) add up to \(NumberFormatting.csv(sum)) but people supported is \(people) (off by \(MessageNumber.percent(off)))")
            }
        }

        for (reported, derivedValue, rule, metric, noun) in [
            (service.reportedCostPerPerson, derived.costPerPerson, FlagRule.reportedCostPerPersonMismatch,
             Metric.costPerPerson, "cost per person"),
            (service.reportedCostPerOutcome, derived.costPerOutcome, FlagRule.reportedCostPerOutcomeMismatch,
             Metric.costPerOutcome, "cost per job outcome"),
        ] {
            guard let reported, let derivedValue else { continue }
            guard derivedValue > 0 else {
                if reported > 0 {
                    add(rule, metric.rawValue, nil, pipeline.reportedRatioTolerance,
                        "reported \(noun) \(MessageNumber.pounds(reported)) but the derived one is £0 (total cost 0)")
                }
                continue
            }
            let off = abs(reported - derivedValue) / derivedValue
            if off >= pipeline.reportedRatioTolerance {
                add(rule, metric.rawValue, off, pipeline.reportedRatioTolerance,
                    "reported \(noun) \(MessageNumber.pounds(reported)) differs from the derived \(MessageNumber.pounds(derivedValue)) (off by \(MessageNumber.percent(off)))")
            }
        }

        if case .unrecognised(let label) = service.evidenceBase {
            add(.unrecognisedEvidenceLabel, ReturnColumn.evidenceBased.rawValue, nil, nil,
                "evidence_based label \"\(label)\" is not ips-fidelity, observed-good-practice or no: counted as not evidence-based")
        }
        if let first = service.proportionsGiven.first {
            let names = service.proportionsGiven.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            add(.proportionGiven, first.rawValue, Double(service.proportionsGiven.count), nil,
                "\(names) given as percentages and counted as that share of their base (people supported, or outcomes_total for outcome types); the counts may be fractional")
        }
        return flags
    }
}
