/// A ZIP archive of stored (uncompressed, method 0) entries, written in memory (PKWARE
/// APPNOTE 6.3.x §4.3: local headers and data, then the central directory and its end
/// record). Enough for the small workbooks `WorkbookWriter` makes: every reader of `.xlsx`
/// accepts stored parts, and there is no deflate to get wrong.
struct StoredZip {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// 2014-01-01 00:00 in MS-DOS form (APPNOTE §4.4.6): a fixed date, so the same parts
    /// give the same bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (2014 - 1980) << 9 | 1 << 5 | 1

    mutating func add(_ path: String, _ data: [UInt8]) {
        var checksum = PartChecksum()
        checksum.update(data)
        let name = Array(path.utf8)
        let offset = UInt32(bytes.count)
        Self.append(UInt32(0x0403_4B50), to: &bytes)
        Self.common(crc: checksum.value, size: UInt32(data.count), nameLength: UInt16(name.count), to: &bytes)
        bytes += name
        bytes += data
        Self.append(UInt32(0x0201_4B50), to: &directory)
        Self.append(UInt16(20), to: &directory)  // made by: version 2.0
        Self.common(crc: checksum.value, size: UInt32(data.count), nameLength: UInt16(name.count), to: &directory)
        Self.append(UInt16(0), to: &directory)  // comment length
        Self.append(UInt16(0), to: &directory)  // disk number start
        Self.append(UInt16(0), to: &directory)  // internal attributes
        Self.append(UInt32(0), to: &directory)  // external attributes
        Self.append(offset, to: &directory)
        directory += name
        count += 1
    }

    /// The archive: entries, central directory, end of central directory record.
    func archive() -> [UInt8] {
        var result = bytes + directory
        Self.append(UInt32(0x0605_4B50), to: &result)
        Self.append(UInt16(0), to: &result)  // this disk
        Self.append(UInt16(0), to: &result)  // disk of the central directory
        Self.append(UInt16(count), to: &result)
        Self.append(UInt16(count), to: &result)
        Self.append(UInt32(directory.count), to: &result)
        Self.append(UInt32(bytes.count), to: &result)
        Self.append(UInt16(0), to: &result)  // comment length
        return result
    }

    /// The fields a local header and a central directory header share, from "version
    /// needed" to "extra field length".
    private static func common(crc: UInt32, size: UInt32, nameLength: UInt16, to bytes: inout [UInt8]) {
        append(UInt16(20), to: &bytes)  // version needed: 2.0
        append(UInt16(0), to: &bytes)  // flags
        append(UInt16(0), to: &bytes)  // method: stored
        append(dosTime, to: &bytes)
        append(dosDate, to: &bytes)
        append(crc, to: &bytes)
        append(size, to: &bytes)  // compressed size
        append(size, to: &bytes)  // uncompressed size
        append(nameLength, to: &bytes)
        append(UInt16(0), to: &bytes)  // extra field length
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
