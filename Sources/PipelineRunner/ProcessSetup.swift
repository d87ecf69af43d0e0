import StatisticsKernel
import VFMCore

/// What every `vfm` command does before any work.
public enum ProcessSetup {
    /// Pins OpenBLAS to one thread: `dsyrk`/`dgemm` results can differ in the last bit with
    /// the thread count, and outputs must be byte-identical on any machine (SPEC §6).
    /// Under a memory limit, also makes OpenBLAS take its work buffer now, so that running
    /// out of memory is an error here rather than an endless retry inside OpenBLAS later
    /// (see `LinearAlgebraRuntime.reserveWorkBuffer`).
    /// - Throws: `.osError` (71) when the memory for that buffer is not to be had.
    public static func start() throws(VFMError) {
        LinearAlgebraRuntime.useSingleThread()
        guard let limit = ProcessSupervision.memoryLimitText() else { return }
        guard LinearAlgebraRuntime.reserveWorkBuffer() else {
            throw VFMError(.osError, "out of memory: OpenBLAS needs a 128 MiB work buffer and the memory limit of \(limit) leaves too little",
                           hint: "give the job more memory and run again; nothing was written")
        }
    }
}
