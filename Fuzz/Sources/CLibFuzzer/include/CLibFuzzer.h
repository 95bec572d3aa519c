#ifndef TANDEM_C_LIB_FUZZER_H
#define TANDEM_C_LIB_FUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links): parses
/// libFuzzer's own options from argv and calls `callback` with each input.
/// Called from `main` so the program can read its own first argument.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
