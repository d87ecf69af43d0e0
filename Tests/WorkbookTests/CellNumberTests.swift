import Foundation
import PropertyBased
import Testing
@testable import Workbook

/// A number cell read from its bytes (issue 30) is the double the reader always gave:
/// `Double(String)` of the value with spaces and tabs trimmed — Swift's own parser, the
/// oracle here — to the bit, or it is left to `Double(String)`.
@Suite("number cells from bytes agree with Double(String) to the bit")
struct CellNumberTests {
    static func parse(_ text: String) -> CellNumber.Parsed {
        Array(text.utf8).withUnsafeBufferPointer(CellNumber.parse)
    }

    /// What the reader did before: trim `CharacterSet.whitespaces`, then `Double(String)`.
    static func oracle(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces))
    }

    static func check(_ text: String) {
        switch parse(text) {
        case .number(let value):
            let expected = oracle(text)
            #expect(expected?.bitPattern == value.bitPattern, "\(text.debugDescription): \(value) vs \(String(describing: expected))")
        case .blank:
            #expect(text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        case .undecided:
            break
        }
    }

    static let palette: [String] = ["0", "1", "2", "5", "7", "9", "0", ".", "-", "+", "e", "E", " ", "\t", "x", "\u{00A0}", "n"]
    static let anyText = Gen.int(in: 0 ..< palette.count).array(of: 0...30).map { picks in picks.map { palette[$0] }.joined() }

    @Test("random strings of digits, signs, points, exponents and spaces")
    func randomText() async {
        await propertyCheck(count: 5000, input: Self.anyText) { text in Self.check(text) }
    }

    /// A plain decimal as writers store them: up to 25 digits, a point anywhere, an exponent
    /// up to ±330 (past the range of doubles both ways).
    static func decimal(_ digits: [Int], point: Int, exponent: Int, form: Int) -> String {
        var text = digits.map(String.init).joined()
        if point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
        switch form {
        case 0: return text
        case 1: return "-" + text
        case 2: return text + "E" + String(exponent)
        default: return " " + text + "e+" + String(abs(exponent) % 40) + "\t"
        }
    }

    @Test("plain decimals are decided from bytes, and agree")
    func decimals() async {
        await propertyCheck(count: 5000, input: Gen.int(in: 0...9).array(of: 1...25), Gen.int(in: 0...26), Gen.int(in: -330...330),
                            Gen.int(in: 0...3)) { digits, point, exponent, form in
            let text = Self.decimal(digits, point: point, exponent: exponent, form: form)
            Self.check(text)
            if form != 2 || abs(exponent) < 250 {
                #expect(Self.parse(text) != .undecided, "\(text.debugDescription)")
            }
        }
    }

    @Test("edges", arguments: [
        ("9007199254740993", 9_007_199_254_740_993.0), ("0.1", 0.1), ("1e22", 1e22), ("1e23", 1e23), ("4.9e-324", 4.9e-324),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("-0.0", -0.0), ("+5.", 5), (".5", 0.5),
        ("123456789012345678901234567890", 123_456_789_012_345_678_901_234_567_890.0),
    ])
    func edges(text: String, value: Double) {
        Self.check(text)
        if case .number(let got) = Self.parse(text) { #expect(got.bitPattern == value.bitPattern) }
    }

    @Test("not plain numbers are left undecided", arguments: ["0x10", "inf", "nan", "1e", "e5", ".", "-", "1.2.3", "1 2", "\u{00A0}5", "1,5"])
    func undecided(text: String) {
        #expect(Self.parse(text) == .undecided)
    }
}
