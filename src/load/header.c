/*
 * File headers: the package clause and the import declarations, read with the gomem scanner
 * and stopped at the first token that does not start an import declaration, as go/build's
 * read.go stops — nothing after the imports is scanned, so a whole standard library reads
 * in milliseconds.
 *
 *   Header     = "package" PackageName ";" { ImportDecl ";" } .
 *   ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) .
 *   ImportSpec = [ "." | "_" | PackageName ] ImportPath .
 *
 * Build constraints are judged on the same bytes by load_should_build, which follows
 * go/build's line-based rules (a // +build line counts only in the leading comment block
 * followed by a blank line), something comment tokens alone do not tell.
 *
 * Errors do not stop the caller: like go/build, a file whose header is malformed is still
 * listed, and the first message ("LINE:COL: ...") is kept for the package's error list.
 */
#include "load/load.h"
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>

typedef struct HReader {
	Scanner s;
	Token t;
	const char *text;
	size_t pos, line, ls; /* line number and line start at offset pos, for positions */
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
		if (r->text[r->pos] == '\n') {
			r->line++;
			r->ls = r->pos + 1;
		}
	*line = (uint32_t)r->line;
	*col = (uint32_t)(off - r->ls + 1);
}

/* go/build's isValidImport: non-empty, graphic, no spaces, none of !"#$%&'()*,:;<=>?[\]^{|}`
 * and no U+FFFD (so no invalid UTF-8). Non-ASCII runes count as graphic except the
 * C1 controls and Unicode's spaces. */
static bool valid_import(const char *s)
{
	if (!*s)
		return false;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		if (c < 0x80) {
			if (c <= 0x20 || c == 0x7f || strchr("!\"#$%&'()*,:;<=>?[\\]^{|}`", (int)c))
				return false;
			p++;
			continue;
		}
		int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
		if (!n)
			return false;
		uint32_t r = c & (0x3F >> (n - 1));
		for (int k = 1; k < n; k++) {
			if ((p[k] & 0xC0) != 0x80)
				return false;
			r = (r << 6) | (p[k] & 0x3F);
		}
		if ((n == 2 && r < 0x80) || (n == 3 && r < 0x800) || (n == 4 && (r < 0x10000 || r > 0x10FFFF)) ||
		    (r >= 0xD800 && r <= 0xDFFF))
			return false;
		if (r < 0xA0 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 ||
		    r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000 || r == 0xFFFD)
			return false;
		p += n;
	}
	return true;
}

static void next(HReader *r) { syn_scan(&r->s, &r->t); }

static void herr(HReader *r, size_t off, const char *msg)
{
	if (r->h->err[0])
		return;
	uint32_t l, c;
	linecol(r, off, &l, &c);
	snprintf(r->h->err, sizeof r->h->err, "%u:%u: %s", l, c, msg);
}

static void expected(HReader *r, const char *what)
{
	char m[96];
	if (r->t.kind == TOK_SEMICOLON && r->t.implicit)
		snprintf(m, sizeof m, "expected %s, found newline", what);
	else
		snprintf(m, sizeof m, "expected %s, found '%s'", what, r->t.kind == TOK_EOF ? "EOF" : syn_tok_string(r->t.kind));
	herr(r, r->t.off, m);
}

/* ImportSpec; false on a syntax error. */
static bool import_spec(HReader *r)
{
	uint32_t start = r->t.off; /* go/ast's ImportSpec.Pos: the name when there is one */
	if (r->t.kind == TOK_IDENT || r->t.kind == TOK_PERIOD)
		next(r);
	if (r->t.kind != TOK_STRING) {
		expected(r, "import path");
		return false;
	}
	char *path;
	size_t n;
	if (!syn_unquote(r->a, r->text + r->t.off, r->t.len, &path, &n)) {
		herr(r, r->t.off, "invalid import path");
		return false;
	}
	LoadImport imp = {path, 0, 0};
	linecol(r, start, &imp.line, &imp.col);
	vec_push(&r->h->imports, imp);
	next(r);
	return true;
}

void load_read_header(Arena *a, Interner *names, const char *text, size_t n, LoadHeader *h)
{
	memset(h, 0, sizeof *h);
	SrcFile f = {.id = 0, .path = "", .text = (char *)text, .len = n};
	Diags diags;
	diags_init(&diags);
	HReader r = {.text = text, .line = 1, .a = a, .h = h};
	syn_scanner_init(&r.s, &f, names, &diags, 0);
	next(&r);
	if (r.t.kind != TOK_PACKAGE) {
		expected(&r, "'package'");
		goto done;
	}
	next(&r);
	if (r.t.kind != TOK_IDENT) {
		expected(&r, "package name");
		goto done;
	}
	h->pkgname = arena_strndup(a, r.t.name->s, r.t.name->len);
	next(&r);
	if (r.t.kind != TOK_SEMICOLON) {
		expected(&r, "';'");
		goto done;
	}
	next(&r);
	while (r.t.kind == TOK_IMPORT) {
		next(&r);
		if (r.t.kind == TOK_LPAREN) {
			next(&r);
			while (r.t.kind != TOK_RPAREN && r.t.kind != TOK_EOF) {
				if (!import_spec(&r))
					goto done;
				if (r.t.kind == TOK_SEMICOLON)
					next(&r);
				else if (r.t.kind != TOK_RPAREN) {
					expected(&r, "';'");
					goto done;
				}
			}
			if (r.t.kind != TOK_RPAREN) {
				expected(&r, "')'");
				goto done;
			}
			next(&r);
		} else if (!import_spec(&r)) {
			goto done;
		}
		if (r.t.kind == TOK_SEMICOLON)
			next(&r);
		else if (r.t.kind != TOK_EOF) {
			expected(&r, "';'");
			goto done;
		}
	}
done:
	/* a scanner error inside the header (bad literal, NUL, unterminated comment) counts too */
	if (!h->err[0] && diags.list.len) {
		const Diag *d = &diags.list.data[0];
		if (d->pos.off <= r.t.off)
			herr(&r, d->pos.off, d->msg);
	}
	/* go/build keeps no imports from a file whose header does not parse, or that imports
	 * an invalid path */
	for (size_t i = 0; !h->err[0] && i < h->imports.len; i++)
		if (!valid_import(h->imports.data[i].path)) {
			char m[128];
			snprintf(m, sizeof m, "invalid import path: %.100s", h->imports.data[i].path);
			herr(&r, 0, m);
			/* the position is the import's */
			snprintf(h->err, sizeof h->err, "%u:%u: %s", h->imports.data[i].line, h->imports.data[i].col, m);
		}
	if (h->err[0])
		vec_clear(&h->imports);
	h->header_len = r.t.off;
	syn_scanner_free(&r.s);
	diags_free(&diags);
}

void load_header_free(LoadHeader *h) { vec_free(&h->imports); }
