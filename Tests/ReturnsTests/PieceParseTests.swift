@testable import Returns
import Tabular
import Testing
import VFMCore

/// Ingest reads a CSV file in blocks cut at record boundaries, typing the two halves of
/// each block on two cores (`PieceParse`). Cut anywhere, into pieces of any size, a file
/// must give exactly what one parser over the whole file gives: the same rows, rejects,
/// line numbers, counts, warnings and errors.
@Suite("ingest in pieces: the same rows, rejects, lines and warnings as one parser")
struct PieceParseTests {
    static let words = MissingValueWords(["", "n/a", "-", "don't know", "no info available", "not known"])
    static let header = "authority,service,total_cost,people_supported,outcomes_total,region"

    /// A small linear congruential generator (Knuth MMIX constants): the same files every run.
    struct Draws {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// One cell: plain, quoted with commas, newlines of every kind and doubled quotes, text
    /// after a closing quote, missing words, a bad number, spaces.
    static func cell(_ draws: inout Draws, numeric: Bool) -> String {
        switch draws.next(14) {
        case 0: return "\"Quoted, with comma\""
        case 1: return "\"two\nlines\""
        case 2: return "\"crlf\r\ninside\""
        case 3: return "\"cr\rinside\""
        case 4: return "\"say \"\"hi\"\"\""
        case 5: return "\"closed\"after"
        case 6: return "n/a"
        case 7: return ""
        case 8: return numeric ? "12x" : "  spaced  "
        case 9: return numeric ? "\"1,234\"" : "a\"quote"
        case 10: return numeric ? "£5" : "\"\""
        default: return numeric ? String(draws.next(5_000)) : "Name \(draws.next(50))"
        }
    }

    static let lineEnds = ["\n", "\r\n", "\r"]

    /// A file: maybe a title row and blank lines above the header, then rows — some ragged,
    /// some blank or only spaces — with mixed line ends, and maybe no line end at the end.
    static func file(seed: Int) -> String {
        var draws = Draws(state: UInt64(seed) &* 7_919 &+ 13)
        var text = ""
        func end() -> String { lineEnds[draws.next(3)] }
        if draws.next(3) == 0 { text += "Returns for 2013,\"notes\nover two lines\"" + end() + end() }
        text += header + end()
        for _ in 0..<(5 + draws.next(60)) {
            switch draws.next(12) {
            case 0: text += end()                      // blank line
            case 1: text += "  \t" + end()             // spaces only
            case 2: text += "Leeds,Only three" + end() // ragged
            case 3: text += ",,,,," + end()            // separators only: required cells missing
            default:
                let cells = (0..<6).map { column in cell(&draws, numeric: column >= 2 && column <= 4) }
                text += cells.joined(separator: ",") + end()
            }
        }
        if draws.next(4) == 0 { text += "York,Last,100,10,2,North" }  // no line end at the end
        return text
    }

    /// What a file gave, in a form that can be compared as a whole.
    struct Read: Equatable {
        var accepted: [ServiceReturn] = []
        var extras: [[String?]] = []
        var rejected: [RejectedRow] = []
        var summary: InputFileSummary?
        var warnings: [String] = []
        var error: VFMError?
    }

    static func read(_ bytes: [UInt8], sizes: PieceParse.Sizes = PieceParse.Sizes()) -> Read {
        do {
            let file = try FileIngest.ingest(bytes, name: "p.csv", missingWords: words, sizes: sizes)
            return Read(accepted: file.accepted.map(\.serviceReturn), extras: file.accepted.map(\.extraValues),
                        rejected: file.rejected, summary: file.summary, warnings: file.warnings)
        } catch {
            return Read(error: error)
        }
    }

    static let cuts: [PieceParse.Sizes] = [
        .init(block: 1, largestPending: 1), .init(block: 7, largestPending: 40), .init(block: 16, largestPending: 1 << 20),
        .init(block: 33, largestPending: 64), .init(block: 64, largestPending: 128), .init(block: 200, largestPending: 1 << 20),
        // Small blocks until the header is found, larger ones after it.
        .init(block: 200, largestPending: 1 << 20, headerBlock: 9), .init(block: 64, largestPending: 128, headerBlock: 1),
    ]

