import VFMCore
import Returns

/// Which services of a previous run join this one (SPEC §11 "A previous run"): those of
/// periods before every period of this run's rows — never as current returns, so a
/// service that sent nothing this year is not re-counted from last year. Rows of other
/// periods (this run's own periods or later, or undated) are left out, with a warning.
public enum EarlierReturns {
    public static func before(_ services: [CleanedService], previous: [CleanedService],
                              warnings: inout [String]) -> [CleanedService] {
        let first = services.compactMap { $0.input.period.flatMap(ReportingPeriod.init(canonical:)) }.min()
        var kept: [CleanedService] = [], leftOut: [String: Int] = [:]
        for service in previous {
            if let period = service.input.period.flatMap(ReportingPeriod.init(canonical:)), first.map({ period < $0 }) ?? true {
                var earlier = service
                earlier.isCurrent = false
                kept.append(earlier)
            } else {
                leftOut[service.input.period ?? "no period", default: 0] += 1
            }
        }
        if !leftOut.isEmpty {
            let list = leftOut.keys.sorted { ByteOrder.precedes($0, $1) }
                .map { "\(leftOut[$0] ?? 0) of \($0)" }.joined(separator: ", ")
            warnings.append("--previous: rows of the previous run that are not of a period before this run's "
                + (first.map { "first, \($0.label)" } ?? "") + " are left out (\(list)); only earlier periods join as earlier returns")
        }
        return kept
    }
}
