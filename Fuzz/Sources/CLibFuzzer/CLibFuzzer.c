// The declaration in include/CLibFuzzer.h is the whole target; the runtime
// that defines it is linked by `-sanitize=fuzzer`.
#include "CLibFuzzer.h"
