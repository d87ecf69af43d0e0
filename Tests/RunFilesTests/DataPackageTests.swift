import Foundation
import PipelineDefinition
import Returns
import RunFiles
import Tabular
import Testing
import VFMCore
import VFMTestSupport

@Suite("datapackage.json describes every CSV of a run from its schema")
struct DataPackageTests {
    /// The resource of `schema` as Foundation's JSON reader reads it back.
    static func resource(_ schema: RunFileSchema) throws -> [String: Any] {
        let text = DataPackage.document([schema]).rendered
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(package["profile"] as? String == "tabular-data-package")
        let resources = try #require(package["resources"] as? [[String: Any]])
        return try #require(resources.first)
    }

    @Test("a resource is a UTF-8 CSV tabular data resource at the file's path, empty cells missing")
    func resourceProperties() throws {
        let resource = try Self.resource(.valueForMoney)
        #expect(resource["name"] as? String == "tables-value_for_money")
        #expect(resource["path"] as? String == "tables/value_for_money.csv")
        #expect(resource["profile"] as? String == "tabular-data-resource")
        #expect(resource["format"] as? String == "csv" && resource["mediatype"] as? String == "text/csv")
        #expect(resource["encoding"] as? String == "utf-8")
        let schema = try #require(resource["schema"] as? [String: Any])
        #expect(schema["missingValues"] as? [String] == [""])
        #expect(schema["primaryKey"] as? [String] == ["group"])
        #expect(schema["foreignKeys"] == nil)
    }

    @Test("each field has the column's name, type, description, role and unit, in header order")
    func fields() throws {
        let schema = try #require(try Self.resource(.valueForMoneyBasis)["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: String]])
        #expect(fields.map { $0["name"] } == RunFileSchema.valueForMoneyBasis.header)
        #expect(fields[0] == ["name": "group", "type": "string", "role": "key",
                              "description": RunFileSchema.valueForMoneyBasis.columns[0].description])
        #expect(fields[1]["type"] == "integer" && fields[1]["unit"] == nil)
        #expect(fields[2]["type"] == "number" && fields[2]["unit"] == "GBP" && fields[2]["role"] == "figure")
        #expect(fields[3]["unit"] == "people")
    }

    @Test("flags point at their services by source; a table with repeatable keys has no primary key")
    func keys() throws {
        let flags = try #require(try Self.resource(.cleanFlags)["schema"] as? [String: Any])
        #expect(flags["primaryKey"] == nil)
        let foreignKeys = try #require(flags["foreignKeys"] as? [[String: Any]])
        #expect(foreignKeys.count == 1)
        #expect(foreignKeys[0]["fields"] as? [String] == ["source"])
        let reference = try #require(foreignKeys[0]["reference"] as? [String: Any])
        #expect(reference["resource"] as? String == "clean-services")
        #expect(reference["fields"] as? [String] == ["source"])
        let services = try #require(try Self.resource(.cleanServices(extras: ["region"]))["schema"] as? [String: Any])
        #expect(services["primaryKey"] as? [String] == ["source"])
        let benchmark = try #require(try Self.resource(.benchmark)["schema"] as? [String: Any])
        #expect(benchmark["primaryKey"] == nil)
    }

    @Test("the committed sample's datapackage.json is what its CSV files' schemas give, and is in its manifest")
    func committedSample() throws {
        let directory = RunDirectoryFixture.sample
        let written = try String(contentsOfFile: directory + "/" + RunLayout.dataPackage, encoding: .utf8)
        #expect(written == DataPackage.document(try DataPackage.files(inRunDirectory: directory).described).rendered)
        let manifest = try String(contentsOfFile: directory + "/" + RunLayout.manifest, encoding: .utf8)
        #expect(manifest.contains("\"path\": \"\(RunLayout.dataPackage)\""))
    }

    @Test("the stages run by hand describe the files written so far, the services' extra columns included")
    func stagesSoFar() throws {
        let scratch = try ScratchDirectory("datapackage-stages")
        defer { scratch.remove() }
        let directory = try RunDirectoryFixture.messy(into: scratch)
        try DataPackage.write(runDirectory: directory)
        let text = try String(contentsOfFile: directory + "/" + RunLayout.dataPackage, encoding: .utf8)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["path"] as? String }.sorted() == (try RunDirectoryFixture.csvFiles(in: directory)))
        let services = try #require(resources.first { $0["path"] as? String == RunLayout.cleanServices })
        let fields = try #require((services["schema"] as? [String: Any])?["fields"] as? [[String: String]])
        #expect(fields.contains { $0["name"] == "region" && $0["type"] == "string" })
    }

    @Test("a run file whose header is not the writer's is left out of the package, not described by a guess")
    func foreignHeader() throws {
        let scratch = try ScratchDirectory("datapackage-foreign")
        defer { scratch.remove() }
        try FileSystem.createDirectory(scratch.appending("clean").path)
        try FileSystem.createDirectory(scratch.appending("tables").path)
        try FileSystem.write("authority,service\nA,B\n", to: scratch.appending(RunLayout.cleanServices).path)
        try FileSystem.write("source_file,line\n", to: scratch.appending(RunLayout.cleanRejected).path)
        try FileSystem.write(RunFileSchema.bands.header.joined(separator: ",") + "\n",
                             to: scratch.appending(RunLayout.bands).path)
        let files = try DataPackage.files(inRunDirectory: scratch.url.path)
        #expect(files.described == [.bands])
        #expect(files.leftOut == [RunLayout.cleanServices, RunLayout.cleanRejected])
    }

    @Test("a run file whose header cannot be read is a damaged run (65) naming the file")
    func unreadableHeader() throws {
        let scratch = try ScratchDirectory("datapackage-damaged")
        defer { scratch.remove() }
        try FileSystem.createDirectory(scratch.appending("tables").path)
        try FileSystem.write("group,\"n\n", to: scratch.appending(RunLayout.outcomeMix).path)
        do {
            _ = try DataPackage.files(inRunDirectory: scratch.url.path)
            Issue.record("an unterminated quote in the header was not reported")
        } catch {
            #expect(error.status == .dataError && error.file == RunLayout.outcomeMix)
        }
    }

    @Test("after ingest alone the package holds the ingest files, extra columns under the names their header holds")
    func ingestOnly() throws {
        let scratch = try ScratchDirectory("datapackage-ingest")
        defer { scratch.remove() }
        // Extra columns named like formulas, with a comma, with a line break.
        let input = FixturePaths.fixture("messy/headers/hostile-extra-columns.csv").path
        let directory = scratch.appending("run").path
        let log = StageLog(quiet: true)
        try IngestStage.run(inputs: [input], pipeline: PipelineDefinition.builtIn().definition, log: log)
            .write(toRunDirectory: directory)
        let schemas = try DataPackage.files(inRunDirectory: directory).described
        #expect(schemas.map(\.path) == [RunLayout.ingestReturns, RunLayout.ingestRejected])
        // Ingest orders the extra columns by header key (`ExtraColumnUnion`); they are written neutralised.
        #expect(Array(schemas[0].header.dropFirst(RunFileSchema.canonicalReturnColumns.count).dropLast(2))
                == ["line\nbreak", "'=Region", "weird, name", "'-x"])
        let matched = try #require(RunFileSchema.ingestReturns(header: schemas[0].header))
        #expect(matched.extras == ["line\nbreak", "=Region", "weird, name", "-x"])
    }
}
