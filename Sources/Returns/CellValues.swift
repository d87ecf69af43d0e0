/// Reading money and count cells as returns write them (SPEC §4): `£263,132`, `263132`,
/// `1,730.50`, `£ 1,234`, `-£50`; counts as whole numbers, where `12.0` is 12 but `12.5`
/// is not a count. Thousands separators must group by three (`1,234,567`): `12,5` could
/// be a continental decimal comma and is refused rather than guessed. No exponents, no
/// `inf`/`nan`, no accounting brackets. Values are bounded so that sums over a whole
/// dataset cannot overflow downstream.
enum CellValues {
    /// £1,000,000,000,000,000: far above any service budget, and exact in binary64.
    static let moneyLimit = 1e15
    /// 1,000,000,000,000 people: far above any count, and a million of them still sum in an Int.
    static let countLimit = 1_000_000_000_000

    enum MoneyResult: Equatable {
        case value(Double)
        case unparsable
        case tooLarge
    }

    enum CountResult: Equatable {
        case value(Int)
        case unparsable
        case notWhole
        case tooLarge
    }

    /// `cell` is trimmed and not missing.
    static func money(_ cell: Substring) -> MoneyResult {
        guard let number = DecimalText(cell, allowPound: true) else { return .unparsable }
        let text = (number.negative ? "-" : "") + number.integerDigits + "." + (number.fractionDigits.isEmpty ? "0" : number.fractionDigits)
        guard let value = Double(text) else { return .unparsable }
        guard value.isFinite else { return .tooLarge }  // hundreds of digits overflow binary64
        guard abs(value) <= moneyLimit else { return .tooLarge }
        return .value(value + 0)  // + 0 turns -0 into 0
    }

    /// `cell` is trimmed and not missing.
    static func count(_ cell: Substring) -> CountResult {
        guard let number = DecimalText(cell, allowPound: false) else { return .unparsable }
        guard number.fractionDigits.allSatisfy({ $0 == "0" }) else { return .notWhole }
        let digits = number.integerDigits.drop { $0 == "0" }
        guard digits.count <= 13, let magnitude = Int(digits.isEmpty ? "0" : String(digits)) else { return .tooLarge }
        guard magnitude <= countLimit else { return .tooLarge }
        return .value(number.negative ? -magnitude : magnitude)
    }
}

/// The pieces of a decimal number written the way spreadsheets export it.
struct DecimalText {
    var negative: Bool
    /// Digits before the point, separators removed (may be empty for `.5`).
    var integerDigits: String
    var fractionDigits: String

    init?(_ cell: Substring, allowPound: Bool) {
        var rest = cell.unicodeScalars[...]
        var negative = false
        var sawSign = false
        var sawPound = false
        // Sign and pound sign, in either order, each optionally followed by spaces.
        while let first = rest.first {
            if (first == "-" || first == "+" || first == "−"), !sawSign {
                sawSign = true
                negative = first != "+"
            } else if first == "£", allowPound, !sawPound {
                sawPound = true
            } else {
                break
            }
            rest = rest.dropFirst()
            while let space = rest.first, space.properties.isWhitespace { rest = rest.dropFirst() }
        }
        var integerPart = rest
        var fractionPart = Substring.UnicodeScalarView()[...]
        if let point = rest.firstIndex(of: ".") {
            integerPart = rest[..<point]
            fractionPart = rest[rest.index(after: point)...]
        }
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else { return nil }
        guard fractionPart.allSatisfy(Self.isDigit) else { return nil }
        guard let digits = Self.integerDigits(integerPart) else { return nil }
        if digits.isEmpty && fractionPart.isEmpty { return nil }
        self.negative = negative
        self.integerDigits = digits
        self.fractionDigits = String(String.UnicodeScalarView(fractionPart))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Plain digits, or groups of three separated by commas after a first group of 1–3.
    private static func integerDigits(_ part: Substring.UnicodeScalarView) -> String? {
        if part.allSatisfy(isDigit) { return String(String.UnicodeScalarView(part)) }
        let groups = part.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return nil }
        var digits = ""
        for (index, group) in groups.enumerated() {
            guard group.allSatisfy(isDigit), index == 0 || group.count == 3 else { return nil }
            digits.unicodeScalars.append(contentsOf: group)
        }
        return digits
    }
}
