import Returns
import VFMCore

/// Rows whose names are the same once case, spaces, punctuation and `&`/`and` are folded
/// but differ once only case and surrounding spaces are (issue 28): `Work & Skills` and
/// `Work and Skills`, `St Mary's` and `St Marys`, `Leeds  City Council` and `Leeds City
/// Council.` They are flagged `possible-duplicate` and kept under every duplicate policy —
/// two such rows may be two services — so a person decides; rows equal under
/// `DuplicateScreen`'s folding are its duplicates, not these.
enum NearDuplicateScreen {
    /// A name folded: lower case, letters and digits kept, `&` read as the word `and`,
    /// apostrophes dropped, every other run of characters one space.
    static func fold(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character == "&" {
                if !current.isEmpty { words.append(current) }
                words.append("and")
                current = ""
            } else if character == "'" || character == "’" || character == "‘" {
                continue
            } else if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    struct Key: Hashable {
        var authority: String
        var service: String
        var period: String?

        init(_ row: borrowing ServiceReturn) {
            authority = NearDuplicateScreen.fold(row.authority)
            service = NearDuplicateScreen.fold(row.service)
            period = row.period.map(NearDuplicateScreen.fold)
        }
    }

    /// `fold(text)`'s UTF-8 appended to `folded`: byte by byte for ASCII text (nearly every
    /// name, no `String` made), through `fold` otherwise.
    static func appendFolded(_ text: String, to folded: inout [UInt8]) {
        let ascii = text.utf8.withContiguousStorageIfAvailable { utf8 in
            // At most four bytes a byte: `&` is a space and `and`.
            folded.appendScratch(capacity: 4 * utf8.count) { out in
                var count = 0, pendingSpace = false
                func put(_ byte: UInt8) {
                    out[count] = byte
                    count += 1
                }
                for byte in utf8 {
                    guard byte < 0x80 else { return nil }
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    let isWordByte = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                        || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
                    if lower == UInt8(ascii: "'") { continue }
                    if isWordByte || lower == UInt8(ascii: "&") {
                        if pendingSpace || (lower == UInt8(ascii: "&") && count > 0) { put(0x20) }
                        pendingSpace = lower == UInt8(ascii: "&")
                        if lower == UInt8(ascii: "&") {
                            put(UInt8(ascii: "a"))
                            put(UInt8(ascii: "n"))
                            put(UInt8(ascii: "d"))
                        } else {
                            put(lower)
                        }
                    } else if count > 0 {
                        pendingSpace = true
                    }
                }
                return count
            }
        }
        if ascii != true { folded += Array(fold(text).utf8) }
    }

    /// The hash of a row's folded names, equal for equal `Key`s.
    static func hash(_ authority: String, _ service: String, _ period: String?, scratch: inout [UInt8]) -> Int {
        scratch.removeAll(keepingCapacity: true)
        appendFolded(authority, to: &scratch)
        scratch.append(0)
        appendFolded(service, to: &scratch)
        if let period {
            scratch.append(0)
            appendFolded(period, to: &scratch)
        }
        var hasher = Hasher()
        scratch.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// Adds `possible-duplicate` to each service that has a near twin, naming the twins.
    /// Services are grouped by the folded names' hash first (`appendFolded`, no `String`
    /// per ASCII name); `Key`s are built and compared only within a group of two or more.
    /// As `DuplicateScreen.groups` does, only the first index per hash is kept for every
    /// service, and a list only for hashes that meet: a million services add one dictionary
    /// of integers, not a million arrays.
    ///
    /// The hashes are computed on all cores, each service read where it lies (at 10⁶
    /// services, hashed in one loop of copied services they took most of a second on one
    /// core: `SharedHashes`).
    static func flag(_ services: inout [CleanedService]) {
        let candidates = SharedHashes.candidates(services) { authority, service, period, scratch in
            hash(authority, service, period, scratch: &scratch)
        }
        var twins: [Int: String] = [:]
        for var rest in candidates {
            while rest.count > 1 {
                let key = Key(services[rest[0]].input)
                let same = rest.filter { Key(services[$0].input) == key }
                rest.removeAll { Key(services[$0].input) == key }
                // Rows of one exact key are one class; each row's twins are the other classes'
                // rows. Keys are made once per row (not once per pair: k copies of one row
                // cost k², issue 31), and a message lists a few twins and counts the rest.
                var classOf: [DuplicateScreen.Key: Int] = [:]
                let classes = same.map { index in
                    let key = DuplicateScreen.Key(services[index].input)
                    if let known = classOf[key] { return known }
                    classOf[key] = classOf.count
                    return classOf.count - 1
                }
                guard classOf.count > 1 else { continue }
                let sources = same.map { services[$0].input.source }
                let ordered = same.indices.sorted { sources[$0] < sources[$1] }
                var classSize: [Int: Int] = [:]
                for member in classes { classSize[member, default: 0] += 1 }
                for (position, index) in same.enumerated() {
                    let own = classes[position]
                    var first: [SourceLocation] = []
                    for other in ordered where classes[other] != own {
                        first.append(sources[other])
                        if first.count == DuplicateScreen.listedOthers { break }
                    }
                    twins[index] = DuplicateScreen.othersText(count: same.count - (classSize[own] ?? 0), first: first)
                }
            }
        }
        for (index, others) in twins {
            services[index].flags.append(ServiceFlag(
                rule: .possibleDuplicate, metric: nil, value: nil, threshold: nil,
                detail: .text("names like \(others) once case, spaces, "
                    + "punctuation and &/and are set aside; check with the service whether they are one service")))
        }
    }
}
