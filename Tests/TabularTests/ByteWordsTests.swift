import PropertyBased
import Tabular
import Testing

/// The word-at-a-time scans must answer exactly as the byte-by-byte loops they replace,
/// at every length and alignment (the last word of a cell overlaps the one before it).
@Suite("byte scans eight bytes at a time")
struct ByteWordsTests {
    /// Bytes near every boundary the bit tricks test: the number bytes and their
    /// neighbours, the separator, letters, and bytes with the high bit set.
    static let palette: [UInt8] = Array("0123456789+-.eE,/*:dDfF \"".utf8) + [0x00, 0x2A, 0x2F, 0x3A, 0x44, 0x46,
                                                                             0x64, 0x66, 0x80, 0xAC, 0xC5, 0xE5, 0xFF]
    static let byte = Gen.int(in: 0..<palette.count).map { palette[$0] }

    @Test("allNumberBytes is the byte-by-byte check, at every length and offset")
    func numberBytes() async {
        await propertyCheck(count: 3000, input: Self.byte.array(of: 0...40), Gen.int(in: 0...7)) { bytes, offset in
            let padded = Array(repeating: UInt8(ascii: "x"), count: offset) + bytes
            padded.withUnsafeBufferPointer { buffer in
                let cell = UnsafeBufferPointer(rebasing: buffer[offset...])
                #expect(ByteWords.allNumberBytes(cell) == cell.allSatisfy(ByteWords.isNumberByte))
            }
        }
    }

    @Test("every single byte value, in a number, is accepted exactly when it is a number byte")
    func everyByteValue() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || Array("+-.eE".utf8).contains(byte)
            #expect(ByteWords.isNumberByte(byte) == expected)
            for position in 0..<17 {
                var cell = Array("12345678901234567".utf8)
                cell[position] = byte
                #expect(cell.withUnsafeBufferPointer(ByteWords.allNumberBytes) == expected, "byte \(value) at \(position)")
            }
        }
    }

    @Test("firstIndex(of:) is the first such byte in the range, or its end")
    func firstIndex() async {
        await propertyCheck(count: 3000, input: Self.byte.array(of: 0...60), Gen.int(in: 0...60), Gen.int(in: 0...60)) {
            bytes, a, b in
            let start = min(a, b, bytes.count), end = min(max(a, b), bytes.count)
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for target in [UInt8(ascii: ","), 0x80, 0x00, UInt8(ascii: "e")] {
                    let expected = bytes[start..<end].firstIndex(of: target) ?? end
                    #expect(ByteWords.firstIndex(of: target, in: base, from: start, to: end) == expected)
                }
            }
        }
    }
}
