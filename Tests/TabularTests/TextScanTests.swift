import PropertyBased
import Tabular
import Testing

/// The streaming encoding scan must decide as `TextDecoding.decode` (which holds the whole
/// file) does — same encoding, same error, same line — whatever the chunking.
@Suite("text scan: the encoding decided chunk by chunk")
struct TextScanTests {
    enum Outcome: Equatable {
        case text(SourceEncoding, mixed: Bool, utf8: [UInt8])
        case failure(TextDecodingError)
    }

    static func streamed(_ bytes: [UInt8], chunk: Int) -> Outcome {
        var scan = TextScan()
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(buffer.count, start + chunk)
                scan.update(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        do {
            let result = try scan.finish()
            var utf8: [UInt8] = []
            var scratch: [UInt8] = []
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < buffer.count {
                    let end = min(buffer.count, start + chunk)
                    result.transcode(UnsafeBufferPointer(rebasing: buffer[start..<end]), at: start,
                                     scratch: &scratch) { utf8 += $0 }
                    start = end
                }
            }
            #expect(result.bytes == bytes.count)
            return .text(result.encoding, mixed: result.looksMixed, utf8: utf8)
        } catch {
            return .failure(error)
        }
    }

    static func whole(_ bytes: [UInt8]) -> Outcome {
        do {
            let decoded = try TextDecoding.decode(bytes)
            return .text(decoded.encoding, mixed: decoded.looksMixed, utf8: decoded.utf8)
        } catch {
            return .failure(error)
        }
    }

    static let palette: [UInt8] = [0x41, 0x2C, 0x0A, 0x0D, 0x00, 0xA3, 0xC2, 0xE2, 0x80, 0x99, 0xEF, 0xBB, 0xBF,
                                   0xFF, 0xFE, 0x81, 0x9D, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0]
    static let byte = Gen.int(in: 0..<palette.count).map { palette[$0] }

    @Test("random bytes in random chunks: the decision, the error line and the UTF-8 text of TextDecoding")
    func sameAsWholeFileDecoding() async {
        await propertyCheck(count: 800, input: Self.byte.array(of: 0...40), Gen.int(in: 1...7)) { bytes, chunk in
            #expect(Self.streamed(bytes, chunk: chunk) == Self.whole(bytes))
        }
    }

    @Test("a BOM split across chunks is still dropped", arguments: [1, 2, 3])
    func bomAcrossChunks(chunk: Int) {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("£1,a\r\n".utf8)
        #expect(Self.streamed(bytes, chunk: chunk) == .text(.utf8WithBOM, mixed: false, utf8: Array("£1,a\r\n".utf8)))
    }
}
