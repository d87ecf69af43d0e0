// Internal C shim: zlib's raw inflate for the workbook reader's ZIP parts. No stable API;
// only Workbook's `RawInflater` imports it. From Debian's zlib1g-dev (`pkg-config zlib`).
#include <zlib.h>
