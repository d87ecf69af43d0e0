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
        /// The piece starts at a cut guessed without tracking quotes
        /// (`CSVRecordBoundaries.guessedBoundary`): right only if the piece before it ends
        /// between records.
        @usableFromInline
        package var startGuessed = false
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
    ///
    /// `guessing`, a cut is the first LF past the middle (`guessedBoundary`), which the
    /// reader confirms as it parses the piece before it; otherwise every cut is tracked.
    @usableFromInline
    package func headerAndPieces(_ bytes: [UInt8], count: Int,
                                 guessing: Bool) throws(VFMError) -> (header: CSVRecord?, pieces: [Piece]) {
        let headerEnd = bytes.withUnsafeBufferPointer { CSVRecordBoundaries.firstBoundary($0, atOrAfter: 1) }
        guard let headerEnd else {
            return (try records(bytes).first, [])
        }
        let header = try records(Array(bytes[..<headerEnd.offset])).first
        let data = bytes[headerEnd.offset...]
        let wanted = max(1, min(count, data.count / Self.pieceBytes))
        var pieces: [Piece] = []
        var start = data.startIndex, linesBefore = headerEnd.lineEnds, nextGuessed = false
        for piece in 1 ..< wanted {
            let target = data.startIndex + data.count * piece / wanted
            guard target > start else { continue }
            var guessed = false
            let mark = data.withUnsafeBufferPointer { text -> CSVRecordBoundaries.Mark? in
                let rest = UnsafeBufferPointer(rebasing: text[(start - data.startIndex)...])
                if guessing, let mark = CSVRecordBoundaries.guessedBoundary(rest, atOrAfter: target - start) {
                    guessed = true
                    return mark
                }
                return CSVRecordBoundaries.firstBoundary(rest, atOrAfter: target - start)
            }
            guard let mark, mark.offset > 0 else { continue }
            pieces.append(Piece(bytes: data[start ..< start + mark.offset], linesBefore: linesBefore, startGuessed: nextGuessed))
            nextGuessed = guessed
            start += mark.offset
            linesBefore += mark.lineEnds
        }
        pieces.append(Piece(bytes: data[start...], linesBefore: linesBefore, startGuessed: nextGuessed))
        return (header, pieces)
    }

    /// Every record of `piece` as bytes (one reused `CSVByteRecord`, no `String` per cell),
    /// with its line in the whole file. `beforeGuess`, the next piece's start was guessed:
    /// false is returned, and nothing thrown, when the piece does not end between records
    /// (the guess was wrong); otherwise true.
    @usableFromInline
    package func forEachRecord(in piece: Piece, beforeGuess: Bool = false,
                               _ body: (CSVByteRecord) -> Void) throws(VFMError) -> Bool {
        var parser = CSVByteParser(cellLimit: Self.cellLimit, line: piece.linesBefore + 1, offset: 0)
        func deliver(_ record: CSVByteRecord) -> Bool {
            body(record)
            return true
        }
        piece.bytes.withUnsafeBufferPointer { parser.feed($0, deliver) }
        if beforeGuess, !parser.isBetweenRecords { return false }
        do {
            try parser.finish(deliver)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw corrupt("unterminated quoted field", line: line)
            }
        }
        return true
    }

    /// `transform` of every data record, read in pieces on all cores, in file order; the
    /// header is checked by `header` first (as text), which returns what `transform` needs of
    /// it; `transform` reads each data record's cells from their bytes (`RunFileCells`). The
    /// first error in file order is thrown.
    /// Inlinable, as `mapRecords(ofFile:)`, to be specialised for each reader.
    @inlinable
    package func mapRecords<Context, T>(_ bytes: [UInt8], header check: (CSVRecord?) throws(VFMError) -> Context,
                                        _ transform: (Context, RunFileCells) throws(VFMError) -> T) throws(VFMError) -> [T] {
        try mapRecords(bytes, guessing: true, header: check, transform)
    }

    /// `mapRecords(_:header:_:)`, cut where `headerAndPieces(guessing:)` cuts; a wrong guess
    /// is read again with every cut tracked.
    @inlinable
    package func mapRecords<Context, T>(_ bytes: [UInt8], guessing: Bool, header check: (CSVRecord?) throws(VFMError) -> Context,
                                        _ transform: (Context, RunFileCells) throws(VFMError) -> T) throws(VFMError) -> [T] {
        let (header, pieces) = try headerAndPieces(bytes, count: 2, guessing: guessing)
        let context = try check(header)
        let names = header?.cells ?? []
        let values = try Self.values(of: Parallel.map(pieces.count) { index -> Result<[T], VFMError>? in
            var values: [T] = []
            var failure: VFMError?
            let reuse = RunFileTextReuse()
            do throws(VFMError) {
                let beforeGuess = index + 1 < pieces.count && pieces[index + 1].startGuessed
                let ended = try forEachRecord(in: pieces[index], beforeGuess: beforeGuess) { record in
                    guard failure == nil else { return }
                    do throws(VFMError) {
                        values.append(try transform(context, RunFileCells(reader: self, header: names, record: record, reuse: reuse)))
                    } catch {
                        failure = error
                    }
                }
                guard ended else { return nil }
            } catch {
                return .failure(error)
            }
            if let failure { return .failure(failure) }
            return .success(values)
        })
        guard var pieceValues = values else {
            return try mapRecords(bytes, guessing: false, header: check, transform)
        }
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

    /// Each piece's values, or the first piece's error (the first in file order), or `nil`
    /// when, before any error, a piece ended where a guessed cut was wrong (`nil`). Taking
    /// the results as an argument lets them go on return: only the values stay.
    @usableFromInline
    static func values<T>(of results: [Result<[T], VFMError>?]) throws(VFMError) -> [[T]]? {
        var values: [[T]] = []
        for result in results {
            guard let result else { return nil }
            values.append(try result.get())
        }
        return values
    }
}
