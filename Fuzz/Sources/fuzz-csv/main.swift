import FuzzDriver
import Tabular

// The text decoder (UTF-8 / BOM / Windows-1252 detection) and both CSV parsers on arbitrary
// bytes: either a table or a typed error, never a trap. Differential: on UTF-8 input with no
// cell over the limit, the streaming byte parser (ingest's), fed in chunks whose sizes come
// from the input, must give exactly the records of `CSVRecordParser` (the reference), and
// fail exactly when it fails. A disagreement traps, which libFuzzer reports as a crash.
FuzzDriver.run { bytes in
    guard let text = try? TextDecoding.decode(bytes) else { return }
    let reference = try? CSVRecordParser.records(utf8: text.utf8)
    if !bytes.isEmpty { _ = TextDecoding.physicalLine(ofOffset: bytes.count - 1, in: bytes) }

    guard String(validating: bytes, as: UTF8.self) != nil, bytes.first != 0xEF else { return }
    var parser = CSVByteParser()
    var records: [[String]] = []
    var oversized = false
    // Chunks of 1-16 bytes, or (first byte a multiple of 17) the whole input, where records
    // are read where they lie rather than copied.
    let choice = Int(bytes.first ?? 1) % 17
    let step = choice == 0 ? max(1, bytes.count) : choice
    var start = 0
    bytes.withUnsafeBufferPointer { all in
        while start < all.count {
            let end = min(all.count, start + step)
            parser.feed(UnsafeBufferPointer(rebasing: all[start..<end])) { record in
                if record.oversizedCell != nil { oversized = true }
                records.append((0..<record.count).map { index in record.withCell(index) { String(decoding: $0, as: UTF8.self) } })
                return true
            }
            start = end
        }
    }
    let finished: Bool
    do throws(CSVStructureError) {
        try parser.finish { record in
            if record.oversizedCell != nil { oversized = true }
            records.append((0..<record.count).map { index in record.withCell(index) { String(decoding: $0, as: UTF8.self) } })
            return true
        }
        finished = true
    } catch {
        finished = false
    }
    guard !oversized else { return }
    if finished != (reference != nil) { fatalError("byte parser and CSVRecordParser disagree on success") }
    if let reference, reference.map(\.cells) != records { fatalError("byte parser and CSVRecordParser read different records") }
}
