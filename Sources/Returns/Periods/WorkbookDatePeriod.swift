/// A date typed into a workbook's `period` cell, read as the financial year that contains
/// it (SPEC §11: 1 April–31 March).
///
/// A workbook stores a date as a number of days (ECMA-376 Part 1, §18.17.4.1, the 1900
/// date system: serial 1 is 1 January 1900, with the 1900 leap-year bug, so from 1 March
/// 1900 on a serial counts days from 30 December 1899), which ingest carries as the
/// number's text (`41090`); a `t="d"` cell holds an ISO 8601 date as text (`2012-06-30`,
/// perhaps with a time). Numbers below 10,000 (before 1927) are not taken for dates: a
/// four-digit number is a calendar year, and a smaller one is no date a return has.
enum WorkbookDatePeriod {
    /// The date in `text`, as (year, month, day), when it is a workbook date serial or an
    /// ISO 8601 date.
    static func date(in text: String) -> (year: Int, month: Int, day: Int)? {
        if let iso = isoDate(text) { return iso }
        guard let serial = Double(text), serial.isFinite, serial >= 10_000, serial < 2_958_466 else { return nil }
        // Only plain decimal digits (ingest writes a number cell that way), not `1e5` or `0x…`.
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else { return nil }
        return civilDate(daysSince1970: Int(serial.rounded(.down)) - 25_569)
    }

    /// `YYYY-MM-DD`, optionally followed by `T` and a time.
    private static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count > 10 && bytes[10] == UInt8(ascii: "T")),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms", `civil_from_days`).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
