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
}
