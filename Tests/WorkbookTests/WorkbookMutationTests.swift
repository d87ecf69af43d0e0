import Foundation
import PropertyBased
import Testing
import Workbook

/// Damaged workbooks never trap: random byte flips, insertions and truncations of the
/// fixtures give rows or a `WorkbookError`, never a crash.
@Suite("mutated workbooks never trap")
struct WorkbookMutationTests {
    static let fixtures = ["openpyxl-return.xlsx", "libreoffice-return.xlsx", "handwritten-inline.xlsx"]
        .map { try? Data(contentsOf: URL(fileURLWithPath: workbookPath($0))) }

    static func readAll(_ bytes: [UInt8]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-mutated-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        do {
            let limits = WorkbookLimits(sheetBytes: 1 << 22, sharedStringsBytes: 1 << 22, otherPartBytes: 1 << 22)
            let workbook = try Workbook(path: path, limits: limits)
            for sheet in workbook.sheets {
                var count = 0
                try workbook.forEachRow(of: sheet) { row in
                    count += 1
                    #expect(row.number >= 1)
                    return true
                }
            }
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test("random edits of the fixtures give rows or an error")
    func mutations() async {
        let fixture = Gen.int(in: 0...2)
        let edit = Gen.int(in: 0...3)
        let position = Gen.int(in: 0...20_000)
        let byte = Gen.int(in: 0...255).map { UInt8($0) }
        await propertyCheck(count: 300, input: fixture, edit.array(of: 1...6), position.array(of: 6), byte.array(of: 6)) {
            which, kinds, positions, bytes in
            guard let data = Self.fixtures[which] else { return }
            var file = Array(data)
            for (index, kind) in kinds.enumerated() {
                let at = positions[index] % (file.count + 1)
                switch kind {
                case 0: file.insert(bytes[index], at: at)
                case 1: if at < file.count { file.remove(at: at) }
                case 2: file.removeLast(file.count - at)
                default: if at < file.count { file[at] ^= bytes[index] | 1 }
                }
            }
            Self.readAll(file)
        }
    }

    @Test("every truncation of a small workbook gives rows or an error")
    func truncations() throws {
        let data = try #require(Self.fixtures[2])
        for length in stride(from: 0, to: data.count, by: 7) { Self.readAll(Array(data.prefix(length))) }
    }
}
