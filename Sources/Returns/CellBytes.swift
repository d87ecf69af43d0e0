/// The common numeric cells read straight from their UTF-8 bytes, with no `String`: this
/// runs for every numeric cell of every row, so it is the fast path in front of
/// `CellValues` (SPEC §4). It accepts only the plain forms — an optional `-`, an optional
/// `£`, digits (grouped by three with commas, or not) and an optional fraction — and says
/// `nil` for anything else, which then goes to `CellValues` and gets its full grammar and
/// its messages (spaces after the sign, `+`, U+2212, and whatever `CellValues` learns
/// later, such as percentages). Where it gives a value it is the value `CellValues`
/// gives, to the bit (tested on random cells).
enum CellBytes {
    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), comma = UInt8(ascii: ","),
                       point = UInt8(ascii: "."), minus = UInt8(ascii: "-")

    /// The digits of a plain number: the significand of every digit (before and after the
    /// point, while it stays below 2⁵³ so that it is exact), the fraction's length, and the
    /// integer part's value (saturating).
    private struct Digits {
        var negative = false
        var significand: UInt64 = 0
        var significandExact = true
        var fractionDigits = 0
        var fractionIsZero = true
        var integerValue: UInt64 = 0
        var integerSignificantDigits = 0
    }

    /// `cell` is trimmed and not missing; `nil` when it is not a plain number.
    private static func digits(_ cell: UnsafeBufferPointer<UInt8>, allowPound: Bool) -> Digits? {
        var result = Digits()
        var index = 0
        let count = cell.count
        if index < count, cell[index] == minus { result.negative = true; index += 1 }
        if allowPound, index + 1 < count, cell[index] == 0xC2, cell[index + 1] == 0xA3 { index += 2 }
        // Integer part: plain digits, or a first group of 1–3 then groups of exactly 3.
        var groupLength = 0, groups = 0, integerDigits = 0, sawComma = false
        while index < count {
            let byte = cell[index]
            if byte >= zero && byte <= nine {
                add(byte, to: &result)
                let digit = UInt64(byte - zero)
                if result.integerSignificantDigits > 0 || digit != 0 { result.integerSignificantDigits += 1 }
                if result.integerSignificantDigits <= 19 { result.integerValue = result.integerValue &* 10 &+ digit }
                groupLength += 1
                integerDigits += 1
            } else if byte == comma {
                guard groups == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                sawComma = true
                groups += 1
                groupLength = 0
            } else {
                break
            }
            index += 1
        }
        if sawComma, groupLength != 3 { return nil }
        if index < count {
            guard cell[index] == point else { return nil }
            index += 1
            while index < count {
                let byte = cell[index]
                guard byte >= zero && byte <= nine else { return nil }
                add(byte, to: &result)
                result.fractionDigits += 1
                if byte != zero { result.fractionIsZero = false }
                index += 1
            }
        }
        if integerDigits == 0 && result.fractionDigits == 0 { return nil }
        return result
    }

    @inline(__always)
    private static func add(_ byte: UInt8, to digits: inout Digits) {
        let (times10, overflowA) = digits.significand.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) = times10.addingReportingOverflow(UInt64(byte - zero))
        if overflowA || overflowB || sum >= 1 << 53 { digits.significandExact = false } else { digits.significand = sum }
    }

    /// Powers of ten exact in binary64.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A money cell's value, or `nil` to let `CellValues.money` decide. With the digits an
    /// exact integer below 2⁵³ and at most 22 decimals, significand ÷ 10^decimals is one
    /// correctly rounded division of two exact numbers — the nearest double to the
    /// decimal, which is what `Double("…")` (strtod) returns (Clinger 1990, the "fast path").
    ///
    /// [Clinger 1990]: https://doi.org/10.1145/93548.93557
    static func money(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let digits = digits(cell, allowPound: true), digits.significandExact,
              digits.fractionDigits < exactPowersOfTen.count else { return nil }
        let magnitude = Double(digits.significand) / exactPowersOfTen[digits.fractionDigits]
        guard magnitude <= CellValues.moneyLimit else { return nil }
        return digits.negative ? (-magnitude + 0) : magnitude  // + 0: never -0
    }

    /// A count cell's value, or `nil` to let `CellValues.count` decide (which also explains
    /// `12.5` and values out of range).
    static func count(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let digits = digits(cell, allowPound: false), digits.fractionIsZero,
              digits.integerSignificantDigits <= 13, digits.integerValue <= UInt64(CellValues.countLimit) else {
            return nil
        }
        let magnitude = Int(digits.integerValue)
        return digits.negative ? -magnitude : magnitude
    }
}
