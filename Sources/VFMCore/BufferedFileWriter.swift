import Foundation

/// Writes a file through a buffer of fixed capacity (as swift-nio's `NIOFS.BufferedWriter`)
/// and computes its SHA-256 while it writes, so no output is ever built whole in memory
/// first and its digest costs no second read. `close()` flushes and gives the digest —
/// unless this process writes no manifest (`WrittenFileHashes.isRecording`).
///
/// Errors map through `PosixError`: a full disk is 74 (the previous output stays),
/// anything else 73; both name the file.
public final class BufferedFileWriter {
    /// Bytes held before they are written: large enough that a system call carries many
    /// rows, small enough to be nothing next to the data.
    public static let capacity = 1 << 16

    // The state is one writer's, used from one thread at a time (the type is not
    // `Sendable`), so the run-time exclusivity checks Swift makes on a class's stored
    // properties are off for it: they were a tenth of the time spent copying each CSV
    // record into the buffer (`swift_beginAccess` on every `write`; 0.5% of a 10^6 run).
    @exclusivity(unchecked) private var descriptor: Int32
    /// The file as named in messages.
    public let displayName: String
    @exclusivity(unchecked) private var buffer: [UInt8]
    @exclusivity(unchecked) private var hash: ContentHash?
    /// Bytes handed to the writer so far.
    @exclusivity(unchecked) public private(set) var byteCount = 0

    /// Creates (or truncates) the file at `path`, creating parent directories.
    /// `hashing`: whether to work out the file's SHA-256 as it is written.
    public init(path: String, displayName: String? = nil, hashing: Bool = WrittenFileHashes.isRecording) throws(VFMError) {
        self.displayName = displayName ?? path
        hash = hashing ? ContentHash() : nil
        try FileSystem.createDirectory((path as NSString).deletingLastPathComponent)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PosixError.output(errno, "creating the file", path: self.displayName) }
        buffer = []
        buffer.reserveCapacity(Self.capacity)
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(VFMError) {
        byteCount += bytes.count
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            hash?.update(bytes)
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(_ bytes: [UInt8]) throws(VFMError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(VFMError) in try write(raw) } }.get()
    }

    /// Lends `body` the buffer to append to in place (a record encoded straight into it
    /// rather than into a buffer of its own and then copied: 10^7 records in a run at 10^6);
    /// `body` may append, and may take back what it appended, but nothing before. The buffer
    /// goes to the file once it holds `capacity` bytes or more.
    public func appendInPlace(_ body: (inout [UInt8]) -> Void) throws(VFMError) {
        let before = buffer.count
        body(&buffer)
        byteCount += buffer.count - before
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes the UTF-8 of `text`.
    public func write(_ text: String) throws(VFMError) {
        var text = text
        try text.withUTF8 { utf8 in Result { () throws(VFMError) in try write(UnsafeRawBufferPointer(utf8)) } }.get()
    }

    /// Writes what is buffered, closes the file and returns its lower-case hex SHA-256
    /// (`nil` when not hashing).
    @discardableResult
    public func close() throws(VFMError) -> String? {
        try flush()
        let sha256 = hash?.finalizeHex()
        if let sha256 { WrittenFileHashes.record(descriptor: descriptor, sha256: sha256) }
        let result = Foundation.close(descriptor)
        let code = errno
        descriptor = -1
        guard result == 0 else { throw PosixError.output(code, "closing the file", path: displayName) }
        return sha256
    }

    private func flush() throws(VFMError) {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            Result { () throws(VFMError) in
                hash?.update(raw)
                try writeAll(raw)
            }
        }.get()
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(VFMError) {
        guard descriptor >= 0 else {
            throw VFMError(.cannotCreateOutput, "write after close", file: displayName,
                           hint: "this is a bug in vfm; please report it")
        }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw PosixError.output(errno, "writing", path: displayName)
            }
            offset += written
        }
    }
}
