#ifndef CRUCIBLE_CPYTHON_SHIM_H
#define CRUCIBLE_CPYTHON_SHIM_H
// features.h first: without it, clean builds see two different definitions of fd_set.
#include <features.h>
#define PY_SSIZE_T_CLEAN
#include <Python.h>

// Start the next interpreter without the `site` module (Swift 6 cannot write a C global directly).
static inline void crucible_python_disable_site(void) { Py_NoSiteFlag = 1; }
#endif
