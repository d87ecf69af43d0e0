// StatisticsKernel: the only importer of CLinearAlgebra (OpenBLAS + LAPACKE). Descriptives,
// order statistics, correlation (BLAS dsyrk), least squares (LAPACKE dgels), and the
// Student t distribution (regularized incomplete beta). Public API takes and returns
// Swift arrays and structs; unsafe pointers stay inside the smallest scopes here.
