// The bare OpenBLAS product the scoring benchmark compares Tandem's whole
// scoring step with, called directly as NumPy would, not through Tandem.
#include <cblas.h>
