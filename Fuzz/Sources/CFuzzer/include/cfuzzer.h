// libFuzzer's entry point for programs that keep their own main (compiler-rt
// FuzzerInterface.h). Provided by -sanitize=fuzzer.
#ifndef VFM_CFUZZER_H
#define VFM_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
