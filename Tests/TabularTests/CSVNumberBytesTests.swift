import Tabular
import Testing

/// `CSVNumberBytes` gives, for every number the run's writers write, the value
/// `Double(String)` / `Int(String)` give to the bit, and `nil` for what is not a number.
@Suite("numbers read from a cell's bytes")
struct CSVNumberBytesTests {
    static func double(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { CSVNumberBytes.double($0) }
    }

    static func integer(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { CSVNumberBytes.integer($0) }
    }

    @Test("shortest round-trip text of random doubles reads back to the same bits")
    func randomDoubles() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Money, counts, fractions, tiny and huge magnitudes (exponent forms).
            let value: Double
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: value = Double.random(in: 0..<1, using: &generator)
            case 1: value = Double.random(in: -1e7..<1e7, using: &generator)
            case 2: value = Double(Int.random(in: -1_000_000..<1_000_000, using: &generator)) / 100
            default: value = Double(bitPattern: UInt64.random(in: 0..<UInt64.max, using: &generator))
            }
            guard value.isFinite else { continue }
            let text = "\(value)"
            #expect(Self.double(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test("plain and exponent forms read as Double(String) reads them",
          arguments: ["0", "-0", "12", "-12.5", "0.1", "632.1818181818181", "5151.111111111111", "1e-05",
                      "1.5e+300", "9007199254740993", "123456789012345678901234567890", "0.30000000000000004",
                      ".5", "5.", "4.9406564584124654e-324", "1E5"])
    func knownForms(text: String) {
        #expect(Self.double(text)?.bitPattern == Double(text)?.bitPattern)
    }

    @Test("what is not a decimal number is nil",
          arguments: ["", "-", ".", "-.", " 1", "1 ", "1,000", "abc", "0x10", "inf", "nan", "1e", "1.2.3", "--1", "1-"])
    func notNumbers(text: String) {
        #expect(Self.double(text) == nil)
    }

    @Test("whole numbers read as Int(String) reads them",
          arguments: ["0", "7", "-42", "+5", "007", "9223372036854775807", "-9223372036854775808"])
    func integers(text: String) {
        #expect(Self.integer(text) == Int(text))
    }

    @Test("what is not a whole number, or does not fit, is nil",
          arguments: ["", "-", "+", "1.0", "1e3", " 1", "9223372036854775808", "-9223372036854775809", "12a"])
    func notIntegers(text: String) {
        #expect(Self.integer(text) == nil)
    }
}
