internal import Crypto
import Foundation

/// SHA-256 (FIPS 180-4) of file contents, for the manifest's provenance hashes and the
/// skip-when-unchanged check: apple/swift-crypto (BoringSSL on Linux), fed incrementally
/// so that no file has to be held whole to be hashed.
public struct ContentHash: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Lower-case hex digest of `bytes`.
    public static func hex(of bytes: [UInt8]) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finalizeHex()
    }

    /// The digest of `bytes` in base64 (RFC 4648 §4), as a Content-Security-Policy hash
    /// source names it (`'sha256-…'`, CSP Level 2 §4.2.4).
    public static func base64(of bytes: [UInt8]) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return Data(hash.hasher.finalize()).base64EncodedString()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The digest as 64 lower-case hex digits; the hash can no longer be updated.
    public func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
