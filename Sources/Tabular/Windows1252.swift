/// Windows-1252, the encoding Excel on Windows uses for "CSV (Comma delimited)" in the
/// UK: `£` is the single byte 0xA3 there, where UTF-8 needs two. Bytes 0x00–0x7F are
/// ASCII, 0xA0–0xFF are Latin-1 (U+00A0–U+00FF); 0x80–0x9F are the table below.
/// Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no character at all: a file holding
/// them is neither UTF-8 nor Windows-1252.
/// Source: the Unicode mapping table CP1252.TXT (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS).
enum Windows1252 {
    /// Scalars for 0x80–0x9F; 0 marks an undefined byte.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,       // 88–8F
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,  // 98–9F
    ]

    /// The Unicode scalar for `byte`, or `nil` when Windows-1252 leaves it undefined.
    static func scalar(for byte: UInt8) -> UInt32? {
        guard byte >= 0x80, byte <= 0x9F else { return UInt32(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : value
    }

    /// Appends the UTF-8 encoding of `scalar` (at most U+FFFF here) to `output`.
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
