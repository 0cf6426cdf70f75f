/*
 * Build constraints, as go/build and go/build/constraint define them (Go 1.26).
 *
 * The //go:build parser is a transcription of constraint.exprParser: the same grammar
 * (or := and {"||" and}; and := not {"&&" not}; not := ["!"] atom; atom := tag | "(" or ")"),
 * the same size limit and the same error wording. A // +build line becomes the same tree
 * (spaces are ||, commas are &&, bad words are "ignore"). Evaluation walks the tree; in the
 * go command's "any tags" mode (pattern matching) every tag but "ignore" is "prefer", and a
 * negation flips prefer, as cmd/go/internal/imports does.
 *
 * load_should_build and load_good_os_arch_file transcribe go/build's shouldBuild,
 * parseFileHeader and goodOSArchFile. load_ctx_init reproduces the go command's defaults:
 * the host's GOOS/GOARCH, CGO_ENABLED (1 natively when a C compiler is on PATH), the
 * experiment and microarchitecture tool tags of internal/buildcfg and release tags go1.1..go1.26.
 */
#include "load/load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GO_MINOR 26 /* release tags go1.1 .. go1.26 */

static const char *const known_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
    "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
};
static const char *const unix_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
    "illumos", "ios", "linux", "netbsd", "openbsd", "solaris",
};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
    "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64",
    "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
};

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

bool load_known_os(const char *s, size_t n) { return in_list(known_os, ARRAY_LEN(known_os), s, n); }
bool load_known_arch(const char *s, size_t n) { return in_list(known_arch, ARRAY_LEN(known_arch), s, n); }

static bool eq(const char *a, size_t n, const char *b) { return b && strlen(b) == n && memcmp(a, b, n) == 0; }

/* ---- the build context ---- */

/* The go command's user configuration ($GOENV, else ~/.config/go/env: NAME=VALUE lines),
 * read once. */
static struct {
	bool read;
	Vec(char *) lines;
} goenv_file;

const char *load_getenv(const char *name)
{
	const char *v = getenv(name);
	if (v && *v)
		return v;
	if (!goenv_file.read) {
		goenv_file.read = true;
		const char *g = getenv("GOENV"), *home = getenv("HOME");
		char *path = g && *g ? xstrdup(g) : home ? xasprintf("%s/.config/go/env", home) : NULL;
		FILE *f = path && strcmp(path, "off") ? fopen(path, "r") : NULL;
		if (f) {
			char line[4096];
			while (fgets(line, sizeof line, f)) {
				line[strcspn(line, "\r\n")] = '\0';
				if (strchr(line, '='))
					vec_push(&goenv_file.lines, xstrdup(line));
			}
			fclose(f);
		}
		free(path);
	}
	size_t n = strlen(name);
	for (size_t i = 0; i < goenv_file.lines.len; i++) {
		const char *l = goenv_file.lines.data[i];
		if (!strncmp(l, name, n) && l[n] == '=' && l[n + 1])
			return l + n + 1;
	}
	return NULL;
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = load_getenv(name);
	return v && *v ? v : def;
}

static bool on_path(const char *prog)
{
	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0;
	const char *path = getenv("PATH");
	if (!path)
		return false;
	while (*path) {
		const char *e = strchr(path, ':');
		size_t n = e ? (size_t)(e - path) : strlen(path);
		char *f = xasprintf("%.*s/%s", (int)n, n ? path : ".", prog);
		struct stat st;
		bool ok = stat(f, &st) == 0 && S_ISREG(st.st_mode) && access(f, X_OK) == 0;
		free(f);
		if (ok)
			return true;
		path += n;
		if (*path == ':')
			path++;
	}
	return false;
}

static void add_tag(BuildCtx *ctx, char *t) { vec_push(&ctx->tags, t); }

