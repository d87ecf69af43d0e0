// swift-tools-version:6.1
// libFuzzer harnesses for vfm (issue 19). Not part of `make test`: `make fuzz` builds this
// package with -sanitize=fuzzer,address into .build-fuzz and runs each target for a while.
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzDriver"] + dependencies, swiftSettings: swiftSettings)
}

let package = Package(
    name: "vfm-fuzz",
    dependencies: [.package(name: "vfm", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzDriver", dependencies: ["CFuzzer"], swiftSettings: swiftSettings),
        harness("fuzz-csv", [.product(name: "Tabular", package: "vfm")]),
        harness("fuzz-ingest", [.product(name: "Returns", package: "vfm"),
                                .product(name: "PipelineDefinition", package: "vfm")]),
        harness("fuzz-pipeline", [.product(name: "PipelineDefinition", package: "vfm")]),
        harness("fuzz-run", [.product(name: "PipelineRunner", package: "vfm")]),
        harness("fuzz-runfiles", [.product(name: "PipelineRunner", package: "vfm")]),
        harness("fuzz-xlsx", [.product(name: "Workbook", package: "vfm")]),
    ]
)
