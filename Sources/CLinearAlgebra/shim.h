// Internal: the types and constants of the CBLAS and LAPACKE interfaces (as OpenBLAS's
// cblas.h and lapacke.h declare them, with 32-bit integers: Debian's libopenblas0 and
// liblapacke) that StatisticsKernel passes to the functions it opens at run time
// (LinearAlgebraLibrary). No function is declared or linked here: the libraries are
// opened only by the commands that compute statistics. No stable API.
typedef int blasint;
typedef enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 } CBLAS_ORDER;
typedef enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 } CBLAS_TRANSPOSE;
typedef enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 } CBLAS_UPLO;
#define LAPACK_COL_MAJOR 102
