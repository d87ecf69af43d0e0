// swift-tools-version:6.1
// The value-for-money pipeline for employment-support returns (NDTi 2014, Section 5).
// Layering (data flows one way): VFMCore → Tabular → RunFiles → PipelineDefinition → Returns →
// Cleaning → Analysis / Survey → Reporting → PipelineRunner, with StatisticsKernel (the only user of
// OpenBLAS/LAPACKE) underneath. Executables are one thin @main file each.
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]
let linkMath: [LinkerSetting] = [.linkedLibrary("m", .when(platforms: [.linux]))]

let package = Package(
    name: "vfm",
    products: [
        .executable(name: "vfm", targets: ["vfm"]),
        .executable(name: "vfm-ingest", targets: ["vfm-ingest"]),
        .executable(name: "vfm-clean", targets: ["vfm-clean"]),
        .executable(name: "vfm-analyze", targets: ["vfm-analyze"]),
        .executable(name: "vfm-report", targets: ["vfm-report"]),
        .executable(name: "vfm-diff", targets: ["vfm-diff"]),
        // For the fuzzing harnesses in Fuzz/ (their own package); not a stable API.
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "Returns", targets: ["Returns"]),
        .library(name: "PipelineDefinition", targets: ["PipelineDefinition"]),
        .library(name: "PipelineRunner", targets: ["PipelineRunner"]),
        .library(name: "Workbook", targets: ["Workbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // SHA-256 for provenance and the up-to-date check (BoringSSL's assembly, ~10× our own).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // OrderedSet (first-seen order without a hand-kept Set beside an Array).
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The CBLAS + LAPACKE types and constants; OpenBLAS and LAPACKE themselves (Debian's
        // libopenblas0, liblapacke) are opened at run time by StatisticsKernel.
        .systemLibrary(name: "CLinearAlgebra"),
        // prctl, posix_spawn + sigwait, getrlimit: what the process supervisor needs from C.
        .target(name: "CProcessShims"),
        // malloc_trim (malloc.h), for giving back the pages a million freed rows leave.
        .target(name: "CAllocator"),
        .target(name: "VFMCore", dependencies: [.product(name: "Crypto", package: "swift-crypto"), "CAllocator"],
                swiftSettings: swiftSettings),
        .target(name: "StatisticsKernel", dependencies: ["CLinearAlgebra"],
                swiftSettings: swiftSettings, linkerSettings: linkMath),
        .target(name: "Tabular", dependencies: ["VFMCore"], swiftSettings: swiftSettings),
        // The run directory's own files: one schema per run CSV (SPEC §13), the row types'
        // protocol, manifest.json and datapackage.json. Between the CSV layer and the stages,
        // so the stages' writers and readers take their headers from it.
        .target(name: "RunFiles", dependencies: ["VFMCore", "Tabular"], swiftSettings: swiftSettings),
        // The built-in pipeline is compiled in (BuiltInPipeline.swift), not a resource bundle:
        // `make install` copies bare binaries, and Bundle.module would trap without its bundle.
        .target(name: "PipelineDefinition", dependencies: ["VFMCore", "Tabular"], swiftSettings: swiftSettings),
        // zlib from Debian's zlib1g-dev, for the workbook reader's raw inflate.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxml2 from Debian's libxml2-dev, for the workbook reader's parts (SAX2 push parser).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev", "pkg-config"])]),
        // .xlsx workbooks: our ZIP directory reader over zlib, libxml2's SAX2 parser for the parts.
        .target(name: "Workbook", dependencies: ["CZlib", "CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "Returns", dependencies: [.product(name: "OrderedCollections", package: "swift-collections"), "VFMCore", "Tabular", "RunFiles", "PipelineDefinition", "Workbook"],
                swiftSettings: swiftSettings),
        .target(name: "Cleaning", dependencies: ["VFMCore", "Tabular", "RunFiles", "Returns", "StatisticsKernel", "PipelineDefinition"],
                swiftSettings: swiftSettings),
        // The commissioners' national spending survey (SPEC §12, study Section 4): its
        // ingest, clean stage and tables, over the service returns' cell readers.
        .target(name: "Survey", dependencies: ["VFMCore", "Tabular", "RunFiles", "PipelineDefinition", "Returns", "Cleaning",
                                               "StatisticsKernel", "Workbook"],
                swiftSettings: swiftSettings),
        .target(name: "Analysis", dependencies: ["VFMCore", "Tabular", "RunFiles", "Cleaning", "StatisticsKernel", "PipelineDefinition"],
                swiftSettings: swiftSettings),
        .target(name: "Reporting", dependencies: [.product(name: "OrderedCollections", package: "swift-collections"), "VFMCore", "Tabular", "RunFiles", "Returns", "Cleaning", "Analysis", "Survey", "StatisticsKernel", "PipelineDefinition"],
                swiftSettings: swiftSettings),
        .target(name: "RunDiff", dependencies: [.product(name: "OrderedCollections", package: "swift-collections"), "VFMCore", "Tabular", "RunFiles", "PipelineDefinition"],
                swiftSettings: swiftSettings),
        .target(name: "PipelineRunner",
                dependencies: ["VFMCore", "Tabular", "RunFiles", "PipelineDefinition", "Returns", "Cleaning", "Analysis", "Reporting", "Survey",
                               "StatisticsKernel", "CProcessShims"],
                swiftSettings: swiftSettings),
        .target(name: "StageCommands",
                dependencies: ["PipelineRunner", "Reporting", "Returns", "Survey", "VFMCore",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")],
                swiftSettings: swiftSettings),

        .executableTarget(name: "vfm", dependencies: ["StageCommands"], swiftSettings: swiftSettings),
        .executableTarget(name: "vfm-ingest", dependencies: ["StageCommands"], swiftSettings: swiftSettings),
        .executableTarget(name: "vfm-clean", dependencies: ["StageCommands"], swiftSettings: swiftSettings),
        .executableTarget(name: "vfm-analyze", dependencies: ["StageCommands"], swiftSettings: swiftSettings),
        .executableTarget(name: "vfm-report", dependencies: ["StageCommands"], swiftSettings: swiftSettings),
        .executableTarget(name: "vfm-diff",
                          dependencies: ["RunDiff", "VFMCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: swiftSettings),

        // Shared by every test target: fixture paths, running the built executables.
        .target(name: "VFMTestSupport", dependencies: ["VFMCore"], path: "Tests/VFMTestSupport",
                swiftSettings: swiftSettings),
        .testTarget(name: "VFMCoreTests", dependencies: ["VFMCore"], swiftSettings: swiftSettings),
        .testTarget(name: "StatisticsKernelTests", dependencies: ["StatisticsKernel", "VFMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "RunFilesTests", dependencies: ["RunFiles", "Returns", "Cleaning", "Analysis", "VFMTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "TabularTests", dependencies: ["Tabular", "VFMTestSupport",
                                                         .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "ReturnsTests", dependencies: ["RunFiles", "Returns", "VFMTestSupport",
                                                         .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "VFMTestSupport",
                                                          .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "CleaningTests", dependencies: ["RunFiles", "Cleaning", "VFMTestSupport",
                                                          .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnalysisTests", dependencies: ["RunFiles", "Analysis", "PipelineDefinition", "StatisticsKernel", "VFMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "RunFiles", "VFMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "RunDiffTests", dependencies: ["RunFiles", "RunDiff", "VFMTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SurveyTests", dependencies: ["Survey", "PipelineDefinition", "Returns", "RunFiles", "Tabular",
                                                        "VFMCore", "VFMTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["PipelineRunner", "Tabular", "RunFiles", "VFMTestSupport", "CProcessShims"],
                    swiftSettings: swiftSettings),
    ]
)
