#ifndef CRUCIBLE_CZLIB_SHIM_H
#define CRUCIBLE_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro; Swift can call this function form.
static inline int crucible_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
