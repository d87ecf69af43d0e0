import Foundation
import Testing
import VFMCore

@Suite("reading a file in chunks")
struct FileChunksTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "vfm-chunks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the chunks are the file's bytes in order, each with its offset")
    func chunksInOrder() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = (0..<(FileSystem.readChunkSize + 1000)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let path = directory + "/r.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        var read: [UInt8] = []
        var offsets: [Int] = []
        try FileSystem.forEachChunk(of: path) { chunk, offset in
            offsets.append(offset)
            read += chunk
        }
        #expect(read == bytes)
        #expect(offsets == [0, FileSystem.readChunkSize])
    }

    @Test("a FIFO is refused at once as not a regular file (66), never waited on")
    func fifoRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/pipe.csv"
        #expect(mkfifo(path, 0o600) == 0)
        #expect {
            try FileSystem.forEachChunk(of: path, displayName: "pipe.csv") { _, _ in }
        } throws: { error in
            guard let error = error as? VFMError else { return false }
            return error.status == .noInput && error.file == "pipe.csv" && error.message.contains("not a regular file")
        }
    }

    @Test("a directory is refused as not a regular file (66)")
    func directoryRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: VFMError.self) { try FileSystem.forEachChunk(of: directory) { _, _ in } }
    }
}
