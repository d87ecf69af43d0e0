import Foundation

/// Every regular file under a directory with its bytes, by relative path: two runs are
/// "the same bytes" when their snapshots are equal.
public struct DirectorySnapshot: Equatable, Sendable {
    public var files: [String: Data]

    public init(of directory: URL) {
        var files: [String: Data] = [:]
        let root = directory.resolvingSymlinksInPath().path
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                let path = (root as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[relative] = FileManager.default.contents(atPath: path) ?? Data()
                }
            }
        }
        self.files = files
    }

    public var paths: [String] { files.keys.sorted() }
}
