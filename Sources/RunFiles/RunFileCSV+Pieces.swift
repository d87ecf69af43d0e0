import Tabular
import VFMCore

extension RunFileCSV {
    /// A run of whole records of a run file, to be read on a core of its own.
    @usableFromInline
    package struct Piece: Sendable {
        /// A slice of the file's bytes: cutting copies nothing.
        @usableFromInline
        package var bytes: ArraySlice<UInt8>
        /// Physical lines before the piece's first byte in the whole file.
        @usableFromInline
        package var linesBefore: Int
    }

    /// Pieces of at least this many bytes are worth a core of their own.
    static let pieceBytes = 1 << 20

    /// The file's header record, and its data records cut at record boundaries into at most
    /// `count` pieces (fewer for a small file).
    ///
    /// Why: a stage run by hand reads back what the earlier stage wrote, and at 10⁵
    /// services `vfm-analyze` and `vfm-report` spent most of their time splitting
    /// `clean/services.csv` and `clean/flags.csv` into records on one core, where `vfm run`
    /// hands the same values over in memory (issue 25). The cut points come from
    /// `CSVRecordBoundaries`, which tracks quotes exactly as the parser does, so every
    /// piece starts where a record starts and the records are those of the whole file.
    @usableFromInline
    package func headerAndPieces(_ bytes: [UInt8], count: Int) throws(VFMError) -> (header: CSVRecord?, pieces: [Piece]) {
        let headerEnd = bytes.withUnsafeBufferPointer { CSVRecordBoundaries.firstBoundary($0, atOrAfter: 1) }
        guard let headerEnd else {
            return (try records(bytes).first, [])
        }
        let header = try records(Array(bytes[..<headerEnd.offset])).first
        let data = bytes[headerEnd.offset...]
        let wanted = max(1, min(count, data.count / Self.pieceBytes))
        var pieces: [Piece] = []
        var start = data.startIndex, linesBefore = headerEnd.lineEnds
        for piece in 1 ..< wanted {
            let target = data.startIndex + data.count * piece / wanted
            guard target > start else { continue }
            let mark = data.withUnsafeBufferPointer { text in
                CSVRecordBoundaries.firstBoundary(UnsafeBufferPointer(rebasing: text[(start - data.startIndex)...]),
                                                  atOrAfter: target - start)
            }
            guard let mark, mark.offset > 0 else { continue }
            pieces.append(Piece(bytes: data[start ..< start + mark.offset], linesBefore: linesBefore))
            start += mark.offset
            linesBefore += mark.lineEnds
        }
        pieces.append(Piece(bytes: data[start...], linesBefore: linesBefore))
        return (header, pieces)
    }

    /// Every record of `piece` as bytes (one reused `CSVByteRecord`, no `String` per cell),
    /// with its line in the whole file.
    @usableFromInline
    package func forEachRecord(in piece: Piece, _ body: (CSVByteRecord) -> Void) throws(VFMError) {
        var parser = CSVByteParser(cellLimit: Self.cellLimit, line: piece.linesBefore + 1, offset: 0)
        func deliver(_ record: CSVByteRecord) -> Bool {
            body(record)
            return true
        }
        piece.bytes.withUnsafeBufferPointer { parser.feed($0, deliver) }
        do {
            try parser.finish(deliver)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw corrupt("unterminated quoted field", line: line)
            }
        }
    }

    /// `transform` of every data record, read in pieces on all cores, in file order; the
    /// header is checked by `header` first (as text), which returns what `transform` needs of
    /// it; `transform` reads each data record's cells from their bytes (`RunFileCells`). The
    /// first error in file order is thrown.
    /// Inlinable, as `mapRecords(ofFile:)`, to be specialised for each reader.
    @inlinable
    package func mapRecords<Context, T>(_ bytes: [UInt8], header check: (CSVRecord?) throws(VFMError) -> Context,
                                        _ transform: (Context, RunFileCells) throws(VFMError) -> T) throws(VFMError) -> [T] {
        let (header, pieces) = try headerAndPieces(bytes, count: 2)
        let context = try check(header)
        let names = header?.cells ?? []
        var pieceValues = try Self.values(of: Parallel.map(pieces.count) { index -> Result<[T], VFMError> in
            var values: [T] = []
            var failure: VFMError?
            let reuse = RunFileTextReuse()
            do throws(VFMError) {
                try forEachRecord(in: pieces[index]) { record in
                    guard failure == nil else { return }
                    do throws(VFMError) {
                        values.append(try transform(context, RunFileCells(reader: self, header: names, record: record, reuse: reuse)))
                    } catch {
                        failure = error
                    }
                }
            } catch {
                return .failure(error)
            }
            if let failure { return .failure(failure) }
            return .success(values)
        })
        // The first piece's values become the whole, grown in place (growing a buffer no one
        // else holds moves its values); each later piece's are copied in and let go at once,
        // so the pieces and the whole are never all held at once (at 10^6 services each is
        // hundreds of megabytes). A copied value retains each of its texts: copying every
        // piece was 20 ms of `vfm-clean`'s 0.15 s reading at 10^5, on one core.
        guard pieceValues.count > 1 else { return pieceValues.first ?? [] }
        var all: [T] = []
        swap(&all, &pieceValues[0])
        all.reserveCapacity(pieceValues.reduce(all.count) { $0 + $1.count })
        for index in pieceValues.indices.dropFirst() {
            all.append(contentsOf: pieceValues[index])
            pieceValues[index] = []
        }
        return all
    }

    /// Each piece's values, or the first piece's error (the first in file order). Taking
    /// the results as an argument lets them go on return: only the values stay.
    @usableFromInline
    static func values<T>(of results: [Result<[T], VFMError>]) throws(VFMError) -> [[T]] {
        var values: [[T]] = []
        for result in results { values.append(try result.get()) }
        return values
    }
}
