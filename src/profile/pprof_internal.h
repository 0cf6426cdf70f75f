/* pprof_internal: what pprof.c and pprof_legacy.c share (not part of the public API). */
#ifndef GOMEM_PROFILE_PPROF_INTERNAL_H
#define GOMEM_PROFILE_PPROF_INTERNAL_H

#include "pprof.h"

/* True when the data starts (after blank lines) with "heap profile:". */
bool prof_is_legacy_heap(const uint8_t *data, size_t len);
/* True when the first bytes are printable text (for a clearer error message). */
bool prof_looks_like_text(const uint8_t *data, size_t len);
/* Decodes runtime/pprof's debug=1 heap text into p (whose arena is initialised). */
bool prof_parse_legacy_heap(Profile *p, const char *text, size_t len, char **err);

#endif
