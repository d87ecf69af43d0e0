import Foundation

/// What a finished command did.
public struct ExecutionResult: Sendable, CustomStringConvertible {
    /// Exit status, or the signal number when `killedBySignal`.
    public var status: Int32
    public var killedBySignal: Bool
    public var stdout: String
    public var stderr: String

    public var description: String {
        "\(killedBySignal ? "signal" : "status") \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Errors of the helper itself (not of the command under test).
public struct ExecuteCommandError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// A command started with `ExecuteCommand.launch`: stdout and stderr go to files, so a test
/// can watch stderr while the command runs (e.g. for a test hook's "paused" line) and no
/// pipe can fill up and block it.
public final class RunningCommand: @unchecked Sendable {
    private let process: Process
    private let outputDirectory: URL

    init(process: Process, outputDirectory: URL) {
        self.process = process
        self.outputDirectory = outputDirectory
    }

    public var pid: Int32 { process.processIdentifier }

    public var stderrSoFar: String { read("stderr") }

    /// Polls stderr until it contains `text`; `false` after `timeout` or if the command ended first.
    public func waitForStderr(containing text: String, timeout: Duration = .seconds(60)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stderrSoFar.contains(text) { return true }
            if !process.isRunning { return stderrSoFar.contains(text) }
            usleep(20_000)
        }
        return false
    }

    public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the command to end and collects what it wrote.
    public func wait() -> ExecutionResult {
        process.waitUntilExit()
        let result = ExecutionResult(status: process.terminationStatus,
                                     killedBySignal: process.terminationReason == .uncaughtSignal,
                                     stdout: read("stdout"), stderr: read("stderr"))
        try? FileManager.default.removeItem(at: outputDirectory)
        return result
    }

    private func read(_ name: String) -> String {
        let data = FileManager.default.contents(atPath: outputDirectory.appendingPathComponent(name).path) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs the package's built executables for end-to-end tests, capturing stdout, stderr and
/// the exit status.
public enum ExecuteCommand {
    /// Runs `executable` (e.g. `"vfm"`) to completion.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           currentDirectory: URL? = nil) throws -> ExecutionResult {
        try launch(executable, arguments, environment: environment, currentDirectory: currentDirectory).wait()
    }

    /// Starts `executable` and returns at once. `environment` is added to this process's
    /// environment, minus the `vfm` test hooks unless given here.
    public static func launch(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                              currentDirectory: URL? = nil) throws -> RunningCommand {
        guard let url = BuiltProducts.executable(executable) else {
            throw ExecuteCommandError(description: "`\(executable)` is not built (looked in \(BuiltProducts.directory?.path ?? "nowhere")); run `swift build` or set VFM_BIN_DIR")
        }
        return try launch(url, arguments, environment: environment, currentDirectory: currentDirectory)
    }

    /// Runs any program (e.g. `/usr/bin/script`, to give a command a terminal) to completion.
    public static func run(_ url: URL, _ arguments: [String], environment: [String: String] = [:],
                           currentDirectory: URL? = nil) throws -> ExecutionResult {
        try launch(url, arguments, environment: environment, currentDirectory: currentDirectory).wait()
    }

    static func launch(_ url: URL, _ arguments: [String], environment: [String: String],
                       currentDirectory: URL?) throws -> RunningCommand {
        let outputDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vfm-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let stdoutURL = outputDirectory.appendingPathComponent("stdout")
        let stderrURL = outputDirectory.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: stdoutURL.path, contents: nil),
              FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        else { throw ExecuteCommandError(description: "cannot create capture files in \(outputDirectory.path)") }

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("VFM_TEST_") }
        merged.merge(environment) { _, new in new }
        process.environment = merged
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        return RunningCommand(process: process, outputDirectory: outputDirectory)
    }
}
