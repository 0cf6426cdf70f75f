/* linereader: buffered line input with bounded memory (see linereader.h). */
#include "profile/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { BUF_SIZE = LR_MAX_LINE + 1 };

void lr_init(LineReader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->buf = xmalloc(BUF_SIZE);
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
	size_t got = fread(r->buf + r->end, 1, BUF_SIZE - r->end, r->f);
	if (got == 0) {
		if (ferror(r->f))
			r->error = true;
		r->eof = true;
		return false;
	}
	r->end += got;
	r->bytes += got;
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
