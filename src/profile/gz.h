/*
 * gz: gzip detection and inflation with a cap on the output size (zlib). A decompression
 * bomb stops at the cap with an error instead of exhausting memory; truncated or corrupt
 * streams report the compressed byte offset where zlib gave up.
 */
#ifndef GOMEM_PROFILE_GZ_H
#define GOMEM_PROFILE_GZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool gz_is_gzip(const uint8_t *data, size_t len);
/* Inflates a gzip stream (concatenated members are joined, as Go's gzip reader does).
 * On success *out is a heap buffer (free it) of *outlen bytes plus a NUL. On failure
 * returns false with *err a heap string. */
bool gz_inflate(const uint8_t *data, size_t len, uint64_t cap, uint8_t **out, size_t *outlen, char **err);

#endif
