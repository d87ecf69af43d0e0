import ArgumentParser
import PipelineRunner
import VFMCore

/// The one way a command runs its work: set up the process, run, and turn a `VFMError`
/// into `error: <description>` on stderr and its sysexits status (SPEC §3). Usage errors
/// (`ValidationError`) never get here: ArgumentParser exits 64 for them.
enum CommandRuntime {
    /// `linearAlgebra`: the command computes statistics (OpenBLAS is opened first).
    static func run(linearAlgebra: Bool = false, _ body: () throws(VFMError) -> Void) throws {
        let status = ProcessSupervision.supervise { () -> Int32 in
            HeldUntilExit.isHolding = true
            do throws(VFMError) {
                try ProcessSetup.start(linearAlgebra: linearAlgebra)
                try body()
                return ExitStatus.ok.rawValue
            } catch {
                StageLog().error(error.description)
                return error.status.rawValue
            }
        }
        if status != ExitStatus.ok.rawValue { throw ExitCode(status) }
    }
}

enum HelpText {
    /// What `vfm-analyze` and `vfm-report` do with the derived columns they read.
    static let derivedColumns = """
        The derived columns of clean/services.csv (job_outcomes to support_level_index) are \
        checked to be numbers, then worked out again from the input columns, as vfm-clean \
        worked them out: editing one of them alone changes nothing.
        """

    /// The exit-status table every `--help` ends with.
    static let exitCodes = """
        Exit status (sysexits):
          0   ok (rows rejected individually are not a failure)
          64  wrong command line
          65  input unusable (no header, missing column, bad encoding, no valid row),
              or --fail-on tripped
          66  input or run-directory file missing or unreadable (or not a regular file)
          71  out of memory or of file descriptors under a limit (ulimit, cgroup)
          73  cannot create the output
          74  I/O error, e.g. disk full
          75  another run holds the lock on this output (vfm run)
          78  bad pipeline definition
        """
}
