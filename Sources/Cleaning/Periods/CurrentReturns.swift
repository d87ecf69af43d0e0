import Returns

/// Which rows are the current returns (SPEC §11 "Current returns"): every §6 and §6.1
/// figure describes one return per service — its row of the latest period in which it has
/// one, because a collection round holds each service's latest return and services'
/// latest years differ — or, when a period is chosen (`--period`, `[periods] current`),
/// the rows of that period.
///
/// A row whose period has no place in time (missing, or a label that is not a year) is
/// its service's current return only when the service has no dated row; otherwise it is
/// flagged `period-missing` and enters nothing.
enum CurrentReturns {
    /// Sets `isCurrent` on every service and flags `period-missing` rows. `chosen` is the
    /// label of the chosen period as given (read as any label form), or `nil` for each
    /// service's latest.
    static func mark(_ services: inout [CleanedService], chosen: String?) {
        let periods = ReportingPeriod.canonicalPeriods(of: services)
        let chosenLabel = chosen.map(canonicalLabel)
        // One period and no undated row (a single year's returns, the usual run): every
        // row is its service's latest, so no keys need matching.
        if chosenLabel == nil, let first = periods.first ?? nil, periods.allSatisfy({ $0 == first }) {
            for index in services.indices { services[index].isCurrent = true }
            return
        }
        let keys = services.map { ServiceKey($0.input) }
        var latest: [ServiceKey: ReportingPeriod] = [:]
        for (key, period) in zip(keys, periods) {
            guard let period else { continue }
            if let seen = latest[key], seen >= period { continue }
            latest[key] = period
        }
        for index in services.indices {
            let dated = latest[keys[index]] != nil
            guard let period = periods[index] else {
                if dated {
                    services[index].isCurrent = false
                    services[index].flags.append(periodMissingFlag(services[index].input.period))
                } else {
                    services[index].isCurrent = chosenLabel == nil || chosenLabel == services[index].input.period
                }
                continue
            }
            if let chosenLabel {
                services[index].isCurrent = period.label == chosenLabel
            } else {
                services[index].isCurrent = latest[keys[index]] == period
            }
        }
    }

    /// The label as outputs write it: canonical when it names a year, else trimmed.
    static func canonicalLabel(_ label: String) -> String {
        PeriodLabelReading.period(of: label)?.label ?? PeriodLabels.trimmed(label)
    }

    static func periodMissingFlag(_ label: String?) -> ServiceFlag {
        let what = label.map { "its period \"\($0)\" is not a year" } ?? "it has no period"
        return ServiceFlag(rule: .periodMissing, metric: "period", value: nil, threshold: nil,
                           detail: .text("\(what), and the service has returns of dated periods: this row enters "
                                         + "no figure — give it the financial year it reports on"))
    }
}
