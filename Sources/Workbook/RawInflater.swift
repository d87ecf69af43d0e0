internal import CZlib

/// zlib's inflate of a raw deflate stream (RFC 1951; a ZIP part's data, method 8), chunk by
/// chunk, that always ends: every call either consumes input, produces output, or reports
/// the stream damaged.
///
/// Why this care: a deflate stream cut short leaves zlib waiting for input that will never
/// come (`Z_BUF_ERROR`, no progress). A loop that only stops at `Z_STREAM_END` then spins
/// for ever — one 1.7 KB workbook hung a nightly run that way (issue 31). Here the caller
/// says when the input is all given (`finish`), and a stream not complete by then is an
/// error.
///
/// The `z_stream` lives at a fixed address for its whole life (zlib keeps a pointer back to
/// it and checks it on every call), so it is allocated, not a Swift value.
final class RawInflater {
    enum Failure: Error, Equatable {
        /// The data is not a valid deflate stream.
        case damaged
        /// The input ended before the stream did.
        case truncated
        /// zlib could not get memory for its state.
        case noMemory
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    /// Whether the stream's final block has been inflated.
    private(set) var ended = false

    init() throws(Failure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits: a raw stream, no zlib header or trailer (APPNOTE §4.4.5).
        let status = inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw status == Z_MEM_ERROR ? .noMemory : .damaged
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates `input`, handing each piece of output to `consume`.
    /// Input after the end of the stream is ignored (a ZIP part's data ends with it).
    func inflate<E: Error>(_ input: [UInt8], _ consume: ([UInt8]) throws(E) -> Void) throws(InflateError<E>) {
        guard !ended, !input.isEmpty else { return }
        var failure: Failure?
        var consumerError: E?
        input.withUnsafeBufferPointer { inputBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress!)
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            while !ended {
                let before = (stream.pointee.avail_in, stream.pointee.total_out)
                let status = output.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outputBuffer.count)
                    return CZlib.inflate(stream, Z_NO_FLUSH)
                }
                let produced = output.count - Int(stream.pointee.avail_out)
                if produced > 0 {
                    do throws(E) { try consume(Array(output[0 ..< produced])) } catch { consumerError = error; break }
                }
                switch status {
                case Z_STREAM_END: ended = true
                case Z_OK, Z_BUF_ERROR:
                    // No input left and nothing more came out: wait for the next chunk.
                    if stream.pointee.avail_in == 0, stream.pointee.avail_out != 0 { break }
                    // Neither input consumed nor output made: zlib cannot advance.
                    if before == (stream.pointee.avail_in, stream.pointee.total_out) { failure = .damaged; break }
                    continue
                case Z_MEM_ERROR: failure = .noMemory
                default: failure = .damaged
                }
                break
            }
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        // The stream no longer points into `input` whatever happened (a consumer that threw
        // stops the inflating; the part is abandoned).
        if let consumerError { throw .consumer(consumerError) }
        if let failure { throw .inflate(failure) }
    }

    /// Says that all input has been given.
    /// - Throws: `.truncated` when the stream has not ended.
    func finish() throws(Failure) {
        guard ended else { throw .truncated }
    }
}

/// A failure of `RawInflater.inflate`: the stream's, or the consumer's own.
enum InflateError<Consumer: Error>: Error {
    case inflate(RawInflater.Failure)
    case consumer(Consumer)
}

/// The CRC-32 of a part's bytes (zlib's `crc32`, the ZIP polynomial of APPNOTE §4.4.7),
/// checked against the directory's once the part is read.
struct PartChecksum {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            value = UInt32(truncatingIfNeeded: crc32(UInt(value), buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}
