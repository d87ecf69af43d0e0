import StatisticsKernel
import VFMCore
internal import CProcessShims

/// What every `vfm` command does before any work.
public enum ProcessSetup {
    /// Pins OpenBLAS to one thread: `dsyrk`/`dgemm` results can differ in the last bit with
    /// the thread count, and outputs must be byte-identical on any machine (SPEC §6).
    /// Under a memory limit, also makes OpenBLAS take its work buffer now, so that running
    /// out of memory is an error here rather than an endless retry inside OpenBLAS later
    /// (see `LinearAlgebraRuntime.reserveWorkBuffer`).
    /// Under a memory limit, too, every thread allocates from one malloc arena: glibc gives
    /// each new thread (the analysis's workers, the background writer) an arena of its own,
    /// reserving 64 MiB of address space apiece, which `ulimit -v` counts — a 10⁵-row run
    /// that fitted in 512 MiB stopped fitting once the stages used two cores. The parallel
    /// work allocates few, large blocks (mapped directly), so sharing an arena costs nothing.
    /// - Throws: `.osError` (71) when the memory for that buffer is not to be had.
    public static func start() throws(VFMError) {
        LinearAlgebraRuntime.useSingleThread()
        guard let limit = ProcessSupervision.memoryLimitText() else { return }
        _ = vfm_use_one_malloc_arena()
        guard LinearAlgebraRuntime.reserveWorkBuffer() else {
            throw VFMError(.osError, "out of memory: OpenBLAS needs a 128 MiB work buffer and the memory limit of \(limit) leaves too little",
                           hint: "give the job more memory and run again; nothing was written")
        }
    }
}