    @Test("random files with quoted newlines, CRLF and CR, blank lines, ragged rows and a preamble, cut into blocks of every size",
          arguments: 0..<60)
    func cutAnywhere(seed: Int) {
        let bytes = Array(Self.file(seed: seed).utf8)
        let whole = Self.read(bytes)
        #expect(whole.summary != nil || whole.error != nil)
        for sizes in Self.cuts {
            #expect(Self.read(bytes, sizes: sizes) == whole, "block \(sizes.block), largest pending \(sizes.largestPending)")
        }
    }

    /// With LF or CRLF line ends only, blocks are cut at guessed LFs (`CSVRecordBoundaries.guessedCuts`)
    /// and the cuts confirmed by the parsers: a guess inside a quoted cell must be caught and
    /// the block scanned instead (taking an unconfirmed cut fails this, tried).
    @Test("LF-only and CRLF-only files, whose blocks are cut at guessed line ends, with and without line ends inside quotes",
          arguments: 0..<60)
    func guessedCuts(seed: Int) {
        let lf = Self.file(seed: seed + 5_000).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let unquoted = lf.replacingOccurrences(of: "\"two\nlines\"", with: "two lines")
            .replacingOccurrences(of: "\"crlf\ninside\"", with: "crlf").replacingOccurrences(of: "\"cr\ninside\"", with: "cr")
            .replacingOccurrences(of: "\"notes\nover two lines\"", with: "notes")
        // The same with CRLF line ends, as spreadsheets write them.
        let crlf = [lf, unquoted].map { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        for text in [lf, unquoted] + crlf {
            let bytes = Array(text.utf8)
            let whole = Self.read(bytes)
            for sizes in Self.cuts {
                #expect(Self.read(bytes, sizes: sizes) == whole, "block \(sizes.block), largest pending \(sizes.largestPending)")
            }
        }
    }

    @Test("the same in Windows-1252 and with a byte-order mark")
    func encodings() {
        for seed in 0..<10 {
            let text = Self.file(seed: seed + 1_000).replacingOccurrences(of: "Name 1", with: "Caf\u{E9} \u{A3}1")
            let latin1 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            let withBOM = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            for bytes in [latin1, withBOM] {
                let whole = Self.read(bytes)
                for sizes in Self.cuts { #expect(Self.read(bytes, sizes: sizes) == whole) }
            }
        }
    }

    @Test("a header naming a column twice stops the file; a cell over 64 KiB rejects its row — however the file is cut")
    func stopsAndLongCells() {
        let long = String(repeating: "n", count: CSVByteParser.defaultCellLimit + 10)
        let files = [
            "Title\n\n" + Self.header + ",region\nLeeds,Jobs,100,10,2,North,South\n",
            Self.header + "\nLeeds,\"\(long)\",100,10,2,North\r\nYork,Work,100,10,2,\n",
            "\"\(long)\"\n" + Self.header + "\nYork,Work,100,10,2,\n",
        ]
        for text in files {
            let bytes = Array(text.utf8)
            let whole = Self.read(bytes)
            for sizes in Self.cuts { #expect(Self.read(bytes, sizes: sizes) == whole) }
        }
        #expect(Self.read(Array(files[0].utf8)).error?.line == 3)
        #expect(Self.read(Array(files[1].utf8)).rejected.map(\.rule) == [.cellTooLong])
    }

    @Test("a quote left open is reported on the line it opened, however the file is cut")
    func unterminatedQuote() {
        let text = Self.header + "\nLeeds,Jobs,100,10,2,North\r\nYork,\"never closed,100,10,2\nmore\nrows\n"
        let bytes = Array(text.utf8)
        for sizes in [PieceParse.Sizes()] + Self.cuts {
            let read = Self.read(bytes, sizes: sizes)
            #expect(read.error?.line == 3)
            #expect(read.error?.message.hasPrefix("a quoted cell opens on this line and never closes") == true)
        }
    }

    @Test("hand-checked: rows after a quoted CRLF keep their physical lines, and the counts add up")
    func handChecked() throws {
        let text = Self.header + "\r\nLeeds,\"Jobs\r\nand more\",100,10,2,North\r\n\r\nYork,Work,100,10,2,\r\nHull,x\r\n"
        for sizes in [PieceParse.Sizes()] + Self.cuts {
            let read = Self.read(Array(text.utf8), sizes: sizes)
            #expect(read.accepted.map(\.source.line) == [2, 5])
            #expect(read.accepted.first?.service == "Jobs\r\nand more")
            #expect(read.rejected.map(\.source.line) == [6])
            #expect(read.summary?.rowsRead == 3)
        }
    }
}
