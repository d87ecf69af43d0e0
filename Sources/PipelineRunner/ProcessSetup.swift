import StatisticsKernel

/// What every `vfm` command does before any work.
public enum ProcessSetup {
    /// Pins OpenBLAS to one thread: `dsyrk`/`dgemm` results can differ in the last bit with
    /// the thread count, and outputs must be byte-identical on any machine (SPEC §6).
    public static func start() {
        LinearAlgebraRuntime.useSingleThread()
    }
}
