/*
 * Build constraints, as go/build and go/build/constraint define them (Go 1.26).
 *
 * The //go:build parser is a transcription of constraint.exprParser: the same grammar
 * (or := and {"||" and}; and := not {"&&" not}; not := ["!"] atom; atom := tag | "(" or ")"),
 * the same size limit and the same error wording. A // +build line becomes the same tree
 * (spaces are ||, commas are &&, bad words are "ignore"). Evaluation walks the tree; in the
 * go command's "any tags" mode (BuildCtx.any, what go mod tidy and vendor use) every tag but
 * "ignore" is "prefer", and a negation flips prefer, as cmd/go/internal/imports does.
 *
 * load_should_build and load_good_os_arch_file transcribe go/build's shouldBuild,
 * parseFileHeader and goodOSArchFile. The build context itself is buildctx.c.
 */
#include "load/load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool eq(const char *a, size_t n, const char *b) { return b && strlen(b) == n && memcmp(a, b, n) == 0; }

/* ---- the expression parser (constraint.exprParser) ---- */

enum { MAX_SIZE = 1000, MAX_OLD_SIZE = 100 };

typedef struct XParser {
	const char *s;
	size_t n, i;
	const char *tok; /* last token; toklen 0 means end */
	size_t toklen;
	bool istag;
	size_t pos;
	int size;
	bool failed;
	Cx *cx;
} XParser;

static void xfail(XParser *p, const char *fmt, const char *arg, size_t argn)
{
	if (p->failed)
		return;
	p->failed = true;
	snprintf(p->cx->err, sizeof p->cx->err, fmt, (int)argn, arg);
}

static int new_node(Cx *cx, CxKind k, int x, int y, const char *tag, size_t taglen)
{
	CxNode nd = {k, x, y, tag, (uint32_t)taglen};
	vec_push(&cx->nodes, nd);
	return (int)cx->nodes.len - 1;
}

/* Length of the UTF-8 sequence at s (1 for a bad byte). */
static size_t utf8_len(const char *s, size_t avail)
{
	uint32_t w;
	base_utf8_decode((const unsigned char *)s, avail, &w);
	return w ? w : 1;
}

/* unicode.IsLetter || IsDigit || '_' || '.', with every well-formed non-ASCII rune taken as
 * a letter (no Unicode tables here; tags are ASCII in practice). */
static size_t tag_char(const char *s, size_t avail)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return (isalnum(c) || c == '_' || c == '.') ? 1 : 0;
	size_t n = utf8_len(s, avail);
	return n > 1 ? n : 0;
}

static void lex(XParser *p)
{
	p->istag = false;
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
		p->i++;
	if (p->i >= p->n) {
		p->tok = "";
		p->toklen = 0;
		p->pos = p->i;
		return;
	}
	char c = p->s[p->i];
	if (c == '(' || c == ')' || c == '!') {
		p->pos = p->i++;
		p->tok = p->s + p->pos;
		p->toklen = 1;
		return;
	}
	if (c == '&' || c == '|') {
		if (p->i + 1 >= p->n || p->s[p->i + 1] != c) {
			xfail(p, "invalid syntax at %.*s", p->s + p->i, 1);
			return;
		}
		p->pos = p->i;
		p->i += 2;
		p->tok = p->s + p->pos;
		p->toklen = 2;
		return;
	}
	size_t j = p->i, k;
	while (j < p->n && (k = tag_char(p->s + j, p->n - j)) > 0)
		j += k;
	if (j == p->i) {
		xfail(p, "invalid syntax at %.*s", p->s + p->i, utf8_len(p->s + p->i, p->n - p->i));
		return;
	}
	p->pos = p->i;
	p->tok = p->s + p->i;
	p->toklen = j - p->i;
	p->i = j;
	p->istag = true;
}

static bool tok_is(const XParser *p, const char *s) { return p->toklen == strlen(s) && !memcmp(p->tok, s, p->toklen); }

static int p_or(XParser *p);

static int p_atom(XParser *p)
{
	if (tok_is(p, "(")) {
		int x = p_or(p);
		if (p->failed) {
			if (!strcmp(p->cx->err, "unexpected end of expression"))
				snprintf(p->cx->err, sizeof p->cx->err, "missing close paren");
			return -1;
		}
		if (!tok_is(p, ")")) {
			xfail(p, "missing close paren%.*s", "", 0);
			return -1;
		}
		lex(p);
		return p->failed ? -1 : x;
	}
	if (!p->istag) {
		if (p->toklen == 0)
			xfail(p, "unexpected end of expression%.*s", "", 0);
		else
			xfail(p, "unexpected token %.*s", p->tok, p->toklen);
		return -1;
	}
	const char *tag = p->tok;
	size_t n = p->toklen;
	lex(p);
	if (p->failed)
		return -1;
	return new_node(p->cx, CX_TAG, -1, -1, tag, n);
}

