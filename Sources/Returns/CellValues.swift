/// Reading money and count cells as returns write them (SPEC §4): `£263,132`, `263132`,
/// `1,730.50`, `£ 1,234`, `-£50`; counts as whole numbers, where `12.0` is 12 but `12.5`
/// is not a count. Thousands separators must group by three (`1,234,567`): `12,5` could
/// be a continental decimal comma and is refused rather than guessed. No exponents, no
/// `inf`/`nan`, no accounting brackets. Values are bounded so that sums over a whole
/// dataset cannot overflow downstream.
package enum CellValues {
    /// £1,000,000,000,000,000: far above any service budget, and exact in binary64.
    static let moneyLimit = 1e15
    /// 1,000,000,000,000 people: far above any count, and a million of them still sum in an Int.
    static let countLimit = 1_000_000_000_000

    package enum MoneyResult: Equatable {
        case value(Double)
        case unparsable
        case tooLarge
    }

    package enum CountResult: Equatable {
        case value(Int)
        case unparsable
        case notWhole
        case tooLarge
    }

    /// `cell` is trimmed and not missing.
    package static func money(_ cell: Substring) -> MoneyResult {
        guard let number = DecimalText(cell, allowPound: true) else { return .unparsable }
        let text = (number.negative ? "-" : "") + String(decoding: number.integerDigits, as: UTF8.self) + "."
            + (number.fractionDigits.isEmpty ? "0" : String(decoding: number.fractionDigits, as: UTF8.self))
        guard let value = Double(text) else { return .unparsable }
        guard value.isFinite else { return .tooLarge }  // hundreds of digits overflow binary64
        guard abs(value) <= moneyLimit else { return .tooLarge }
        return .value(value + 0)  // + 0 turns -0 into 0
    }

    /// A workbook's stored number as money: the binary64 as it is, within the same bound.
    package static func money(value: Double) -> MoneyResult {
        guard value.isFinite, abs(value) <= moneyLimit else { return .tooLarge }
        return .value(value + 0)
    }

    /// A workbook's stored number as a count: whole (`12.0` is 12), within the same bound.
    package static func count(value: Double) -> CountResult {
        guard value.isFinite, abs(value) <= Double(countLimit) else { return .tooLarge }
        guard value == value.rounded(.towardZero) else { return .notWhole }
        return .value(Int(value))
    }

    /// `cell` is trimmed and not missing.
    package static func count(_ cell: Substring) -> CountResult {
        guard let number = DecimalText(cell, allowPound: false) else { return .unparsable }
        guard number.fractionDigits.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return .notWhole }
        let digits = number.integerDigits.drop { $0 == UInt8(ascii: "0") }
        guard digits.count <= 13 else { return .tooLarge }
        let magnitude = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }  // ≤ 13 digits: no overflow
        guard magnitude <= countLimit else { return .tooLarge }
        return .value(number.negative ? -magnitude : magnitude)
    }
}

/// The pieces of a decimal number written the way spreadsheets export it, read from the
/// cell's UTF-8 bytes (this runs for every numeric cell of every row).
struct DecimalText {
    var negative: Bool
    /// Digits before the point, separators removed (may be empty for `.5`).
    var integerDigits: [UInt8]
    var fractionDigits: [UInt8]

    private static let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")

    init?(_ cell: Substring, allowPound: Bool) {
        let bytes = Array(cell.utf8)
        var index = 0
        var negative = false, sawSign = false, sawPound = false
        // Sign (- + or U+2212 minus) and pound sign (C2 A3), in either order, each
        // optionally followed by spaces, tabs or no-break spaces (C2 A0).
        func skipSpaces() {
            while index < bytes.count {
                if bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1; continue }
                if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { index += 2; continue }
                break
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if !sawSign, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                sawSign = true
                negative = byte == UInt8(ascii: "-")
                index += 1
            } else if !sawSign, index + 2 < bytes.count, byte == 0xE2, bytes[index + 1] == 0x88, bytes[index + 2] == 0x92 {
                sawSign = true
                negative = true
                index += 3
            } else if allowPound, !sawPound, index + 1 < bytes.count, byte == 0xC2, bytes[index + 1] == 0xA3 {
                sawPound = true
                index += 2
            } else {
                break
            }
            skipSpaces()
        }
        let rest = bytes[index...]
        let pointIndex = rest.firstIndex(of: Self.point)
        let integerPart = pointIndex.map { rest[..<$0] } ?? rest
        let fractionPart = pointIndex.map { rest[($0 + 1)...] } ?? []
        guard fractionPart.allSatisfy(Self.isDigit), let digits = Self.integerDigits(integerPart) else { return nil }
        if digits.isEmpty && fractionPart.isEmpty { return nil }
        self.negative = negative
        self.integerDigits = digits
        self.fractionDigits = Array(fractionPart)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Plain digits, or groups of three separated by commas after a first group of 1–3.
    private static func integerDigits(_ part: ArraySlice<UInt8>) -> [UInt8]? {
        if part.allSatisfy(isDigit) { return Array(part) }
        var digits: [UInt8] = []
        var groupLength = 0
        var groupCount = 0
        for byte in part {
            if byte == comma {
                guard groupCount == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                groupCount += 1
                groupLength = 0
            } else if isDigit(byte) {
                digits.append(byte)
                groupLength += 1
            } else {
                return nil
            }
        }
        guard groupLength == 3 else { return nil }
        return digits
    }
}
