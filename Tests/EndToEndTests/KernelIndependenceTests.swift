import Foundation
import Testing
import VFMTestSupport

/// SPEC §6 "Reproducible arithmetic": the same bytes whatever BLAS kernel OpenBLAS picks,
/// whatever libm variant glibc picks, and whatever the thread count.
///
/// The built `vfm` runs the whole pipeline on the sample and on the arithmetic-stress
/// fixtures (`Fixtures/numerics/make_returns.py`) and the model fixture (`Fixtures/model/returns-model.csv`,
/// whose LAPACK least-squares steps end in different last bits on Prescott, Sandybridge and
/// Haswell before the refinement, SPEC §14) once as the machine chooses and once per
/// configuration below; every output file must be byte-identical. `VFM_KERNEL_MATRIX=full`
/// adds every other x86-64 core OpenBLAS 0.3 knows (slow: each is three whole runs).
@Suite("outputs independent of the BLAS kernel and libm variant", .serialized)
struct KernelIndependenceTests {
    struct Configuration: CustomTestStringConvertible, Sendable {
        var label: String
        var environment: [String: String]
        /// The OpenBLAS core requested, if any (checked against what OpenBLAS reports).
        var core: String?
        var testDescription: String { label }
    }

    /// The kernels SPEC §6 names, then the rest of OpenBLAS's x86-64 cores on request.
    static let namedCores = ["Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen", "SkylakeX", "Cooperlake"]
    static let moreCores = ["Core2", "Penryn", "Dunnington", "Atom", "Opteron", "Barcelona", "Bulldozer",
                            "Piledriver", "Steamroller", "Excavator"]
    /// Cores whose kernels use AVX-512: on a CPU without it they die of SIGILL.
    static let avx512Cores: Set<String> = ["SkylakeX", "Cooperlake", "SapphireRapids"]

    static let inputs = ["returns/sample-70.csv", "numerics/numacc-returns.csv", "numerics/linear-returns.csv",
                         "model/returns-model.csv"]

    static let cpuHasAVX512: Bool = {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        return info.split(separator: "\n").contains { $0.hasPrefix("flags") && $0.split(separator: " ").contains("avx512f") }
    }()

    static var cores: [String] {
        namedCores + (ProcessInfo.processInfo.environment["VFM_KERNEL_MATRIX"] == "full" ? moreCores : [])
    }

    /// Every configuration this machine can run; `skipped` says why the others are not.
    static let runnable: [Configuration] = {
        var configurations = cores.filter { cpuHasAVX512 || !avx512Cores.contains($0) }.map {
            Configuration(label: "OPENBLAS_CORETYPE=\($0)", environment: ["OPENBLAS_CORETYPE": $0, "OPENBLAS_VERBOSE": "2"], core: $0)
        }
        configurations.append(Configuration(label: "GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F",
                                            environment: ["GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F"]))
        configurations.append(Configuration(label: "OPENBLAS_NUM_THREADS=2", environment: ["OPENBLAS_NUM_THREADS": "2"]))
        return configurations
    }()

    /// The outputs of one run per input under `environment`, keyed by input.
    static func outputs(environment: [String: String], label: String) throws -> (snapshots: [String: DirectorySnapshot], stderr: String) {
        let scratch = try ScratchDirectory("vfm-kernel")
        defer { scratch.remove() }
        var snapshots: [String: DirectorySnapshot] = [:]
        var stderr = ""
        for input in inputs {
            let output = scratch.appending(URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent)
            let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--force", "--input",
                                                        FixturePaths.fixture(input).path, "--output", output.path],
                                                environment: environment)
            guard result.status == 0, !result.killedBySignal else {
                throw ExecuteCommandError(description: "\(label) on \(input): \(result)")
            }
            snapshots[input] = DirectorySnapshot(of: output)
            stderr += result.stderr
        }
        return (snapshots, stderr)
    }

    /// The reference: the machine's own choice of kernel and libm, one thread.
    static let baseline: Result<[String: DirectorySnapshot], any Error> = Result {
        try outputs(environment: [:], label: "baseline").snapshots
    }

    @Test("every output byte is the same as the machine's own choice", arguments: runnable)
    func sameBytes(configuration: Configuration) throws {
        let reference = try Self.baseline.get()
        let run = try Self.outputs(environment: configuration.environment, label: configuration.label)
        if let core = configuration.core {
            // OpenBLAS says which core it loaded; an unknown name falls back to the CPU's own.
            let loaded = run.stderr.contains("Core: \(core)")
            let refused = run.stderr.contains("Core not found: \(core)")
            #expect(loaded || refused, "OpenBLAS did not report loading \(core): \(run.stderr.prefix(400))")
        }
        for input in Self.inputs {
            let expected = try #require(reference[input])
            let actual = try #require(run.snapshots[input])
            #expect(actual.paths == expected.paths, "\(configuration.label), \(input): different files")
            // SPEC §14's tables are among the files compared (the model is fitted on every input).
            #expect(expected.paths.contains("tables/model.csv") && expected.paths.contains("tables/model_fit.csv"))
            for path in expected.paths where actual.files[path] != expected.files[path] {
                Issue.record("\(configuration.label), \(input): \(path) differs from the machine's default run")
            }
        }
    }

    @Test("only kernels that need AVX-512 on a CPU without it are left out")
    func skippedOnlyForAVX512() {
        let skipped = Set(Self.cores).subtracting(Self.runnable.compactMap(\.core))
        #expect(skipped.isSubset(of: Self.avx512Cores))
        if Self.cpuHasAVX512 { #expect(skipped.isEmpty) }
    }
}
