/*
 * Source files and positions. A Pos is a file id plus a byte offset; the line table of a
 * file is built the first time a position in it is printed. The registry stores files in
 * fixed chunks, so SrcFile pointers stay valid while other threads add files.
 */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK 1024
#define MAX_CHUNKS 4096

static SrcFile *chunks[MAX_CHUNKS];
static uint32_t nfiles;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;

ReadStatus base_read_file(const char *path, char **text, size_t *len, const char **msg)
{
	*text = NULL;
	*len = 0;
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	if (fd < 0) {
		*msg = strerror(errno);
		return errno == ENOENT || errno == ENOTDIR ? READ_NOT_FOUND : READ_IO_ERROR;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*msg = strerror(errno);
		close(fd);
		return READ_IO_ERROR;
	}
	if (S_ISDIR(st.st_mode)) {
		*msg = "is a directory";
		close(fd);
		return READ_IS_DIR;
	}
	/* Offsets are 32-bit; regular files report their size, pipes grow as read. */
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	if ((uint64_t)cap > UINT32_MAX) {
		*msg = "file too large (4 GiB or more)";
		close(fd);
		return READ_TOO_BIG;
	}
	char *buf = xmalloc(cap);
	size_t n = 0;
	for (;;) {
		if (n + 1 >= cap) {
			if (cap >= UINT32_MAX / 2) {
				free(buf);
				close(fd);
				*msg = "file too large (4 GiB or more)";
				return READ_TOO_BIG;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*msg = strerror(errno);
			free(buf);
			close(fd);
			return errno == EISDIR ? READ_IS_DIR : READ_IO_ERROR;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = 0;
	*text = buf;
	*len = n;
	*msg = NULL;
	return READ_OK;
}

SrcFile *srcfile_add(const char *path, char *text, size_t len)
{
	pthread_mutex_lock(&reg_lock);
	uint32_t id = nfiles + 1;
	uint32_t c = id / CHUNK;
	if (c >= MAX_CHUNKS)
		base_fatal("too many source files");
	if (!chunks[c])
		chunks[c] = xcalloc(CHUNK, sizeof(SrcFile));
	SrcFile *f = &chunks[c][id % CHUNK];
	f->id = id;
	f->path = xstrdup(path);
	f->text = text;
	f->len = len;
	__atomic_store_n(&nfiles, id, __ATOMIC_RELEASE); /* the entry is complete before its id counts */
	pthread_mutex_unlock(&reg_lock);
	return f;
}

SrcFile *srcfile_get(uint32_t id)
{
	if (id == 0 || id > __atomic_load_n(&nfiles, __ATOMIC_ACQUIRE))
		return NULL;
	return &chunks[id / CHUNK][id % CHUNK];
}

/* Called with reg_lock held; lines is published last (readers load it without the lock). */
static void build_lines(SrcFile *f)
{
	size_t n = 1;
	for (size_t i = 0; i < f->len; i++)
		n += f->text[i] == '\n';
	uint32_t *lines = xmalloc(n * sizeof *lines);
	size_t k = 0;
	lines[k++] = 0;
	for (size_t i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			lines[k++] = (uint32_t)(i + 1);
	f->nlines = n;
	__atomic_store_n(&f->lines, lines, __ATOMIC_RELEASE);
}

static size_t line_index(SrcFile *f, uint32_t off)
{
	if (!__atomic_load_n(&f->lines, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&reg_lock);
		if (!f->lines)
			build_lines(f);
		pthread_mutex_unlock(&reg_lock);
	}
	size_t lo = 0, hi = f->nlines; /* lines[lo] <= off < lines[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

LineCol srcfile_linecol(SrcFile *f, uint32_t off)
{
	if (off > f->len)
		off = (uint32_t)f->len;
	size_t i = line_index(f, off);
	return (LineCol){(uint32_t)i + 1, off - f->lines[i] + 1};
}

LineCol pos_linecol(Pos p)
{
	SrcFile *f = srcfile_get(p.file);
	if (!f)
		return (LineCol){0, 0};
	return srcfile_linecol(f, p.off);
}

const char *srcfile_line_text(SrcFile *f, uint32_t off, size_t *n)
{
	if (off > f->len)
		off = (uint32_t)f->len;
	size_t i = line_index(f, off);
	const char *s = f->text + f->lines[i];
	const char *e = memchr(s, '\n', f->len - f->lines[i]);
	*n = e ? (size_t)(e - s) : f->len - f->lines[i];
	if (*n && s[*n - 1] == '\r')
		(*n)--;
	return s;
}

char *base_path_clean(const char *p, char *out)
{
	size_t n = strlen(p);
	bool rooted = n > 0 && p[0] == '/';
	size_t w = 0, r = 0, dotdot = 0;
	if (rooted) {
		out[w++] = '/';
		r = dotdot = 1;
	}
	while (r < n) {
		if (p[r] == '/') {
			r++;
		} else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
			r++;
		} else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/')
					w--;
			} else if (!rooted) {
				if (w > 0)
					out[w++] = '/';
				out[w++] = '.';
				out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0))
				out[w++] = '/';
			for (; r < n && p[r] != '/'; r++)
				out[w++] = p[r];
		}
	}
	if (w == 0)
		out[w++] = '.';
	out[w] = '\0';
	return out;
}
