// The only C that Tandem sees: OpenBLAS's CBLAS interface and LAPACKE.
// Debian installs cblas.h into the openblas-pthread include folder that
// pkg-config names, and lapacke.h into /usr/include.
#include <cblas.h>
#include <lapacke.h>