/* GOEXPERIMENT: the baseline of internal/buildcfg.ParseGOEXPERIMENT, then the user's list. */
static void add_experiments(BuildCtx *ctx)
{
	static const char *const names[] = {"regabiwrappers", "regabiargs", "dwarf5", "greenteagc",
	                                    "randomizedheapbase64"};
	bool on[ARRAY_LEN(names)] = {false};
	const char *a = ctx->goarch, *o = ctx->goos;
	bool regabi_always = !strcmp(a, "amd64") || !strcmp(a, "arm64") || !strcmp(a, "loong64") ||
	                     !strcmp(a, "ppc64le") || !strcmp(a, "ppc64") || !strcmp(a, "riscv64");
	bool regabi = regabi_always || !strcmp(a, "s390x");
	on[0] = on[1] = regabi;
	on[2] = strcmp(o, "darwin") && strcmp(o, "ios") && strcmp(o, "aix");
	on[3] = on[4] = true;
	Vec(char *) extra = {0};
	const char *exp = load_getenv("GOEXPERIMENT");
	if (exp) {
		char *copy = xstrdup(exp), *save = NULL;
		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ') w++;
			bool val = true;
			if (!strncmp(w, "no", 2)) {
				val = false;
				w += 2;
			}
			if (!*w || !strcmp(w, "none"))
				continue;
			if (!strcmp(w, "regabi")) {
				on[0] = on[1] = val;
				continue;
			}
			bool known = false;
			for (size_t i = 0; i < ARRAY_LEN(names); i++)
				if (!strcmp(w, names[i])) {
					on[i] = val;
					known = true;
				}
			if (!known && val)
				vec_push(&extra, xstrdup(w));
		}
		free(copy);
	}
	if (regabi_always)
		on[0] = on[1] = true;
	if (!regabi)
		on[0] = on[1] = false;
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (on[i])
			add_tag(ctx, xasprintf("goexperiment.%s", names[i]));
	for (size_t i = 0; i < extra.len; i++) {
		for (char *c = extra.data[i]; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		add_tag(ctx, xasprintf("goexperiment.%s", extra.data[i]));
		free(extra.data[i]);
	}
	vec_free(&extra);
}

/* internal/buildcfg.gogoarchTags */
static void add_arch_tags(BuildCtx *ctx)
{
	const char *a = ctx->goarch;
	if (!strcmp(a, "386")) {
		add_tag(ctx, xasprintf("386.%s", env_or("GO386", "sse2")));
	} else if (!strcmp(a, "amd64")) {
		const char *v = env_or("GOAMD64", "v1");
		int lvl = (v[0] == 'v' && v[1] >= '1' && v[1] <= '4' && !v[2]) ? v[1] - '0' : 1;
		for (int i = 1; i <= lvl; i++)
			add_tag(ctx, xasprintf("amd64.v%d", i));
	} else if (!strcmp(a, "arm")) {
		const char *v = env_or("GOARM", "7");
		int lvl = (*v >= '5' && *v <= '7') ? *v - '0' : 7;
		for (int i = 5; i <= lvl; i++)
			add_tag(ctx, xasprintf("arm.%d", i));
	} else if (!strcmp(a, "arm64")) {
		const char *v = env_or("GOARM64", "v8.0");
		int major = 8, minor = 0;
		if (v[0] == 'v' && (v[1] == '8' || v[1] == '9') && v[2] == '.' && isdigit((unsigned char)v[3])) {
			major = v[1] - '0';
			minor = v[3] - '0';
		}
		for (int i = 0; i <= minor; i++)
			add_tag(ctx, xasprintf("arm64.v%d.%d", major, i));
		if (major == 9)
			for (int i = 0; i <= minor + 5 && i <= 9; i++)
				add_tag(ctx, xasprintf("arm64.v8.%d", i));
	} else if (!strcmp(a, "mips") || !strcmp(a, "mipsle")) {
		add_tag(ctx, xasprintf("%s.%s", a, env_or("GOMIPS", "hardfloat")));
	} else if (!strcmp(a, "mips64") || !strcmp(a, "mips64le")) {
		add_tag(ctx, xasprintf("%s.%s", a, env_or("GOMIPS64", "hardfloat")));
	} else if (!strcmp(a, "ppc64") || !strcmp(a, "ppc64le")) {
		const char *v = env_or("GOPPC64", "power8");
		int lvl = !strncmp(v, "power", 5) ? atoi(v + 5) : 8;
		if (lvl < 8 || lvl > 10)
			lvl = 8;
		for (int i = 8; i <= lvl; i++)
			add_tag(ctx, xasprintf("%s.power%d", a, i));
	} else if (!strcmp(a, "riscv64")) {
		const char *v = env_or("GORISCV64", "rva20u64");
		add_tag(ctx, xstrdup("riscv64.rva20u64"));
		if (!strcmp(v, "rva22u64") || !strcmp(v, "rva23u64"))
			add_tag(ctx, xstrdup("riscv64.rva22u64"));
		if (!strcmp(v, "rva23u64"))
			add_tag(ctx, xstrdup("riscv64.rva23u64"));
	} else if (!strcmp(a, "wasm")) {
		add_tag(ctx, xstrdup("wasm.satconv"));
		add_tag(ctx, xstrdup("wasm.signext"));
	}
}

