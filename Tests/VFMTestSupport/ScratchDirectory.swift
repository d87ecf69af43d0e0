import Foundation

/// A fresh temporary directory for one test, removed by `remove()`.
public struct ScratchDirectory: Sendable {
    public let url: URL

    public init(_ label: String = "vfm-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func appending(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
