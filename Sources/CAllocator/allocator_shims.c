// The header's one function is inline; this file gives the target something to build.
#include "allocator_shims.h"
