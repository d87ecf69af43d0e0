import Testing
@testable import VFMCore

/// Expected digests: FIPS 180-4 example vectors ("abc", the 448-bit message, one million
/// "a"), and Python 3.11 `hashlib.sha256` for the padding-boundary and multi-block cases.
struct ContentHashTests {
    @Test("digests match FIPS 180-4 and hashlib", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "x", count: 55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (String(repeating: "x", count: 56), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (String(repeating: "x", count: 64), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
    ])
    func knownDigests(message: String, expected: String) {
        #expect(ContentHash.hex(of: Array(message.utf8)) == expected)
    }

    @Test("one million 'a' (FIPS 180-4) hashed in uneven chunks")
    func millionA() {
        var hasher = ContentHash()
        var remaining = 1_000_000
        var chunk = 1
        while remaining > 0 {
            let size = min(chunk, remaining)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: size))
            remaining -= size
            chunk = chunk % 97 + 13
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("binary input with every byte value (hashlib)")
    func everyByte() {
        let bytes = (0..<768).map { UInt8($0 % 256) }
        #expect(ContentHash.hex(of: bytes) == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    }
}
