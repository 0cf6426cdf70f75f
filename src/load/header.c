/*
 * File headers: the package clause and the import declarations, read the way go/build's
 * read.go reads them — whitespace and comments skipped, the package clause, then import
 * declarations until the first token that does not start one. Nothing after the imports is
 * touched, so a whole standard library reads in milliseconds. Build-constraint comments
 * are judged separately on the same bytes (load_should_build).
 *
 * Errors do not stop the caller: like go/build, a file whose header is malformed is still
 * listed, and the message ("LINE:COL: ...") is kept for the package's error list.
 */
#include "load/load.h"

#include <stdlib.h>
#include <string.h>

typedef struct HReader {
	const char *s;
	size_t n, i;
	size_t pos, line, ls; /* positions: line number and line start at offset pos */
	Arena *a;
	LoadHeader *h;
} HReader;

static void linecol(HReader *r, size_t off, uint32_t *line, uint32_t *col)
{
	if (off < r->pos) {
		r->pos = r->ls = 0;
		r->line = 1;
	}
	for (; r->pos < off; r->pos++)
		if (r->s[r->pos] == '\n') {
			r->line++;
			r->ls = r->pos + 1;
		}
	*line = (uint32_t)r->line;
	*col = (uint32_t)(off - r->ls + 1);
}

static void herr(HReader *r, size_t off, const char *msg)
{
	if (r->h->err[0])
		return;
	uint32_t l, c;
	linecol(r, off, &l, &c);
	snprintf(r->h->err, sizeof r->h->err, "%u:%u: %s", l, c, msg);
}

/* Skips spaces, semicolons and comments (semicolons are optional for this reader). */
static void skip(HReader *r)
{
	while (r->i < r->n) {
		char c = r->s[r->i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') {
			r->i++;
		} else if (c == '/' && r->i + 1 < r->n && r->s[r->i + 1] == '/') {
			while (r->i < r->n && r->s[r->i] != '\n')
				r->i++;
		} else if (c == '/' && r->i + 1 < r->n && r->s[r->i + 1] == '*') {
			size_t start = r->i;
			r->i += 2;
			while (r->i + 1 < r->n && !(r->s[r->i] == '*' && r->s[r->i + 1] == '/'))
				r->i++;
			if (r->i + 1 >= r->n) {
				herr(r, start, "comment not terminated");
				r->i = r->n;
				return;
			}
			r->i += 2;
		} else {
			return;
		}
	}
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool ident_byte(unsigned char c)
{
	return c == '_' || c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') || is_digit(c);
}

/* An identifier at r->i, or 0. */
static size_t ident_len(HReader *r)
{
	size_t j = r->i;
	if (j < r->n && ident_byte((unsigned char)r->s[j]) && !is_digit((unsigned char)r->s[j]))
		while (j < r->n && ident_byte((unsigned char)r->s[j]))
			j++;
	return j - r->i;
}

static bool keyword(HReader *r, const char *kw)
{
	size_t n = ident_len(r), k = strlen(kw);
	if (n == k && !memcmp(r->s + r->i, kw, k)) {
		r->i += k;
		return true;
	}
	return false;
}

/* A string literal at r->i: its unquoted value in the arena, or NULL. */
static char *string_lit(HReader *r)
{
	char q = r->s[r->i];
	size_t start = r->i++;
	Vec(char) buf = {0};
	bool ok = false;
	while (r->i < r->n) {
		char c = r->s[r->i++];
		if (c == q) {
			ok = true;
			break;
		}
		if (q == '"' && c == '\n')
			break;
		if (q == '"' && c == '\\' && r->i < r->n) {
			char e = r->s[r->i++];
			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '\\': case '"': case '\'': c = e; break;
			default: c = e; break; /* invalid in an import path anyway */
			}
		}
		if (q == '`' && c == '\r')
			continue;
		vec_push(&buf, c);
	}
	char *out = NULL;
	if (ok)
		out = arena_strndup(r->a, buf.data ? buf.data : "", buf.len);
	else
		herr(r, start, "string literal not terminated");
	vec_free(&buf);
	return out;
}

/* ImportSpec = [ "." | "_" | PackageName ] ImportPath . */
static bool import_spec(HReader *r)
{
	skip(r);
	size_t off = r->i; /* go/ast's ImportSpec.Pos: the name when there is one */
	if (r->i < r->n && r->s[r->i] == '.') {
		r->i++;
		skip(r);
	} else {
		size_t n = ident_len(r);
		if (n) {
			r->i += n;
			skip(r);
		}
	}
	if (r->i >= r->n || (r->s[r->i] != '"' && r->s[r->i] != '`')) {
		herr(r, r->i, "expected import path");
		return false;
	}
	char *path = string_lit(r);
	if (!path)
		return false;
	LoadImport imp = {path, 0, 0};
	linecol(r, off, &imp.line, &imp.col);
	vec_push(&r->h->imports, imp);
	return true;
}

void load_read_header(Arena *a, const char *text, size_t n, LoadHeader *h)
{
	memset(h, 0, sizeof *h);
	HReader r = {.s = text, .n = n, .line = 1, .a = a, .h = h};
	skip(&r);
	if (!keyword(&r, "package")) {
		herr(&r, r.i, "expected 'package'");
		h->header_len = r.i;
		return;
	}
	skip(&r);
	size_t in = ident_len(&r);
	if (!in) {
		herr(&r, r.i, "expected package name");
		h->header_len = r.i;
		return;
	}
	h->pkgname = arena_strndup(a, text + r.i, in);
	r.i += in;
	for (;;) {
		skip(&r);
		if (!keyword(&r, "import"))
			break;
		skip(&r);
		if (r.i < r.n && r.s[r.i] == '(') {
			r.i++;
			for (;;) {
				skip(&r);
				if (r.i >= r.n) {
					herr(&r, r.i, "expected ')'");
					break;
				}
				if (r.s[r.i] == ')') {
					r.i++;
					break;
				}
				if (!import_spec(&r))
					break;
			}
			if (h->err[0])
				break;
		} else if (!import_spec(&r)) {
			break;
		}
	}
	h->header_len = r.i;
}

void load_header_free(LoadHeader *h) { vec_free(&h->imports); }