static const char *host_goarch(void)
{
#if defined(__x86_64__)
	return "amd64";
#elif defined(__aarch64__)
	return "arm64";
#elif defined(__i386__)
	return "386";
#elif defined(__arm__)
	return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
	return "riscv64";
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return "ppc64le";
#elif defined(__s390x__)
	return "s390x";
#else
	return "amd64";
#endif
}

static const char *host_goos(void)
{
#if defined(__APPLE__)
	return "darwin";
#elif defined(__FreeBSD__)
	return "freebsd";
#else
	return "linux";
#endif
}

void load_ctx_init(BuildCtx *ctx, const char *usertags)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->goos = env_or("GOOS", host_goos());
	ctx->goarch = env_or("GOARCH", host_goarch());
	ctx->compiler = "gc";
	/* cmd/go/internal/cfg: natively on (where cgo is supported) unless CC is unset and the
	 * default C compiler is not on PATH; cross-compiling off; CGO_ENABLED=0/1 decides. */
	bool native = !strcmp(ctx->goos, host_goos()) && !strcmp(ctx->goarch, host_goarch());
	ctx->cgo = native;
	if (native && !(getenv("CC") && *getenv("CC"))) {
		const char *o = ctx->goos;
		bool clang = !strcmp(o, "darwin") || !strcmp(o, "ios") || !strcmp(o, "freebsd") || !strcmp(o, "openbsd");
		ctx->cgo = on_path(clang ? "clang" : "gcc");
	}
	const char *cgo = load_getenv("CGO_ENABLED");
	if (cgo && (!strcmp(cgo, "0") || !strcmp(cgo, "1")))
		ctx->cgo = cgo[0] == '1';
	if (usertags) {
		const char *p = usertags;
		while (*p) {
			size_t n = strcspn(p, ", ");
			if (n)
				add_tag(ctx, xstrndup(p, n));
			p += n;
			if (*p)
				p++;
		}
	}
	add_experiments(ctx);
	add_arch_tags(ctx);
	for (int i = 1; i <= GO_MINOR; i++)
		add_tag(ctx, xasprintf("go1.%d", i));
}

void load_ctx_free(BuildCtx *ctx)
{
	for (size_t i = 0; i < ctx->tags.len; i++)
		free((char *)ctx->tags.data[i]);
	vec_free(&ctx->tags);
}

/* go/build Context.matchTag */
bool load_match_tag(const BuildCtx *ctx, const char *name, size_t n)
{
	if (ctx->cgo && eq(name, n, "cgo"))
		return true;
	if (eq(name, n, ctx->goos) || eq(name, n, ctx->goarch) || eq(name, n, ctx->compiler))
		return true;
	if (!strcmp(ctx->goos, "android") && eq(name, n, "linux"))
		return true;
	if (!strcmp(ctx->goos, "illumos") && eq(name, n, "solaris"))
		return true;
	if (!strcmp(ctx->goos, "ios") && eq(name, n, "darwin"))
		return true;
	if (eq(name, n, "unix") && in_list(unix_os, ARRAY_LEN(unix_os), ctx->goos, strlen(ctx->goos)))
		return true;
	if (eq(name, n, "boringcrypto")) {
		name = "goexperiment.boringcrypto";
		n = strlen(name);
	}
	for (size_t i = 0; i < ctx->tags.len; i++)
		if (eq(name, n, ctx->tags.data[i]))
			return true;
	return false;
}

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
	unsigned char c = (unsigned char)s[0];
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (n > avail)
		n = 1;
	for (size_t k = 1; k < n; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			return 1;
	return n;
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
