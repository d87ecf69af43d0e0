import FuzzDriver
import Tabular

// The text decoder (UTF-8 / BOM / Windows-1252 detection) and the CSV record parser on
// arbitrary bytes: either a table or a typed error, never a trap.
FuzzDriver.run { bytes in
    guard let text = try? TextDecoding.decode(bytes) else { return }
    _ = try? CSVRecordParser.records(utf8: text.utf8)
    if !bytes.isEmpty { _ = TextDecoding.physicalLine(ofOffset: bytes.count - 1, in: bytes) }
}
