import Foundation
import Testing
@testable import VFMCore

@Suite("the buffered hashing writer and streamed file hashes")
struct BufferedFileWriterTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-writer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("writes of every size, around the buffer's capacity, give the bytes and their SHA-256",
          arguments: [0, 1, BufferedFileWriter.capacity - 1, BufferedFileWriter.capacity, BufferedFileWriter.capacity + 1,
                      3 * BufferedFileWriter.capacity + 17])
    func bytesAndDigest(size: Int) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let writer = try BufferedFileWriter(path: directory + "/sub/out.bin")
        var offset = 0, step = 1
        while offset < bytes.count {   // uneven pieces, some larger than the buffer
            let end = min(bytes.count, offset + step)
            try writer.write(Array(bytes[offset..<end]))
            offset = end
            step = step * 7 % (2 * BufferedFileWriter.capacity) + 1
        }
        let digest = try writer.close()
        let written = try FileSystem.readBytes(directory + "/sub/out.bin")
        #expect(written == bytes)
        #expect(digest == ContentHash.hex(of: bytes))
        #expect(try FileSystem.sha256(of: directory + "/sub/out.bin") == digest)
    }

    @Test("a file read whole, below and above the size read on two cores, gives its bytes",
          arguments: [0, 1, FileSystem.readChunkSize + 3, FileSystem.twoCoreReadBytes - 1, FileSystem.twoCoreReadBytes,
                      FileSystem.twoCoreReadBytes + 7])
    func readWhole(size: Int) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Bytes that differ from place to place, so a half read into the wrong place shows.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/whole.bin"))
        #expect(try FileSystem.readBytes(directory + "/whole.bin") == bytes)
    }

    @Test("a writer that does not hash writes the same bytes, gives no digest and records none")
    func withoutHashing() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = (0..<(2 * BufferedFileWriter.capacity + 5)).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let writer = try BufferedFileWriter(path: directory + "/out.bin", hashing: false)
        try writer.write(Array(bytes[..<10]))
        try writer.write(Array(bytes[10...]))  // more than the buffer: written straight through
        #expect(try writer.close() == nil)
        #expect(try FileSystem.readBytes(directory + "/out.bin") == bytes)
        #expect(WrittenFileHashes.sha256(ofUnchanged: directory + "/out.bin") == nil)
    }

    @Test("a full disk is an I/O error (74) whose cause is ENOSPC", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDisk() throws {
        let writer = try BufferedFileWriter(path: "/dev/full", displayName: "tables/x.csv")
        let error = #expect(throws: VFMError.self) {
            try writer.write([UInt8](repeating: 65, count: 10))
            try writer.close()
        }
        #expect(error?.status == .ioError)
        #expect(error?.file == "tables/x.csv")
        #expect(error?.cause?.code == ENOSPC)
        #expect(error?.debugDescription.contains("[cause: writing: errno \(ENOSPC)]") == true)
    }

    @Test("a parent that is a file is 'cannot create output' (73)")
    func parentIsAFile() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/plain", contents: Data()))
        let error = #expect(throws: VFMError.self) { _ = try BufferedFileWriter(path: directory + "/plain/out.csv") }
        #expect(error?.status == .cannotCreateOutput)
        #expect(error?.cause != nil)
    }

    @Test("hashing a missing file or a directory is 'no input' (66) with the errno as cause")
    func hashingErrors() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = #expect(throws: VFMError.self) { try FileSystem.sha256(of: directory + "/nope", displayName: "nope") }
        #expect(missing?.status == .noInput && missing?.cause?.code == ENOENT && missing?.file == "nope")
        let folder = #expect(throws: VFMError.self) { try FileSystem.sha256(of: directory) }
        #expect(folder?.status == .noInput && folder?.cause?.code == EISDIR)
    }

    @Test("errors are equal when the user sees the same thing, whatever their cause and location")
    func equality() {
        let a = VFMError(.ioError, "m", file: "f", cause: VFMError.Cause(errno: ENOSPC, call: "writing"))
        let b = VFMError(.ioError, "m", file: "f")
        #expect(a == b)
        #expect(a.location != b.location)
    }
}
