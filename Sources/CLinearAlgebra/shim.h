// Internal C shim: OpenBLAS's CBLAS interface and LAPACKE. No stable API; only the
// Numerics module imports it. Header paths come from `pkg-config openblas`.
#include <cblas.h>
#include <lapacke.h>
