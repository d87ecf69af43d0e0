import CFuzzer

/// Runs libFuzzer on `body` and exits with its status.
///
/// SwiftPM links an executable with `--defsym main=<Module>_main`, so a harness cannot let
/// libFuzzer's own `main` in; each harness's `main.swift` calls this instead, which hands
/// the process's arguments to `LLVMFuzzerRunDriver` (libFuzzer's documented entry point
/// for programs with their own `main`). A crash, a sanitizer report, a leak or a timeout
/// makes libFuzzer exit non-zero, which `make fuzz` turns into a failure.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: ([UInt8]) -> Void = { _ in }

    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
            argvPointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
                LLVMFuzzerRunDriver(&argc, $0) { data, size in
                    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                    FuzzDriver.body(bytes)
                    return 0
                }
            }
        }
        exit(status)
    }
}

@_silgen_name("exit") private func exit(_ status: Int32) -> Never
