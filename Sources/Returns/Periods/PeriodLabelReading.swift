/// Reading the `period` cell as people type it (SPEC §11 "Period labels").
///
/// UK financial years come as `2012/13`, `2012-13`, `2012–13` (an en dash, as word
/// processors turn a hyphen), `2012/2013`, `2012-2013` or `FY2012/13`; all are the
/// canonical `2012/13`. Four digits alone are a calendar year. The second year must be the
/// one after the first: `2012/14` spans two years and is not a financial year.
public enum PeriodLabelReading {
    /// The period `text` names (surrounding white space ignored), or `nil` when it is not
    /// one of the forms above.
    public static func period(of text: String) -> ReportingPeriod? {
        var scalars = Substring(PeriodLabels.trimmed(text)).unicodeScalars[...]
        if scalars.count >= 2, scalars.prefix(2).map({ $0.value | 0x20 }) == [0x66, 0x79] {  // "fy", any case
            scalars = scalars.dropFirst(2)
            if scalars.first == " " { scalars = scalars.dropFirst() }
            guard let (start, rest) = digits(scalars, count: 4), !rest.isEmpty else { return nil }
            return financialYear(start: start, rest: rest)
        }
        guard let (start, rest) = digits(scalars, count: 4) else { return nil }
        if rest.isEmpty { return .calendarYear(start) }
        return financialYear(start: start, rest: rest)
    }

    /// `/13`, `-13`, `–13`, `/2013` or `-2013` after the start year, naming the next year.
    private static func financialYear(start: Int, rest: Substring.UnicodeScalarView.SubSequence) -> ReportingPeriod? {
        guard let separator = rest.first, separators.contains(separator.value) else { return nil }
        let end = rest.dropFirst()
        if let (short, tail) = digits(end, count: 2), tail.isEmpty, short == (start + 1) % 100 {
            return .financialYear(startYear: start)
        }
        if let (long, tail) = digits(end, count: 4), tail.isEmpty, long == start + 1 {
            return .financialYear(startYear: start)
        }
        return nil
    }

    /// `/`, `-` and the en dash `–` (U+2013).
    private static let separators: Set<UInt32> = [0x2F, 0x2D, 0x2013]

    /// Exactly `count` ASCII digits at the start of `scalars` (not followed by another
    /// digit), as a number, and what follows them.
    private static func digits(_ scalars: Substring.UnicodeScalarView.SubSequence, count: Int)
        -> (Int, Substring.UnicodeScalarView.SubSequence)? {
        var value = 0, taken = 0, rest = scalars
        while taken < count, let scalar = rest.first, (0x30...0x39).contains(scalar.value) {
            value = value * 10 + Int(scalar.value - 0x30)
            taken += 1
            rest = rest.dropFirst()
        }
        guard taken == count else { return nil }
        if let next = rest.first, (0x30...0x39).contains(next.value) { return nil }
        return (value, rest)
    }
}
