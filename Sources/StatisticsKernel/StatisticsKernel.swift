// StatisticsKernel: the only importer of CLinearAlgebra (OpenBLAS + LAPACKE). Descriptives,
// order statistics, correlation and least-squares lines (moments from BLAS dsyrk on
// error-free slices, `CentredMoments`), the Student t distribution (regularized
// incomplete beta, `Elementary` functions), and the Poisson model of SPEC §14 (LAPACK's QR
// for its reweighted least-squares steps, refined in double-double, `PoissonRegression`).
// Every result is the same bits on every CPU, BLAS kernel, libm variant, thread count and
// build configuration (SPEC §6 "Reproducible arithmetic"). Public API takes and returns
// Swift arrays and structs; unsafe pointers stay inside the smallest scopes here.
