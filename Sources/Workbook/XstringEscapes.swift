/// OOXML `ST_Xstring` escapes: `_xHHHH_` stands for the UTF-16 code unit HHHH (Excel writes
/// a carriage return as `_x000D_`), and `_x005F_` escapes a literal underscore
/// (ECMA-376 Part 1, §22.9.2.19).
enum XstringEscapes {
    /// Whether `bytes` hold `_x`, so may hold an escape (most text does not, and is kept as it is).
    static func mayContain(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x5F, bytes[index + 1] == 0x78 { return true }
            index += 1
        }
        return false
    }

    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var units: [UInt16] = []
        let source = Array(text.utf16)
        var index = 0
        while index < source.count {
            if source[index] == 0x5F, index + 6 < source.count, source[index + 1] == 0x78, source[index + 6] == 0x5F,
               let value = hex(source[(index + 2) ..< (index + 6)]) {
                units.append(value)
                index += 7
            } else {
                units.append(source[index])
                index += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func hex(_ digits: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in digits {
            let nibble: UInt16
            switch unit {
            case 0x30...0x39: nibble = unit - 0x30
            case 0x41...0x46: nibble = unit - 0x41 + 10
            case 0x61...0x66: nibble = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }
}
