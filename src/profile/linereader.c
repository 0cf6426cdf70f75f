/* linereader: buffered line input with bounded memory (see linereader.h). */
#include "profile/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

enum { BUF_SIZE = LR_MAX_LINE + 1, ZBUF_SIZE = 1 << 16 };

/* Reads the first compressed chunk; switches to gzip mode on the gzip magic. */
static void detect_gzip(LineReader *r)
{
	r->zbuf = xmalloc(ZBUF_SIZE);
	r->zlen = fread(r->zbuf, 1, ZBUF_SIZE, r->f);
	r->bytes += r->zlen;
	if (r->zlen == 0 && ferror(r->f)) {
		r->error = true;
		if (!r->err_no)
			r->err_no = errno;
	}
	if (r->zlen >= 2 && r->zbuf[0] == 0x1f && r->zbuf[1] == 0x8b) {
		z_stream *z = xcalloc(1, sizeof *z);
		if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK)
			base_fatal("zlib: cannot initialise inflate");
		r->zs = z;
		r->gz = true;
		return;
	}
	/* plain input: the chunk read is the start of the data */
	memcpy(r->buf, r->zbuf, r->zlen);
	r->end = r->zlen;
	free(r->zbuf);
	r->zbuf = NULL;
	r->zlen = 0;
}

void lr_init(LineReader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->buf = xmalloc(BUF_SIZE);
	detect_gzip(r);
}

/* Up to n bytes of input after what the buffer holds: inflated when gz. 0 at the end. */
static size_t raw_read(LineReader *r, unsigned char *dst, size_t n)
{
	if (!r->gz) {
		size_t got = fread(dst, 1, n, r->f);
		r->bytes += got;
		if (got == 0 && ferror(r->f)) {
			r->error = true;
			if (!r->err_no)
				r->err_no = errno;
		}
		return got;
	}
	z_stream *z = r->zs;
	z->next_out = dst;
	z->avail_out = (uInt)n;
	while (z->avail_out > 0) {
		if (r->zoff == r->zlen) {
			r->zlen = fread(r->zbuf, 1, ZBUF_SIZE, r->f);
			r->zoff = 0;
			r->bytes += r->zlen;
			if (r->zlen == 0) {
				if (ferror(r->f))
					r->error = true;
				else if (z->total_in > 0 || z->avail_in > 0) {
					r->error = true;
					r->errmsg = xasprintf("gzip stream truncated at byte %llu", (unsigned long long)r->bytes);
				}
				break;
			}
		}
		z->next_in = r->zbuf + r->zoff;
		z->avail_in = (uInt)(r->zlen - r->zoff);
		int rc = inflate(z, Z_NO_FLUSH);
		r->zoff = r->zlen - z->avail_in;
		if (rc == Z_STREAM_END) {
			/* another member may follow */
			inflateReset(z);
			z->total_in = 0;
			if (r->zoff == r->zlen) {
				r->zlen = fread(r->zbuf, 1, ZBUF_SIZE, r->f);
				r->zoff = 0;
				r->bytes += r->zlen;
				if (r->zlen == 0)
					break;
			}
			continue;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			r->error = true;
			r->errmsg = xasprintf("corrupt gzip stream near byte %llu: %s",
			                      (unsigned long long)(r->bytes - (r->zlen - r->zoff)), z->msg ? z->msg : "inflate error");
			break;
		}
	}
	return n - z->avail_out;
}

size_t lr_read(LineReader *r, void *dst, size_t n)
{
	size_t have = r->end - r->start;
	if (have) {
		size_t k = have < n ? have : n;
		memcpy(dst, r->buf + r->start, k);
		r->start += k;
		return k;
	}
	if (r->eof || r->error)
		return 0;
	return raw_read(r, dst, n);
}

bool lr_open(LineReader *r, const char *path, const char **msg)
{
	if (strcmp(path, "-") == 0) {
		lr_init(r, stdin);
		return true;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		*msg = strerror(errno);
		return false;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		*msg = "is a directory";
		return false;
	}
	lr_init(r, f);
	r->own = true;
	return true;
}

void lr_close(LineReader *r)
{
	if (r->own && r->f)
		fclose(r->f);
	if (r->zs) {
		inflateEnd(r->zs);
		free(r->zs);
	}
	free(r->zbuf);
	free(r->errmsg);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

/* Reads more input after the unread bytes; false when nothing more came. */
static bool fill(LineReader *r)
{
	if (r->eof)
		return false;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end >= BUF_SIZE)
		return false;
	if (r->error) {
		r->eof = true;
		return false;
	}
	size_t got = raw_read(r, (unsigned char *)r->buf + r->end, BUF_SIZE - r->end);
	if (got == 0) {
		r->eof = true;
		return false;
	}
	r->end += got;
	return true;
}

size_t lr_peek(LineReader *r, const char **p, size_t n)
{
	while (r->end - r->start < n && fill(r))
		;
	*p = r->buf + r->start;
	return r->end - r->start < n ? r->end - r->start : n;
}

/* Drops input up to and including the next newline (the tail of a too-long line). */
static void skip_rest(LineReader *r)
{
	r->start = r->end = 0;
	for (;;) {
		if (!fill(r))
			return;
		char *nl = memchr(r->buf, '\n', r->end);
		if (nl) {
			r->start = (size_t)(nl - r->buf) + 1;
			return;
		}
		r->start = r->end = 0;
	}
}

bool lr_next(LineReader *r, const char **line, size_t *n)
{
	if (r->skipping) {
		r->skipping = false;
		skip_rest(r);
	}
	size_t scanned = 0;
	for (;;) {
		char *nl = memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned);
		if (nl) {
			*line = r->buf + r->start;
			*n = (size_t)(nl - *line);
			r->start += *n + 1;
			r->last_mid = false;
			return true;
		}
		scanned = r->end - r->start;
		if (scanned >= LR_MAX_LINE) {
			/* too long: return the first LR_MAX_LINE bytes; the next call skips the rest */
			*line = r->buf + r->start;
			*n = LR_MAX_LINE;
			r->long_lines++;
			r->skipping = true;
			r->last_mid = false;
			return true;
		}
		if (!fill(r)) {
			if (r->end > r->start) {
				*line = r->buf + r->start;
				*n = r->end - r->start;
				r->start = r->end;
				r->last_mid = true;
				return true;
			}
			return false;
		}
	}
}
