/* fuzz.h - what the fuzz targets share: libFuzzer's entry point (each
 * target defines it; libFuzzer or replay.c calls it) and a file that holds
 * the input, for the loaders that read a path. */
#ifndef DNSTRIAGE_TESTS_FUZZ_H
#define DNSTRIAGE_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path ("/proc/self/fd/N") to an in-memory file that holds exactly
 * data; the same file is reused by every call. Aborts if it cannot. */
const char *fuzz_input_file(const uint8_t *data, size_t size);

#endif