static int p_not(XParser *p)
{
	if (++p->size > MAX_SIZE) {
		xfail(p, "build expression too large%.*s", "", 0);
		return -1;
	}
	lex(p);
	if (p->failed)
		return -1;
	if (tok_is(p, "!")) {
		lex(p);
		if (p->failed)
			return -1;
		if (tok_is(p, "!")) {
			xfail(p, "double negation not allowed%.*s", "", 0);
			return -1;
		}
		int x = p_atom(p);
		return x < 0 ? -1 : new_node(p->cx, CX_NOT, x, -1, NULL, 0);
	}
	return p_atom(p);
}

static int p_and(XParser *p)
{
	int x = p_not(p);
	while (x >= 0 && tok_is(p, "&&")) {
		int y = p_not(p);
		x = y < 0 ? -1 : new_node(p->cx, CX_AND, x, y, NULL, 0);
	}
	return x;
}

static int p_or(XParser *p)
{
	int x = p_and(p);
	while (x >= 0 && tok_is(p, "||")) {
		int y = p_and(p);
		x = y < 0 ? -1 : new_node(p->cx, CX_OR, x, y, NULL, 0);
	}
	return x;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

/* constraint.splitGoBuild */
static bool split_go_build(const char *line, size_t n, const char **expr, size_t *en)
{
	if (n && line[n - 1] == '\n')
		n--;
	if (memchr(line, '\n', n))
		return false;
	if (n < 10 || memcmp(line, "//go:build", 10))
		return false;
	trim(&line, &n);
	line += 10;
	n -= 10;
	const char *t = line;
	size_t tn = n;
	trim(&t, &tn);
	if (tn == n && n != 0)
		return false;
	*expr = t;
	*en = tn;
	return true;
}

/* constraint.splitPlusBuild */
static bool split_plus_build(const char *line, size_t n, const char **expr, size_t *en)
{
	if (n && line[n - 1] == '\n')
		n--;
	if (memchr(line, '\n', n))
		return false;
	if (n < 2 || memcmp(line, "//", 2))
		return false;
	line += 2;
	n -= 2;
	trim(&line, &n);
	if (n < 6 || memcmp(line, "+build", 6))
		return false;
	line += 6;
	n -= 6;
	const char *t = line;
	size_t tn = n;
	trim(&t, &tn);
	if (tn == n && n != 0)
		return false;
	*expr = t;
	*en = tn;
	return true;
}

bool load_is_go_build(const char *line, size_t n)
{
	const char *e;
	size_t en;
	return split_go_build(line, n, &e, &en);
}

bool load_is_plus_build(const char *line, size_t n)
{
	const char *e;
	size_t en;
	return split_plus_build(line, n, &e, &en);
}

static bool valid_tag(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n;) {
		size_t k = tag_char(s + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

static bool parse_plus_build(Cx *cx, const char *s, size_t n)
{
	int size = 0, x = -1;
	size_t i = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			break;
		size_t j = i;
		while (j < n && !is_space(s[j]))
			j++;
		/* the clause s[i..j): literals separated by commas */
		int y = -1;
		size_t a = i;
		for (;;) {
			size_t b = a;
			while (b < j && s[b] != ',')
				b++;
			const char *lit = s + a;
			size_t ln = b - a;
			int z;
			if ((ln >= 2 && lit[0] == '!' && lit[1] == '!') || (ln == 1 && lit[0] == '!')) {
				z = new_node(cx, CX_TAG, -1, -1, "ignore", 6);
			} else {
				bool neg = ln && lit[0] == '!';
				if (neg) {
					lit++;
					ln--;
				}
				z = valid_tag(lit, ln) ? new_node(cx, CX_TAG, -1, -1, lit, ln)
				                       : new_node(cx, CX_TAG, -1, -1, "ignore", 6);
				if (neg)
					z = new_node(cx, CX_NOT, z, -1, NULL, 0);
			}
			if (y < 0) {
				y = z;
			} else {
				if (++size > MAX_OLD_SIZE)
					goto complex;
				y = new_node(cx, CX_AND, y, z, NULL, 0);
			}
			if (b >= j)
				break;
			a = b + 1;
		}
		if (x < 0) {
			x = y;
		} else {
			if (++size > MAX_OLD_SIZE)
				goto complex;
			x = new_node(cx, CX_OR, x, y, NULL, 0);
		}
		i = j;
	}
	if (x < 0)
		x = new_node(cx, CX_TAG, -1, -1, "ignore", 6);
	cx->root = x;
	return true;
complex:
	snprintf(cx->err, sizeof cx->err, "expression too complex for // +build lines");
	return false;
}

bool load_cx_parse(Cx *cx, const char *line, size_t n)
{
	memset(cx, 0, sizeof *cx);
	cx->root = -1;
	const char *e;
	size_t en;
	if (split_go_build(line, n, &e, &en)) {
		XParser p = {.s = e, .n = en, .cx = cx};
		int x = p_or(&p);
		if (!p.failed && p.toklen != 0)
			xfail(&p, "unexpected token %.*s", p.tok, p.toklen);
		if (p.failed)
			return false;
		cx->root = x;
		return true;
	}
	if (split_plus_build(line, n, &e, &en))
		return parse_plus_build(cx, e, en);
	snprintf(cx->err, sizeof cx->err, "not a build constraint");
	return false;
}

void load_cx_free(Cx *cx) { vec_free(&cx->nodes); }

/* cmd/go/internal/imports.matchTag in "any tags" mode. */
static bool match_any(const char *name, size_t n, bool prefer)
{
	if (!valid_tag(name, n))
		return false;
	if (eq(name, n, "ignore"))
		return false;
	return prefer;
}

static bool eval_node(const Cx *cx, int i, const BuildCtx *ctx, bool prefer)
{
	const CxNode *nd = &cx->nodes.data[i];
	switch (nd->kind) {
	case CX_TAG:
		return ctx->any ? match_any(nd->tag, nd->taglen, prefer) : load_match_tag(ctx, nd->tag, nd->taglen);
	case CX_NOT:
		return !eval_node(cx, nd->x, ctx, !prefer);
	case CX_AND: {
		bool a = eval_node(cx, nd->x, ctx, prefer), b = eval_node(cx, nd->y, ctx, prefer);
		return a && b;
	}
	case CX_OR: {
		bool a = eval_node(cx, nd->x, ctx, prefer), b = eval_node(cx, nd->y, ctx, prefer);
		return a || b;
	}
	}
	return false;
}

bool load_cx_eval(const Cx *cx, const BuildCtx *ctx)
{
	return cx->root >= 0 && eval_node(cx, cx->root, ctx, true);
}

static void print_node(const Cx *cx, int i, FILE *out)
{
	const CxNode *nd = &cx->nodes.data[i];
	switch (nd->kind) {
	case CX_TAG:
		fprintf(out, "%.*s", (int)nd->taglen, nd->tag);
		return;
	case CX_NOT: {
		CxKind k = cx->nodes.data[nd->x].kind;
		bool par = k == CX_AND || k == CX_OR;
		fputs(par ? "!(" : "!", out);
		print_node(cx, nd->x, out);
		if (par)
			fputc(')', out);
		return;
	}
	case CX_AND:
	case CX_OR: {
		CxKind wrap = nd->kind == CX_AND ? CX_OR : CX_AND;
		int sides[2] = {nd->x, nd->y};
		for (int s = 0; s < 2; s++) {
			if (s)
				fputs(nd->kind == CX_AND ? " && " : " || ", out);
			bool par = cx->nodes.data[sides[s]].kind == wrap;
			if (par)
				fputc('(', out);
			print_node(cx, sides[s], out);
			if (par)
				fputc(')', out);
		}
		return;
	}
	}
}

void load_cx_print(const Cx *cx, FILE *out)
{
	if (cx->root >= 0)
		print_node(cx, cx->root, out);
}

/* ---- file headers and names (go/build shouldBuild, parseFileHeader, goodOSArchFile) ---- */

static bool is_go_build_comment(const char *line, size_t n)
{
	if (n < 10 || memcmp(line, "//go:build", 10))
		return false;
	/* line is already trimmed */
	const char *rest = line + 10;
	size_t rn = n - 10;
	if (rn == 0)
		return true;
	const char *t = rest;
	size_t tn = rn;
	trim(&t, &tn);
	return tn < rn;
}

static bool next_line(const char **p, const char *end, const char **line, size_t *n)
{
	if (*p >= end)
		return false;
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	*line = *p;
	if (nl) {
		*n = (size_t)(nl - *p);
		*p = nl + 1;
	} else {
		*n = (size_t)(end - *p);
		*p = end;
	}
	trim(line, n);
	return true;
}

bool load_should_build(const BuildCtx *ctx, const char *text, size_t len, const char **err)
{
	*err = NULL;
	/* parseFileHeader */
	const char *p = text, *end = text + len;
	size_t hdr_end = 0;
	bool ended = false, in_star = false;
	const char *gobuild = NULL;
	size_t gobuild_n = 0;
	const char *line;
	size_t n;
	while (next_line(&p, end, &line, &n)) {
		if (n == 0 && !ended) {
			hdr_end = (size_t)(p - text);
			continue;
		}
		if (n < 2 || memcmp(line, "//", 2))
			ended = true;
		if (!in_star && is_go_build_comment(line, n)) {
			if (gobuild) {
				*err = "multiple //go:build comments";
				return false;
			}
			gobuild = line;
			gobuild_n = n;
		}
		bool stop = false;
		while (n > 0) {
			if (in_star) {
				const char *s = NULL;
				for (size_t i = 0; i + 1 < n; i++)
					if (line[i] == '*' && line[i + 1] == '/') {
						s = line + i;
						break;
					}
				if (!s)
					break; /* next line */
				in_star = false;
				n -= (size_t)(s + 2 - line);
				line = s + 2;
				trim(&line, &n);
				continue;
			}
			if (n >= 2 && line[0] == '/' && line[1] == '/')
				break;
			if (n >= 2 && line[0] == '/' && line[1] == '*') {
				in_star = true;
				line += 2;
				n -= 2;
				trim(&line, &n);
				continue;
			}
			stop = true;
			break;
		}
		if (stop)
			break;
	}

	if (gobuild) {
		Cx cx;
		bool ok = load_cx_parse(&cx, gobuild, gobuild_n);
		bool r = false;
		if (!ok) {
			static _Thread_local char msg[160];
			snprintf(msg, sizeof msg, "parsing //go:build line: %s", cx.err);
			*err = msg;
		} else {
			r = load_cx_eval(&cx, ctx);
		}
		load_cx_free(&cx);
		return r;
	}
	bool should = true;
	p = text;
	end = text + hdr_end;
	while (next_line(&p, end, &line, &n)) {
		if (n < 2 || memcmp(line, "//", 2))
			continue;
		bool has = false;
		for (size_t i = 0; i + 6 <= n; i++)
			if (!memcmp(line + i, "+build", 6)) {
				has = true;
				break;
			}
		if (!has || !load_is_plus_build(line, n))
			continue;
		Cx cx;
		if (load_cx_parse(&cx, line, n) && !load_cx_eval(&cx, ctx))
			should = false;
		load_cx_free(&cx);
	}
	return should;
}

static bool match_tag_any(const BuildCtx *ctx, const char *s, size_t n)
{
	return ctx->any ? match_any(s, n, true) : load_match_tag(ctx, s, n);
}

bool load_good_os_arch_file(const BuildCtx *ctx, const char *name)
{
	if (ctx->any)
		return true; /* imports.MatchFile with "*" */
	size_t len = strcspn(name, ".");
	const char *u = memchr(name, '_', len);
	if (!u)
		return true;
	/* Split name[u..len) at '_' into elements; l[0] is the empty string before the first _. */
	const char *elem[64];
	size_t elen[64], ne = 0;
	const char *p = u, *end = name + len;
	while (p <= end && ne < ARRAY_LEN(elem)) {
		const char *q = memchr(p, '_', (size_t)(end - p));
		if (!q)
			q = end;
		elem[ne] = p;
		elen[ne] = (size_t)(q - p);
		ne++;
		p = q + 1;
	}
	if (ne > 0 && eq(elem[ne - 1], elen[ne - 1], "test"))
		ne--;
	if (ne >= 2 && load_known_os(elem[ne - 2], elen[ne - 2]) && load_known_arch(elem[ne - 1], elen[ne - 1]))
		return match_tag_any(ctx, elem[ne - 1], elen[ne - 1]) && match_tag_any(ctx, elem[ne - 2], elen[ne - 2]);
	if (ne >= 1 && (load_known_os(elem[ne - 1], elen[ne - 1]) || load_known_arch(elem[ne - 1], elen[ne - 1])))
		return match_tag_any(ctx, elem[ne - 1], elen[ne - 1]);
	return true;
}
