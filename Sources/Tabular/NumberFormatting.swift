/// The one locale-independent number formatter every output uses (SPEC §7): shortest
/// round-trip digits, integral values without a trailing `.0`, never `-0`, and never
/// NaN or infinity (a non-finite value is treated as missing and written as empty).
///
/// It has two renderings of one decision (`form`): `csv` gives a `String`, `append` writes
/// the same characters straight into a byte buffer (the run files' writers); integers are
/// written digit by digit, other values are Swift's shortest round-trip `description`
/// (in the byte path through `Double.write(to:)`, which writes those same characters
/// without making a `String`: checked on random bit patterns in the tests).
public enum NumberFormatting {
    /// How a value is written.
    enum Form: Equatable {
        /// An empty (missing) cell.
        case empty
        /// Decimal digits, with a `-` when negative.
        case integer(Int64)
        /// Swift's `Double.description`: the shortest digits that read back as the value.
        case shortest(Double)
    }

    static func form(_ value: Double?) -> Form {
        guard let value, value.isFinite else { return .empty }
        if value == 0 { return .integer(0) }  // also turns -0 into 0
        // Below 10^15 in magnitude, `value` is whole exactly when truncating it to an
        // integer loses nothing — the test `value == value.rounded()` asks, without the
        // call into libm's `round` for every number written.
        if abs(value) < 1e15 {
            let integer = Int64(value)
            if Double(integer) == value { return .integer(integer) }
        }
        return .shortest(value)
    }

    /// Full-precision text for a CSV cell; `nil` and non-finite values give `""`.
    public static func csv(_ value: Double?) -> String {
        switch form(value) {
        case .empty: return ""
        case .integer(let integer): return String(integer)
        case .shortest(let value): return value.description
        }
    }

    /// A count for a CSV cell; `nil` gives `""`.
    public static func csv(_ value: Int?) -> String {
        guard let value else { return "" }
        return String(value)
    }

    /// Appends the UTF-8 of `csv(value)` to `bytes`.
    public static func append(_ value: Double?, to bytes: inout [UInt8]) {
        switch form(value) {
        case .empty: return
        case .integer(let integer): appendDecimal(integer, to: &bytes)
        case .shortest(let value):
            // `write(to:)` hands the digits `description` is made of straight to the stream
            // (no `String` per number); a stream that got a `String` instead is right too.
            var stream = ByteStream(bytes: bytes)
            bytes = []  // the stream's buffer stays uniquely referenced: no copy
            value.write(to: &stream)
            bytes = stream.bytes
        }
    }

    /// Appends the UTF-8 of `csv(value)` to `bytes`.
    public static func append(_ value: Int?, to bytes: inout [UInt8]) {
        guard let value else { return }
        appendDecimal(Int64(value), to: &bytes)
    }

    @inline(__always)
    private static func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value) }

    /// `String(value)`'s characters.
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value >= 0, value < 10_000 {
            // Most counts: up to four digits appended one by one.
            let small = Int(value)
            if small >= 1000 { bytes.append(digit(small / 1000)) }
            if small >= 100 { bytes.append(digit(small / 100 % 10)) }
            if small >= 10 { bytes.append(digit(small / 10 % 10)) }
            bytes.append(digit(small % 10))
            return
        }
        // 19 digits and a sign at most, filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude  // Int64.min has a magnitude too
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}

/// The text a `TextOutputStreamable` value writes, as UTF-8 bytes appended to a buffer.
private struct ByteStream: TextOutputStream {
    var bytes: [UInt8]

    mutating func write(_ string: String) { CSVEncoding.appendUTF8(string, to: &bytes) }

    /// What the standard library's numbers write through: their ASCII digits in a buffer.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
