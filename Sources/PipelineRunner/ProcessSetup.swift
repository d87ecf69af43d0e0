import StatisticsKernel
import VFMCore
internal import CProcessShims

/// What every `vfm` command does before any work.
public enum ProcessSetup {
    /// Opens OpenBLAS and pins it to one thread, for a command that computes statistics
    /// (`linearAlgebra`): `dsyrk` results can differ in the last bit with the thread count,
    /// and outputs must be byte-identical on any machine (SPEC §6). Other commands never
    /// load it (`LinearAlgebraLibrary`).
    /// Under a memory limit, such a command also makes OpenBLAS take its work buffer now,
    /// so that running out of memory is an error here rather than an endless retry inside
    /// OpenBLAS later (see `LinearAlgebraRuntime.reserveWorkBuffer`).
    /// Under a memory limit, too, every thread allocates from one malloc arena: glibc gives
    /// each new thread (the analysis's workers, the background writer) an arena of its own,
    /// reserving 64 MiB of address space apiece, which `ulimit -v` counts — a 10⁵-row run
    /// that fitted in 512 MiB stopped fitting once the stages used two cores. The parallel
    /// work allocates few, large blocks (mapped directly), so sharing an arena costs nothing.
    /// - Throws: `.osError` (71) when OpenBLAS or LAPACKE cannot be opened, or the memory
    ///   for that buffer is not to be had.
    public static func start(linearAlgebra: Bool) throws(VFMError) {
        let limit = ProcessSupervision.memoryLimitText()
        if linearAlgebra {
            do {
                try LinearAlgebraRuntime.load()
            } catch {
                // Under a memory limit the loader fails to map the library ("failed to map
                // segment"): that is the limit, not a missing library.
                if let limit {
                    throw VFMError(.osError, "out of memory: OpenBLAS cannot be loaded within the memory limit of \(limit) (\(error.reason))",
                                   hint: "give the job more memory and run again; nothing was written")
                }
                throw VFMError(.osError, "the statistics need OpenBLAS and LAPACKE, which cannot be opened (\(error.reason))",
                               hint: "install them (Debian: apt-get install libopenblas0 liblapacke; make deps does this) and run again; nothing was written")
            }
        }
        guard let limit else { return }
        _ = vfm_use_one_malloc_arena()
        guard !linearAlgebra || LinearAlgebraRuntime.reserveWorkBuffer() else {
            throw VFMError(.osError, "out of memory: OpenBLAS needs a 128 MiB work buffer and the memory limit of \(limit) leaves too little",
                           hint: "give the job more memory and run again; nothing was written")
        }
    }
}
