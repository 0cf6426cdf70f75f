/*
 * linereader: lines from a file or stdin through a fixed buffer, for the streaming parsers
 * (goroutine dumps, gctrace logs). Memory stays at the buffer size whatever the input: a
 * line longer than LR_MAX_LINE is cut to that length (the rest is skipped) and counted.
 * Gzip-compressed input (a rotated log, a saved dump) is inflated on the fly (zlib), so it too
 * streams in bounded memory; concatenated gzip members are read one after the other.
 */
#ifndef GOMEM_PROFILE_LINEREADER_H
#define GOMEM_PROFILE_LINEREADER_H

#include "base/base.h"

enum { LR_MAX_LINE = 1 << 20 };

typedef struct LineReader {
	FILE *f;
	bool own;          /* opened by lr_open: closed by lr_close */
	char *buf;
	size_t start, end; /* unread bytes are buf[start..end) */
	bool eof, error;
	int err_no;        /* errno of a failed read (error without errmsg) */
	bool last_mid;     /* the last line returned had no newline */
	bool skipping;     /* the tail of a too-long line is still to be skipped */
	uint64_t long_lines;
	uint64_t bytes;    /* input bytes read (compressed bytes for gzip input) */
	bool gz;           /* the input is gzip-compressed */
	void *zs;          /* z_stream, when gz */
	unsigned char *zbuf;
	size_t zlen, zoff;
	char *errmsg;      /* heap; set with error when the gzip stream is corrupt */
} LineReader;

/* Opens path ("-" is stdin); false with *msg set when it cannot be opened. */
bool lr_open(LineReader *r, const char *path, const char **msg);
/* Wraps an open stream (not closed by lr_close). */
void lr_init(LineReader *r, FILE *f);
/* Peeks at up to n leading bytes without consuming them; returns how many there are. */
size_t lr_peek(LineReader *r, const char **p, size_t n);
/* The next line without its newline (valid until the next call); false at end of input. */
bool lr_next(LineReader *r, const char **line, size_t *n);
void lr_close(LineReader *r);
/* Reads up to n bytes of the (inflated) input: the unread buffer first, then the stream.
 * Returns 0 at the end or on error. For readers that want the rest of the input whole. */
size_t lr_read(LineReader *r, void *dst, size_t n);

#endif
