import Foundation
import Testing
@testable import VFMCore

@Suite("hashes recorded as files are written, trusted only while the file is unchanged")
struct WrittenFileHashesTests {
    @Test("a written file's recorded hash is its SHA-256 read back; any change since makes it unknown")
    func recordedUntilChanged() throws {
        let directory = try BufferedFileWriterTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/tables/x.csv"
        let writer = try BufferedFileWriter(path: path)
        try writer.write(Array("group,n\nall,70\n".utf8))
        let digest = try writer.close()
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == digest)
        #expect(try FileSystem.sha256(of: path) == digest)

        // The same size, other bytes, written in place (a hand edit keeps the inode).
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data("group,n\nall,71\n".utf8))
        try handle.close()
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == nil)

        // Another file moved over the name: another inode, never recorded.
        try Data("other\n".utf8).write(to: URL(fileURLWithPath: directory + "/y"))
        _ = rename(directory + "/y", path)
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == nil)
        #expect(WrittenFileHashes.sha256(ofUnchanged: directory + "/missing") == nil)
    }

    /// The oracle is Python's `hashlib.sha256(b"group,n\nall,70\n").hexdigest()`.
    @Test("a file hashed ahead is recorded with its SHA-256, and forgotten once changed")
    func hashedAhead() throws {
        let directory = try BufferedFileWriterTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/ahead.csv"
        try Data("group,n\nall,70\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == nil)
        try FileSystem.recordSHA256(ofFileAt: path)
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == "726adf54e0f2c3b0723e57fa0df89aa37b81138fe08241bacdec892ae7bc6dfc")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data("group,n\nall,71\n".utf8))
        try handle.close()
        #expect(WrittenFileHashes.sha256(ofUnchanged: path) == nil)
        #expect(throws: VFMError.self) { try FileSystem.recordSHA256(ofFileAt: directory + "/missing") }
    }

    @Test("idle-time work runs to its end, and finish() stops it at its next piece and may be called again")
    func idleTimeWork() {
        let done = IdleTimeWork { _ in }
        done.finish()
        done.finish()
        let counter = Counter()
        let stopped = IdleTimeWork { isWanted in
            while isWanted() { counter.add() }
        }
        stopped.finish()
        let seen = counter.value
        #expect(counter.value == seen)  // nothing runs after finish() returned
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
