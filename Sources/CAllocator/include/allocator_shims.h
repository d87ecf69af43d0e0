// Internal to vfm: the C allocator's one call Swift's Glibc module does not bring in
// (malloc.h). No stable API; used by VFMCore's FreedMemory only.
#ifndef VFM_ALLOCATOR_SHIMS_H
#define VFM_ALLOCATOR_SHIMS_H

#include <malloc.h>

/// glibc's malloc_trim(0): gives the pages of free memory inside the heap back to the
/// system (not only its top). Returns 1 if any memory was released.
static inline int vfm_malloc_trim(void) { return malloc_trim(0); }

#endif
