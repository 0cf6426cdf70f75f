/*
 * linedir.c: positions as go/token reports them (token.File.Position, "adjusted"), that is
 * with line directives applied: a line comment `//line FILE:LINE[:COL]` starting a line, or
 * a block comment with the same text anywhere, sets the position of what follows (the next
 * line for the first form, right after the comment for the second). go/scanner records them
 * while scanning; here a file's directives are found by a small lexer that skips string,
 * raw string and rune literals (only files whose text contains "line " after a comment
 * opener are scanned). A relative FILE is joined to the file's directory; a directive
 * without a column makes columns unknown (0) until the next one. go/types prints these
 * positions, and so does `gomem types -dump`.
 */
#include <stdlib.h>
#include <string.h>

#include "types/check.h"

static void cache_reset(TokenPosCache *cache, const SrcFile *f)
{
	for (size_t i = 0; i < cache->n; i++)
		free(cache->v[i].file);
	cache->n = 0;
	cache->f = f;
}

void types_token_pos_free(TokenPosCache *cache)
{
	cache_reset(cache, NULL);
	free(cache->v);
	cache->v = NULL;
	cache->cap = 0;
}

/* filepath.Clean of a non-empty slash path, in place (the result is never longer) */
static void clean_path(char *p)
{
	char *out = xmalloc(strlen(p) + 2);
	strcpy(p, base_path_clean(p, out));
	free(out);
}

/* the digits after the last ':' of s[0..n): *i is the index after ':' (0: no ':') */
static bool trailing_digits(const char *s, size_t n, size_t *i, uint64_t *v)
{
	size_t k = n;
	while (k > 0 && s[k - 1] != ':')
		k--;
	*i = k;
	*v = 0;
	if (k == 0 || k == n)
		return false;
	for (size_t j = k; j < n; j++) {
		if (s[j] < '0' || s[j] > '9' || *v > (1ull << 40))
			return false;
		*v = *v * 10 + (uint64_t)(s[j] - '0');
	}
	return true;
}

static void adjusted(TokenPosCache *cache, const SrcFile *f, uint32_t off, const char **file, uint32_t *line, uint32_t *col);

/* go/scanner updateLineInfo: text[0..n) is the comment, line or block form */
static void add_directive(TokenPosCache *cache, SrcFile *f, uint32_t next, uint32_t offs, const char *text, size_t n)
{
	if (text[1] == '*')
		n -= 2;
	text += 7;
	n -= 7;
	(void)offs;
	size_t i, i2;
	uint64_t num, num2;
	bool ok = trailing_digits(text, n, &i, &num);
	if (i == 0 || !ok)
		return;
	uint64_t line, col = 0;
	bool ok2 = trailing_digits(text, i - 1, &i2, &num2);
	const uint64_t max = 1u << 30;
	if (ok2) {
		line = num2;
		col = num;
		if (col == 0 || col > max)
			return;
		i = i2;
	} else {
		line = num;
	}
	if (line == 0 || line > max)
		return;
	size_t fn = i - 1;
	char *name;
	if (fn == 0 && ok2) {
		const char *prev;
		uint32_t l, c;
		adjusted(cache, f, offs, &prev, &l, &c);
		name = strdup(prev);
	} else if (fn == 0) {
		name = strdup("");
	} else if (text[0] == '/') {
		name = strndup(text, fn);
		clean_path(name);
	} else {
		const char *slash = strrchr(f->path, '/');
		size_t dn = slash ? (size_t)(slash - f->path) + 1 : 0;
		name = malloc(dn + fn + 1);
		memcpy(name, f->path, dn);
		memcpy(name + dn, text, fn);
		name[dn + fn] = 0;
		clean_path(name);
	}
	if ((cache->n > 0 && cache->v[cache->n - 1].off >= next) || next >= f->len) {
		free(name);
		return;
	}
	if (cache->n == cache->cap) {
		cache->cap = cache->cap ? 2 * cache->cap : 16;
		cache->v = realloc(cache->v, cache->cap * sizeof *cache->v);
	}
	cache->v[cache->n++] = (struct LineInfo){next, name, (uint32_t)line, (uint32_t)col};
}

static void scan_directives(TokenPosCache *cache, SrcFile *f)
{
	const char *s = f->text;
	size_t n = f->len;
	for (size_t i = 0; i < n;) {
		char c = s[i];
		if (c == '"' || c == '\'') {
			for (i++; i < n && s[i] != c && s[i] != '\n'; i++)
				if (s[i] == '\\')
					i++;
			i++;
		} else if (c == '`') {
			const char *e = memchr(s + i + 1, '`', n - i - 1);
			i = e ? (size_t)(e - s) + 1 : n;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			const char *e = memchr(s + i, '\n', n - i);
			size_t end = e ? (size_t)(e - s) : n;
			size_t len = end - i;
			if (len > 2 && s[end - 1] == '\r')
				len--;
			if ((i == 0 || s[i - 1] == '\n') && len >= 7 && memcmp(s + i + 2, "line ", 5) == 0)
				add_directive(cache, f, (uint32_t)(e ? end + 1 : end), (uint32_t)i, s + i, len);
			i = end;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			size_t j = i + 2;
			while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
				j++;
			if (j + 1 >= n)
				return; /* not terminated */
			size_t end = j + 2;
			if (end - i >= 9 && memcmp(s + i + 2, "line ", 5) == 0)
				add_directive(cache, f, (uint32_t)end, (uint32_t)i, s + i, end - i);
			i = end;
		} else {
			i++;
		}
	}
}

/* token.File.unpack with adjusted positions, from the directives in the cache */
static void adjusted(TokenPosCache *cache, const SrcFile *f, uint32_t off, const char **file, uint32_t *line, uint32_t *col)
{
	LineCol lc = srcfile_linecol((SrcFile *)f, off);
	*file = f->path;
	*line = lc.line;
	*col = lc.col;
	size_t lo = 0, hi = cache->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cache->v[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return;
	struct LineInfo *alt = &cache->v[lo - 1];
	LineCol base = srcfile_linecol((SrcFile *)f, alt->off);
	int64_t d = (int64_t)lc.line - (int64_t)base.line;
	*file = alt->file;
	*line = (uint32_t)((int64_t)alt->line + d);
	if (alt->col == 0)
		*col = 0;
	else if (d == 0)
		*col = alt->col + (off - alt->off);
}

void types_token_position(TokenPosCache *cache, SrcFile *f, uint32_t off, const char **file, uint32_t *line, uint32_t *col)
{
	if (cache->f != f) {
		cache_reset(cache, f);
		static const char *const keys[] = {"//line ", "/*line "};
		for (int k = 0; k < 2; k++)
			if (memmem(f->text, f->len, keys[k], 7)) {
				scan_directives(cache, f);
				break;
			}
	}
	adjusted(cache, f, off, file, line, col);
}
