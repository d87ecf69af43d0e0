import Foundation
import Returns
import RunFiles
import Tabular
import Testing
import VFMCore
import VFMTestSupport

@Suite("each run file is written as its schema declares")
struct RunFileSchemaTests {
    @Test("the canonical columns are ReturnColumn's, in the order the hand-tuned encoders write them")
    func canonicalColumns() {
        #expect(RunFileSchema.canonicalReturnColumns.map(\.name) == ReturnColumn.allCases.map(\.rawValue))
    }

    @Test("an extra column's header is neutralised and read back as the return names it")
    func extraColumns() throws {
        let schema = RunFileSchema.cleanServices(extras: ["region", "=cmd"])
        #expect(schema.header.suffix(4) == ["region", "'=cmd", "source", "flags"])
        let matched = try #require(RunFileSchema.cleanServices(header: schema.header))
        #expect(matched.extras == ["region", "=cmd"] && matched.schema == schema)
        let returns = RunFileSchema.ingestReturns(extras: ["region"])
        #expect(RunFileSchema.ingestReturns(header: returns.header)?.extras == ["region"])
    }

    @Test("a header that is not the writer's matches no schema",
          arguments: [["authority"], RunFileSchema.cleanServices(extras: []).header.dropLast().map { $0 },
                      RunFileSchema.ingestReturns(extras: []).header.reversed().map { $0 }])
    func foreignHeader(header: [String]) {
        #expect(RunFileSchema.cleanServices(header: header) == nil)
        #expect(RunFileSchema.ingestReturns(header: header) == nil)
    }

    @Test("file paths, resource names and column names are unique, names as Frictionless allows")
    func uniqueNames() {
        let schemas = [RunFileSchema.ingestReturns(extras: []), .ingestRejected,
                       .cleanServices(extras: []), .cleanRejected, .cleanFlags] + RunFileSchema.tables
        #expect(Set(schemas.map(\.path)).count == schemas.count)
        #expect(Set(schemas.map(\.resourceName)).count == schemas.count)
        for schema in schemas {
            #expect(schema.resourceName.allSatisfy { $0.isLowercase || $0.isNumber || "-._".contains($0) },
                    "\(schema.resourceName)")
            #expect(Set(schema.header).count == schema.header.count, "\(schema.path) repeats a column")
            #expect(Set(schema.primaryKey).isSubset(of: schema.header), "\(schema.path)")
            #expect(schema.columns.allSatisfy { !$0.description.isEmpty }, "\(schema.path)")
        }
    }

    @Test("every CSV the stages write has its schema's header and cells of the declared types",
          arguments: ["sample", "messy"])
    func writtenFilesMatchSchemas(run: String) throws {
        let scratch = try ScratchDirectory("run-file-schemas")
        defer { scratch.remove() }
        let directory = run == "sample" ? RunDirectoryFixture.sample : try RunDirectoryFixture.messy(into: scratch)
        let schemas = try DataPackage.files(inRunDirectory: directory).described
        let files = try RunDirectoryFixture.csvFiles(in: directory)
        #expect(schemas.map(\.path).sorted() == files)
        #expect(files.count == 20)  // 15, the three period tables (SPEC §11) and the model's two (SPEC §14)
        for schema in schemas {
            let bytes = try FileSystem.readBytes((directory as NSString).appendingPathComponent(schema.path))
            let records = try RunFileCSV(file: schema.path, hint: "").records(bytes)
            #expect(records.first?.cells == schema.header, "\(schema.path)")
            for record in records.dropFirst() {
                #expect(record.cells.count == schema.columns.count, "\(schema.path):\(record.line)")
                for (cell, column) in zip(record.cells, schema.columns) where !cell.isEmpty {
                    #expect(Self.holds(cell, column.type), "\(schema.path):\(record.line) `\(column.name)` = \(cell)")
                }
            }
        }
    }

    /// Whether `cell` is a lexical form of `type` (Table Schema v1 with `bareNumber`).
    static func holds(_ cell: String, _ type: RunFileColumn.FieldType) -> Bool {
        switch type {
        case .string: return true
        case .integer: return Int(cell) != nil
        case .number: return Double(cell).map(\.isFinite) ?? false
        case .boolean: return cell == "true" || cell == "false"
        }
    }
}
