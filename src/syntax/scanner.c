/*
 * The Go scanner (spec: "Lexical elements"), two references in one:
 *
 *   - tokens, positions, literal spans and automatic semicolons are go/scanner's (Go 1.26,
 *     $GOROOT/src/go/scanner/scanner.go), on valid and invalid input alike: the scanner
 *     consumes exactly the bytes go/scanner consumes for each token, so a bad byte becomes
 *     the same TOK_ILLEGAL token and a bad literal spans the same text;
 *   - diagnostics are gc's ($GOROOT/src/cmd/compile/internal/syntax/scanner.go): the same
 *     words at the same byte, one error per bad literal (gc stops at a literal's first
 *     problem), and gc prints them as FILE:LINE:COL: MESSAGE with no "syntax error: "
 *     prefix (that prefix is the parser's). Where the two scanners cut bad input apart
 *     differently (gc's reader drops NUL, invalid UTF-8 and BOM bytes, so a token goes on
 *     across them, while go/scanner ends the token there) numbers, escapes and rune
 *     lengths are judged as gc reads them, and the pieces gc takes for one identifier or
 *     number stay quiet (gc_ident, gc_num_end).
 *
 * The scanner works on the whole file in memory (SrcFile.text, NUL-terminated), reading
 * bytes by offset; each byte is examined a bounded number of times (a run of dropped bytes
 * is looked through by gc's view at most once more), so time is linear in the input
 * whatever it holds. Each invalid byte (NUL, bad UTF-8, a BOM past offset 0) is
 * reported exactly once, when the token or literal containing it consumes it.
 */
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>

/* Entries of Scanner.idcache: a power of two, about one per 128 bytes of the first file
 * (zeroing a big cache for a small file would cost more than it saves), within these. */
#define IDCACHE_MIN 64
#define IDCACHE_MAX 4096

/* ---- keywords ---- */

void syn_intern_keywords(Interner *names)
{
	static const char *const kw[] = {
#define TOK(e, s) s,
		TOKENS(TOK)
#undef TOK
	};
	if (intern_cstr(names, kw[TOK_VAR])->tok == TOK_VAR)
		return; /* done already: the last keyword is set last */
	for (int k = TOK_BREAK; k <= TOK_VAR; k++)
		intern_cstr(names, kw[k])->tok = k;
}

void syn_scanner_init(Scanner *s, SrcFile *f, Interner *names, Diags *diags, unsigned mode)
{
	memset(s, 0, sizeof *s);
	s->file = f;
	s->src = f->text;
	s->len = (uint32_t)f->len;
	s->mode = mode;
	s->names = names;
	s->diags = diags;
	syn_intern_keywords(names);
	uint32_t n = IDCACHE_MIN;
	while (n < IDCACHE_MAX && n * 128 < f->len)
		n *= 2;
	s->idcache = xcalloc(n, sizeof(IdCacheEntry));
	s->idcache_mask = n - 1;
	/* A BOM is allowed as the very first character only (go/scanner's Init skips it). */
	if (s->len >= 3 && memcmp(s->src, "\xEF\xBB\xBF", 3) == 0)
		s->off = 3;
}

void syn_scanner_reset(Scanner *s, SrcFile *f)
{
	Scanner keep = *s;
	memset(s, 0, sizeof *s);
	s->file = f;
	s->src = f->text;
	s->len = (uint32_t)f->len;
	s->mode = keep.mode;
	s->names = keep.names;
	s->diags = keep.diags;
	s->idcache = keep.idcache; /* names live as long as the interner: the cache stays valid */
	s->idcache_mask = keep.idcache_mask;
	s->comments = keep.comments;
	vec_clear(&s->comments);
	if (s->len >= 3 && memcmp(s->src, "\xEF\xBB\xBF", 3) == 0)
		s->off = 3;
}

void syn_scanner_free(Scanner *s)
{
	vec_free(&s->comments);
	free(s->idcache);
	s->idcache = NULL;
}

/*
 * Identifiers repeat within a file, so a small direct-mapped cache keyed by a cheap hash
 * (length, first and last bytes) answers most lookups without touching the interner's
 * large table; a miss interns and fills the slot.
 */
/* The cache's hash of an identifier: h = h*31 + byte from h = 0, then mixed by ident_slot. */
static inline uint32_t ident_hash(const char *p, uint32_t n)
{
	uint32_t h = 0;
	for (uint32_t i = 0; i < n; i++)
		h = h * 31u + (unsigned char)p[i];
	return h;
}

static inline Name *intern_ident(Scanner *s, const char *p, uint32_t n, uint32_t h)
{
	h ^= h >> 13;
	IdCacheEntry *e = &s->idcache[h & s->idcache_mask];
	if (e->len == n && e->nm) {
		/* short names are compared in the entry itself, long ones in the interned name */
		const char *q = n <= sizeof e->s ? e->s : e->nm->s;
		uint32_t i = 0;
		while (i < n && q[i] == p[i])
			i++;
		if (i == n)
			return e->nm;
	}
	Name *nm = intern(s->names, p, n);
	e->nm = nm;
	e->len = n;
	memcpy(e->s, p, n <= sizeof e->s ? n : 0);
	return nm;
}

/* ---- messages ---- */

/* Diagnostics kept per file: a binary file would otherwise make one per byte (gc itself
 * stops after 10). Scanner.nerrors keeps counting past it. */
#define MAX_RECORDED_ERRORS 1000

static void report(Scanner *s, uint32_t off, const char *fmt, va_list ap)
{
	if (s->nerrors++ >= MAX_RECORDED_ERRORS)
		return;
	diag_vadd(s->diags, (Pos){s->file->id, off}, DIAG_ERROR, fmt, ap);
}

/* A complaint about a token; quiet inside what gc reads as a comment (gc_quiet_end). */
static void PRINTF_LIKE(3, 4) error_at(Scanner *s, uint32_t off, const char *fmt, ...)
{
	if (off < s->gc_quiet_end)
		return;
	va_list ap;
	va_start(ap, fmt);
	report(s, off, fmt, ap);
	va_end(ap);
}

/* A complaint about a byte gc's reader drops: gc makes it wherever the byte is. */
static void PRINTF_LIKE(3, 4) dropped_at(Scanner *s, uint32_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(s, off, fmt, ap);
	va_end(ap);
}

char *syn_fmt_U(uint32_t r, char *buf)
{
	int n = snprintf(buf, 32, "U+%04X", (unsigned)r);
	if (r <= 0x10FFFF && syn_is_print(r)) {
		buf[n++] = ' ';
		buf[n++] = '\'';
		n += (int)syn_encode_rune(r, buf + n);
		buf[n++] = '\'';
		buf[n] = 0;
	}
	return buf;
}

char *syn_quote_rune(uint32_t r, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
		r = SYN_RUNE_ERROR;
	size_t n = 0;
	buf[n++] = '\'';
	if (r == '\'' || r == '\\') {
		buf[n++] = '\\';
		buf[n++] = (char)r;
	} else if (syn_is_print(r)) {
		n += syn_encode_rune(r, buf + n);
	} else {
		const char *esc = NULL;
		switch (r) {
		case '\a': esc = "\\a"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\v': esc = "\\v"; break;
		}
		if (esc) {
			memcpy(buf + n, esc, 2);
			n += 2;
		} else if (r < ' ' || r == 0x7f) {
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = hex[r >> 4];
			buf[n++] = hex[r & 15];
		} else {
			int digits = r < 0x10000 ? 4 : 8;
			buf[n++] = '\\';
			buf[n++] = r < 0x10000 ? 'u' : 'U';
			for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4)
				buf[n++] = hex[r >> sh & 15];
		}
	}
	buf[n++] = '\'';
	buf[n] = 0;
	return buf;
}

/* ---- characters ---- */

static inline bool is_decimal(unsigned c) { return c - '0' < 10; }
static inline bool is_hex(unsigned c) { return c - '0' < 10 || (c | 0x20) - 'a' < 6; }
/* ASCII letters, digits and '_' (the identifier fast path), indexed by byte. */
static const bool ident_byte[256] = {
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
	0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,
	0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
};

/* 1: ' ', '\t', '\r'; 2: '\n' (blank unless it ends a line that takes a semicolon). */
static const unsigned char blank_byte[256] = {['\t'] = 1, ['\n'] = 2, ['\r'] = 1, [' '] = 1};

static inline uint32_t decode_at(const Scanner *s, uint32_t off, uint32_t *w)
{
	return syn_decode_rune((const unsigned char *)s->src + off, s->len - off, w);
}

/*
 * Consumes one character inside a literal or comment at off (the caller knows off < len)
 * and returns its width, reporting NUL, invalid UTF-8 and a BOM (never at offset 0 here)
 * as gc does at each occurrence.
 */
static uint32_t lit_char(Scanner *s, uint32_t off)
{
	unsigned char c = (unsigned char)s->src[off];
	if (c == 0) {
		dropped_at(s, off, "invalid NUL character");
		return 1;
	}
	if (c < 0x80)
		return 1;
	uint32_t w;
	uint32_t r = decode_at(s, off, &w);
	if (r == SYN_RUNE_ERROR && w == 1)
		dropped_at(s, off, "invalid UTF-8 encoding");
	else if (r == 0xFEFF)
		dropped_at(s, off, "invalid BOM in the middle of the file");
	return w;
}

/*
 * gc's reader drops NUL, invalid UTF-8 and BOM bytes (after complaining) before its
 * scanner sees them; go/scanner sees them and ends a number or an escape there. Where a
 * number or escape meets such a byte, the scanner consumes what go/scanner consumes, and
 * looks again through gc's eyes (skipping those bytes) for the diagnostic.
 */
static bool is_bad_byte(const Scanner *s, uint32_t off)
{
	if (off >= s->len)
		return false;
	unsigned char c = (unsigned char)s->src[off];
	if (c == 0)
		return true;
	if (c < 0x80)
		return false;
	uint32_t w;
	uint32_t r = decode_at(s, off, &w);
	return (r == SYN_RUNE_ERROR && w == 1) || r == 0xFEFF;
}

/* The offset of the next character gc's scanner sees at or after off. */
static uint32_t gc_skip(const Scanner *s, uint32_t off)
{
	while (is_bad_byte(s, off)) {
		uint32_t w;
		decode_at(s, off, &w);
		off += w;
	}
	return off;
}

/* A diagnostic held back until the caller knows whose view (go/scanner's or gc's) holds. */
typedef struct Deferred {
	bool set;
	uint32_t off;
	char msg[128];
} Deferred;

static void PRINTF_LIKE(3, 4) defer_error(Deferred *d, uint32_t off, const char *fmt, ...)
{
	if (d->set)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	d->set = true;
	d->off = off;
}

static void emit_deferred(Scanner *s, const Deferred *d)
{
	if (d->set)
		error_at(s, d->off, "%s", d->msg);
}

/* Bytes a literal/comment loop can skip without a look: not NUL, not ASCII-special. */
static inline bool plain_byte(unsigned char c) { return c != 0 && c < 0x80; }

/* ---- comments ---- */

static bool has_prefix(const char *p, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(p, pre, k) == 0;
}

/* go/build/constraint: "//go:build" followed by a blank or the end; "//", optional blanks,
 * "+build", then a blank or the end. */
static bool is_build_line(const char *p, size_t n)
{
	if (has_prefix(p, n, "//go:build"))
		return n == 10 || p[10] == ' ' || p[10] == '\t';
	size_t i = 2;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (!has_prefix(p + i, n - i, "+build"))
		return false;
	i += 6;
	return i == n || p[i] == ' ' || p[i] == '\t';
}

/* go/ast's isDirective: //line, //extern, //export, or //[a-z0-9]+:[a-z0-9]; and the block
 * comment form of //line. */
static CommentKind comment_kind(const char *p, size_t n)
{
	if (p[1] == '*')
		return has_prefix(p, n, "/*line ") ? COMMENT_DIRECTIVE : COMMENT_PLAIN;
	if (is_build_line(p, n))
		return COMMENT_BUILD;
	p += 2;
	n -= 2;
	if (has_prefix(p, n, "line ") || has_prefix(p, n, "extern ") || has_prefix(p, n, "export "))
		return COMMENT_DIRECTIVE;
	size_t i = 0;
	while (i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9')))
		i++;
	if (i == 0 || i + 1 >= n || p[i] != ':')
		return COMMENT_PLAIN;
	unsigned char b = (unsigned char)p[i + 1];
	if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')))
		return COMMENT_PLAIN;
	return COMMENT_DIRECTIVE;
}

/*
 * Scans a comment starting at start ("//" or slash-star); returns its length as go/scanner's
 * literal counts it and sets *nl to the offset of the first newline inside a block comment
 * (0 when none).
 */
static uint32_t scan_comment(Scanner *s, uint32_t start, uint32_t *nl)
{
	const char *src = s->src;
	uint32_t len = s->len, off = start + 2;
	*nl = 0;
	if (src[start + 1] == '/') {
		for (;;) {
			while (off < len && plain_byte((unsigned char)src[off]) && src[off] != '\n')
				off++;
			if (off >= len || src[off] == '\n')
				break;
			off += lit_char(s, off);
		}
		s->off = off;
		uint32_t n = off - start;
		if (src[off - 1] == '\r')
			n--; /* a "\r\n" line end is not part of the comment (go/scanner) */
		return n;
	}
	for (;;) {
		while (off < len && plain_byte((unsigned char)src[off]) && src[off] != '*' && src[off] != '\n')
			off++;
		if (off >= len) {
			error_at(s, start, "comment not terminated");
			break;
		}
		char c = src[off];
		if (c == '*') {
			if (off + 1 < len && src[off + 1] == '/') {
				off += 2;
				break;
			}
			off++;
		} else if (c == '\n') {
			if (!*nl)
				*nl = off;
			off++;
		} else {
			off += lit_char(s, off);
		}
	}
	s->off = off;
	return off - start;
}

/* ---- literals ---- */

static const char *base_name(int base)
{
	switch (base) {
	case 2: return "binary";
	case 8: return "octal";
	case 16: return "hexadecimal";
	}
	return "decimal";
}

/*
 * An escape whose first character (after the backslash) is at off, read as go/scanner
 * reads it (gc false) or as gc does (gc true: NUL, bad UTF-8 and BOMs skipped). *end gets
 * the offset after what it consumed (a bad digit is left unconsumed); the complaint, gc's
 * words, goes to *d. At EOF it succeeds and lets the caller complain about the literal.
 */
static bool escape_core(Scanner *s, uint32_t off, char quote, bool gc, Deferred *d, uint32_t *end)
{
	const char *src = s->src;
	uint32_t len = s->len;
#define ESC_NEXT(o) (gc ? gc_skip(s, (o) + 1) : (o) + 1)
	if (gc)
		off = gc_skip(s, off);
	*end = off;
	if (off >= len)
		return true;
	int n;
	uint32_t base, max;
	char c = src[off];
	switch (c) {
	case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
		*end = ESC_NEXT(off);
		return true;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8, max = 255;
		break;
	case 'x':
		off = ESC_NEXT(off);
		n = 2, base = 16, max = 255;
		break;
	case 'u':
		off = ESC_NEXT(off);
		n = 4, base = 16, max = 0x10FFFF;
		break;
	case 'U':
		off = ESC_NEXT(off);
		n = 8, base = 16, max = 0x10FFFF;
		break;
	default:
		if (c == quote) {
			*end = ESC_NEXT(off);
			return true;
		}
		defer_error(d, off, "unknown escape");
		return false;
	}
	uint32_t x = 0;
	for (; n > 0; n--) {
		*end = off;
		if (off >= len)
			return true;
		unsigned char dc = (unsigned char)src[off];
		uint32_t v = base;
		if (is_decimal(dc))
			v = dc - '0';
		else if (is_hex(dc))
			v = (uint32_t)((dc | 0x20) - 'a' + 10);
		if (v >= base) {
			uint32_t w;
			char q[32];
			defer_error(d, off, "invalid character %s in %s escape", syn_quote_rune(decode_at(s, off, &w), q),
			            base_name((int)base));
			return false;
		}
		x = x * base + v;
		off = ESC_NEXT(off);
	}
#undef ESC_NEXT
	*end = off;
	if (x > max && base == 8) {
		defer_error(d, off, "octal escape value %u > 255", (unsigned)x);
		return false;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		char u[32];
		defer_error(d, off, "escape is invalid Unicode code point %s", syn_fmt_U(x, u));
		return false;
	}
	return true;
}

/*
 * The escape after the backslash at s->off: consumed as go/scanner consumes it, judged as
 * gc judges it (the return value is gc's verdict). When gc reads further than go/scanner
 * (past bytes it drops), Scanner.gc_esc_end marks where gc's escape ends.
 */
static bool scan_escape(Scanner *s, char quote)
{
	uint32_t start = s->off, end;
	Deferred d = {0};
	bool ok = escape_core(s, start, quote, false, &d, &end);
	s->off = end;
	if (ok)
		return true;
	if (!is_bad_byte(s, d.off)) {
		emit_deferred(s, &d);
		return false;
	}
	Deferred g = {0};
	uint32_t gend;
	ok = escape_core(s, start, quote, true, &g, &gend);
	emit_deferred(s, &g);
	if (ok)
		s->gc_esc_end = gend;
	return ok;
}

static void scan_rune(Scanner *s, uint32_t start)
{
	const char *src = s->src;
	uint32_t len = s->len;
	bool ok = true;
	int n = 0;
	s->off = start + 1;
	for (;;) {
		uint32_t off = s->off;
		if (off >= len || src[off] == '\n') {
			if (ok) {
				if (off >= len)
					error_at(s, start, "rune literal not terminated");
				else
					error_at(s, off, "newline in rune literal");
			}
			return;
		}
		char c = src[off];
		if (c == '\'') {
			s->off = off + 1;
			if (ok && n == 0)
				error_at(s, off, "empty rune literal or unescaped '");
			else if (ok && n != 1)
				error_at(s, start, "more than one character in rune literal");
			return;
		}
		if (c == '\\') {
			n++;
			s->off = off + 1;
			if (!scan_escape(s, '\''))
				ok = false;
			continue;
		}
		/* gc's reader drops NUL, invalid UTF-8 and BOMs: they do not count as characters */
		uint32_t nerr = s->nerrors;
		s->off = off + lit_char(s, off);
		n += s->nerrors == nerr && off >= s->gc_esc_end;
	}
}

static void scan_string(Scanner *s, uint32_t start)
{
	const char *src = s->src;
	uint32_t len = s->len, off = start + 1;
	for (;;) {
		while (off < len) {
			unsigned char c = (unsigned char)src[off];
			if (!plain_byte(c) || c == '"' || c == '\\' || c == '\n')
				break;
			off++;
		}
		if (off >= len) {
			error_at(s, start, "string not terminated");
			break;
		}
		char c = src[off];
		if (c == '"') {
			off++;
			break;
		}
		if (c == '\n') {
			error_at(s, off, "newline in string");
			break;
		}
		if (c == '\\') {
			s->off = off + 1;
			scan_escape(s, '"');
			off = s->off;
			continue;
		}
		off += lit_char(s, off);
	}
	s->off = off;
}

static void scan_raw_string(Scanner *s, uint32_t start)
{
	const char *src = s->src;
	uint32_t len = s->len, off = start + 1;
	for (;;) {
		while (off < len && plain_byte((unsigned char)src[off]) && src[off] != '`')
			off++;
		if (off >= len) {
			error_at(s, start, "string not terminated");
			break;
		}
		if (src[off] == '`') {
			off++;
			break;
		}
		off += lit_char(s, off);
	}
	s->off = off;
}

/*
 * { digit | '_' } from s->off; bit 0 of the result: a digit was seen, bit 1: a '_'.
 * For base <= 10 any decimal digit is accepted and the first one >= base is recorded in
 * *invalid (when it is still UINT32_MAX).
 */
static int scan_digits(Scanner *s, int base, uint32_t *invalid, bool gc)
{
	const char *src = s->src;
	uint32_t len = s->len, off = s->off;
	int digsep = 0;
	for (; off < len; off = gc ? gc_skip(s, off + 1) : off + 1) {
		unsigned char c = (unsigned char)src[off];
		if (c == '_')
			digsep |= 2;
		else if (base <= 10 ? is_decimal(c) : is_hex(c)) {
			digsep |= 1;
			if (base < 10 && c >= (unsigned)('0' + base) && invalid && *invalid == UINT32_MAX)
				*invalid = off;
		} else
			break;
	}
	s->off = off;
	return digsep;
}

/* go/scanner's and gc's invalidSep: index of the first misplaced '_' in x, or -1. */
static long invalid_sep(const char *x, size_t n)
{
	char x1 = ' ', d = '.';
	size_t i = 0;
	if (n >= 2 && x[0] == '0') {
		x1 = (char)(x[1] | 0x20);
		if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
			d = '0';
			i = 2;
		}
	}
	for (; i < n; i++) {
		char p = d;
		d = x[i];
		if (d == '_') {
			if (p != '0')
				return (long)i;
		} else if (is_decimal((unsigned char)d) || (x1 == 'x' && is_hex((unsigned char)d))) {
			d = '0';
		} else {
			if (p == '_')
				return (long)i - 1;
			d = '.';
		}
	}
	if (d == '_')
		return (long)n - 1;
	return -1;
}

/*
 * A number at start (a digit, or '.' then a digit), read as go/scanner reads it (gc false)
 * or as gc does (gc true: dropped bytes skipped). gc's first complaint about it, its only
 * one, goes to *d.
 */
static TokKind number_core(Scanner *s, uint32_t start, bool gc, Deferred *d)
{
	const char *src = s->src;
	uint32_t len = s->len;
	TokKind tok = TOK_INT;
	int base = 10;
	char prefix = 0;     /* 0 (decimal), '0' (0-octal), 'x', 'o', 'b' */
	int digsep = 0;
	uint32_t invalid = UINT32_MAX;
#define NUM_ERROR(off, ...) defer_error(d, (off), __VA_ARGS__)
#define NUM_NEXT(o) (gc ? gc_skip(s, (o) + 1) : (o) + 1)
	s->off = start;
	if (src[start] != '.') {
		if (src[start] == '0') {
			s->off = NUM_NEXT(s->off);
			char c = s->off < len ? (char)(src[s->off] | 0x20) : 0;
			if (c == 'x') {
				s->off = NUM_NEXT(s->off);
				base = 16, prefix = 'x';
			} else if (c == 'o') {
				s->off = NUM_NEXT(s->off);
				base = 8, prefix = 'o';
			} else if (c == 'b') {
				s->off = NUM_NEXT(s->off);
				base = 2, prefix = 'b';
			} else {
				base = 8, prefix = '0';
				digsep = 1;
			}
		}
		digsep |= scan_digits(s, base, &invalid, gc);
	}
	if (s->off < len && src[s->off] == '.') {
		tok = TOK_FLOAT;
		if (prefix == 'o' || prefix == 'b')
			NUM_ERROR(s->off, "invalid radix point in %s literal", base_name(base));
		s->off = NUM_NEXT(s->off);
		digsep |= scan_digits(s, base, &invalid, gc);
	}
	if (!(digsep & 1))
		NUM_ERROR(s->off, "%s literal has no digits", base_name(base));
	char e = s->off < len ? (char)(src[s->off] | 0x20) : 0;
	if (e == 'e' || e == 'p') {
		char q[32];
		if (e == 'e' && prefix != 0 && prefix != '0')
			NUM_ERROR(s->off, "%s exponent requires decimal mantissa", syn_quote_rune((unsigned char)src[s->off], q));
		else if (e == 'p' && prefix != 'x')
			NUM_ERROR(s->off, "%s exponent requires hexadecimal mantissa", syn_quote_rune((unsigned char)src[s->off], q));
		s->off = NUM_NEXT(s->off);
		tok = TOK_FLOAT;
		if (s->off < len && (src[s->off] == '+' || src[s->off] == '-'))
			s->off = NUM_NEXT(s->off);
		int ds = scan_digits(s, 10, NULL, gc);
		digsep |= ds;
		if (!(ds & 1))
			NUM_ERROR(s->off, "exponent has no digits");
	} else if (prefix == 'x' && tok == TOK_FLOAT) {
		NUM_ERROR(s->off, "hexadecimal mantissa requires a 'p' exponent");
	}
	if (s->off < len && src[s->off] == 'i') {
		tok = TOK_IMAG;
		s->off = NUM_NEXT(s->off);
	}
	if (tok == TOK_INT && invalid != UINT32_MAX) {
		char q[32];
		NUM_ERROR(invalid, "invalid digit %s in %s literal", syn_quote_rune((unsigned char)src[invalid], q),
		          base_name(base));
	}
	if (digsep & 2) {
		long i = invalid_sep(src + start, s->off - start);
		if (i >= 0)
			NUM_ERROR(start + (uint32_t)i, "'_' must separate successive digits");
	}
#undef NUM_ERROR
#undef NUM_NEXT
	return tok;
}

/*
 * A number at start: consumed as go/scanner consumes it, reported as gc reports it. They
 * differ only when go/scanner stops at a byte gc drops; gc then reads on (to gc_num_end).
 * quiet: gc sees these bytes as part of an identifier or of an earlier number.
 */
static TokKind scan_number(Scanner *s, uint32_t start, bool quiet)
{
	Deferred d = {0};
	TokKind tok = number_core(s, start, false, &d);
	if (quiet)
		return tok;
	if (!is_bad_byte(s, s->off)) {
		emit_deferred(s, &d);
		return tok;
	}
	uint32_t end = s->off;
	Deferred g = {0};
	number_core(s, start, true, &g);
	emit_deferred(s, &g);
	s->gc_num_end = s->off;
	s->off = end;
	return tok;
}

/* ---- tokens ---- */

/* The rest of an identifier whose first character ends at off: letters and digits. */
static uint32_t scan_ident_rest(Scanner *s, uint32_t off)
{
	const char *src = s->src;
	uint32_t len = s->len;
	for (;;) {
		while (off < len && ident_byte[(unsigned char)src[off]])
			off++;
		if (off >= len || (unsigned char)src[off] < 0x80)
			return off;
		uint32_t w;
		uint32_t r = decode_at(s, off, &w);
		if (!(syn_is_letter(r) || syn_is_digit(r)) || (r == SYN_RUNE_ERROR && w == 1))
			return off;
		off += w;
	}
}

static inline TokKind op2(Scanner *s, TokKind t0, TokKind t1)
{
	if (s->off < s->len && s->src[s->off] == '=') {
		s->off++;
		return t1;
	}
	return t0;
}

static inline TokKind op3(Scanner *s, TokKind t0, TokKind t1, char c2, TokKind t2)
{
	if (s->off < s->len && s->src[s->off] == '=') {
		s->off++;
		return t1;
	}
	if (s->off < s->len && s->src[s->off] == c2) {
		s->off++;
		return t2;
	}
	return t0;
}

static inline TokKind op4(Scanner *s, TokKind t0, TokKind t1, char c2, TokKind t2, TokKind t3)
{
	if (s->off < s->len && s->src[s->off] == '=') {
		s->off++;
		return t1;
	}
	if (s->off < s->len && s->src[s->off] == c2) {
		s->off++;
		if (s->off < s->len && s->src[s->off] == '=') {
			s->off++;
			return t3;
		}
		return t2;
	}
	return t0;
}

/*
 * A character no token starts with, at start (non-ASCII, or a NUL). Reports it as gc does;
 * returns its width. Invalid UTF-8 and BOMs are skipped by gc's reader (only the encoding
 * complaint); a non-letter gc takes as part of an identifier.
 */
static uint32_t illegal_char(Scanner *s, uint32_t start)
{
	unsigned char c = (unsigned char)s->src[start];
	bool in_gc_ident = s->gc_ident == start + 1;
	char u[32];
	if (c == 0) {
		dropped_at(s, start, "invalid NUL character");
		if (in_gc_ident)
			s->gc_ident = start + 2;
		return 1;
	}
	if (c < 0x80) {
		error_at(s, start, "invalid character %s", syn_fmt_U(c, u));
		return 1;
	}
	uint32_t w;
	uint32_t r = decode_at(s, start, &w);
	bool skipped = (r == SYN_RUNE_ERROR && w == 1) || r == 0xFEFF; /* gc's reader drops these */
	if (r == SYN_RUNE_ERROR && w == 1) {
		if (start == 0 && s->len >= 2 && ((c == 0xFF && (unsigned char)s->src[1] == 0xFE) ||
		                                  (c == 0xFE && (unsigned char)s->src[1] == 0xFF))) {
			/* UTF-16 (a UCS-2 BOM first): go/scanner gives up on the whole file. */
			dropped_at(s, start, "invalid UTF-8 encoding");
			return s->len;
		}
		dropped_at(s, start, "invalid UTF-8 encoding");
	} else if (r == 0xFEFF) {
		dropped_at(s, start, "invalid BOM in the middle of the file");
	} else if (syn_is_digit(r)) {
		if (!in_gc_ident)
			error_at(s, start, "identifier cannot begin with digit %s", syn_fmt_U(r, u));
	} else {
		error_at(s, start, "invalid character %s in identifier", syn_fmt_U(r, u));
	}
	if (in_gc_ident || !skipped)
		s->gc_ident = start + w + 1;
	return w;
}

/*
 * A '/' at start followed by bytes gc drops: when '/' or '*' comes next, gc reads a
 * comment where go/scanner reads '/' and more tokens; what those tokens would complain
 * about gc never sees, up to the end of gc's comment (gc_quiet_end).
 */
static void gc_split_comment(Scanner *s, uint32_t start)
{
	const char *src = s->src;
	if (start < s->gc_quiet_end)
		return; /* already inside gc's comment: this '/' is comment text to gc */
	uint32_t len = s->len, j = gc_skip(s, start + 1);
	if (j >= len || (src[j] != '/' && src[j] != '*'))
		return;
	uint32_t end = len;
	if (src[j] == '/') {
		const char *nl = memchr(src + j, '\n', len - j);
		if (nl)
			end = (uint32_t)(nl - src) + 1; /* gc's next token is the newline itself */
	} else {
		for (uint32_t k = j + 1; k < len; k++) {
			if (src[k] == '*') {
				uint32_t e = gc_skip(s, k + 1);
				if (e < len && src[e] == '/') {
					end = e + 1;
					break;
				}
			}
		}
		if (end == len)
			error_at(s, start, "comment not terminated");
	}
	s->gc_quiet_end = end;
}

TokKind syn_scan(Scanner *s, Token *t)
{
	const char *src = s->src;
	uint32_t len = s->len;
	bool insert;
	TokKind tok;
again:
	if (s->nl_semi) {
		t->kind = TOK_SEMICOLON;
		t->off = s->nl_semi - 1;
		t->len = 0;
		t->implicit = true;
		t->name = NULL;
		s->nl_semi = 0;
		return TOK_SEMICOLON;
	}
	uint32_t off = s->off;
	if (s->insert_semi) {
		while (blank_byte[(unsigned char)src[off]] == 1)
			off++;
	} else {
		while (blank_byte[(unsigned char)src[off]])
			off++;
	}
	if (off > len)
		off = len; /* never: the text's final NUL is not blank */
	uint32_t start = off;
	t->off = start;
	t->implicit = false;
	t->name = NULL;
	insert = false;
	if (off >= len) {
		s->off = len;
		t->len = 0;
		if (s->insert_semi) {
			s->insert_semi = false;
			t->implicit = true;
			return t->kind = TOK_SEMICOLON;
		}
		return t->kind = TOK_EOF;
	}
	unsigned char c = (unsigned char)src[off];
	uint32_t h;
	if (ident_byte[c] && !is_decimal(c)) {
		/* ASCII fast path, hashing as it goes; the text's final NUL stops the loop. */
		h = c;
		for (off++; ident_byte[(unsigned char)src[off]]; off++)
			h = h * 31u + (unsigned char)src[off];
		if (off < len && (unsigned char)src[off] >= 0x80) {
			off = scan_ident_rest(s, off);
			h = ident_hash(src + start, off - start);
		}
	ident:
		s->off = off;
		t->len = off - start;
		Name *nm = intern_ident(s, src + start, t->len, h);
		t->name = nm;
		s->gc_ident = off + 1;
		tok = TOK_IDENT;
		insert = true;
		if (t->len > 1 && nm->tok) {
			tok = (TokKind)nm->tok;
			insert = tok == TOK_BREAK || tok == TOK_CONTINUE || tok == TOK_FALLTHROUGH || tok == TOK_RETURN;
		}
		s->insert_semi = insert;
		return t->kind = tok;
	}
	if (is_decimal(c) || (c == '.' && off + 1 < len && is_decimal((unsigned char)src[off + 1]))) {
		bool in_ident = c != '.' && s->gc_ident == start + 1;
		tok = scan_number(s, start, in_ident || start < s->gc_num_end);
		if (in_ident)
			s->gc_ident = s->off + 1;
		t->len = s->off - start;
		s->insert_semi = true;
		return t->kind = tok;
	}
	if (c >= 0x80) {
		uint32_t w;
		uint32_t r = decode_at(s, off, &w);
		if (syn_is_letter(r)) {
			off = scan_ident_rest(s, off + w);
			h = ident_hash(src + start, off - start);
			goto ident;
		}
	}
	s->off = off + 1;
	switch (c) {
	case '\n':
		s->insert_semi = false;
		t->len = 0;
		t->implicit = true;
		return t->kind = TOK_SEMICOLON;
	case '"':
		insert = true;
		tok = TOK_STRING;
		scan_string(s, start);
		break;
	case '\'':
		insert = true;
		tok = TOK_CHAR;
		scan_rune(s, start);
		break;
	case '`':
		insert = true;
		tok = TOK_STRING;
		scan_raw_string(s, start);
		break;
	case ':': tok = op2(s, TOK_COLON, TOK_DEFINE); break;
	case '.':
		tok = TOK_PERIOD;
		if (off + 2 < len && src[off + 1] == '.' && src[off + 2] == '.') {
			s->off = off + 3;
			tok = TOK_ELLIPSIS;
		}
		break;
	case ',': tok = TOK_COMMA; break;
	case ';': tok = TOK_SEMICOLON; break;
	case '(': tok = TOK_LPAREN; break;
	case ')': tok = TOK_RPAREN, insert = true; break;
	case '[': tok = TOK_LBRACK; break;
	case ']': tok = TOK_RBRACK, insert = true; break;
	case '{': tok = TOK_LBRACE; break;
	case '}': tok = TOK_RBRACE, insert = true; break;
	case '+':
		tok = op3(s, TOK_ADD, TOK_ADD_ASSIGN, '+', TOK_INC);
		insert = tok == TOK_INC;
		break;
	case '-':
		tok = op3(s, TOK_SUB, TOK_SUB_ASSIGN, '-', TOK_DEC);
		insert = tok == TOK_DEC;
		break;
	case '*': tok = op2(s, TOK_MUL, TOK_MUL_ASSIGN); break;
	case '/':
		if (off + 1 < len && (src[off + 1] == '/' || src[off + 1] == '*')) {
			uint32_t nl;
			uint32_t n = scan_comment(s, start, &nl);
			vec_push(&s->comments, ((Comment){start, n, comment_kind(src + start, n)}));
			if (s->insert_semi && nl) {
				s->nl_semi = nl + 1;
				s->insert_semi = false;
			}
			if (!(s->mode & SCAN_COMMENTS))
				goto again;
			t->len = n;
			return t->kind = TOK_COMMENT;
		}
		if (is_bad_byte(s, off + 1))
			gc_split_comment(s, start);
		tok = op2(s, TOK_QUO, TOK_QUO_ASSIGN);
		break;
	case '%': tok = op2(s, TOK_REM, TOK_REM_ASSIGN); break;
	case '^': tok = op2(s, TOK_XOR, TOK_XOR_ASSIGN); break;
	case '<':
		if (s->off < len && src[s->off] == '-') {
			s->off++;
			tok = TOK_ARROW;
		} else {
			tok = op4(s, TOK_LSS, TOK_LEQ, '<', TOK_SHL, TOK_SHL_ASSIGN);
		}
		break;
	case '>': tok = op4(s, TOK_GTR, TOK_GEQ, '>', TOK_SHR, TOK_SHR_ASSIGN); break;
	case '=': tok = op2(s, TOK_ASSIGN, TOK_EQL); break;
	case '!': tok = op2(s, TOK_NOT, TOK_NEQ); break;
	case '&':
		if (s->off < len && src[s->off] == '^') {
			s->off++;
			tok = op2(s, TOK_AND_NOT, TOK_AND_NOT_ASSIGN);
		} else {
			tok = op3(s, TOK_AND, TOK_AND_ASSIGN, '&', TOK_LAND);
		}
		break;
	case '|': tok = op3(s, TOK_OR, TOK_OR_ASSIGN, '|', TOK_LOR); break;
	case '~': tok = TOK_TILDE; break;
	default:
		/* ILLEGAL: the offending character; the automatic-semicolon state is kept. */
		s->off = start + illegal_char(s, start);
		t->len = s->off - start;
		return t->kind = TOK_ILLEGAL;
	}
	t->len = s->off - start;
	s->insert_semi = insert;
	return t->kind = tok;
}

/* ---- literal values ---- */

static int hexval(unsigned char c)
{
	if (is_decimal(c))
		return c - '0';
	if (is_hex(c))
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/*
 * One character or escape of an interpreted literal at *p (p < e). Returns false on a
 * malformed escape. *r is the value; *byte says it is a single byte (\x, octal) rather
 * than a rune to encode as UTF-8. A raw byte that is not valid UTF-8 comes back as a byte.
 */
static bool unquote_char(const char **pp, const char *e, char quote, uint32_t *r, bool *byte)
{
	const unsigned char *p = (const unsigned char *)*pp;
	*byte = false;
	if (*p != '\\') {
		uint32_t w;
		*r = syn_decode_rune(p, (size_t)((const unsigned char *)e - p), &w);
		if (*r == SYN_RUNE_ERROR && w == 1) {
			*r = *p;
			*byte = true;
		}
		*pp = (const char *)p + w;
		return true;
	}
	p++;
	if ((const char *)p >= e)
		return false;
	unsigned char c = *p++;
	int n = 0;
	uint32_t max = 0x10FFFF;
	switch (c) {
	case 'a': *r = '\a'; break;
	case 'b': *r = '\b'; break;
	case 'f': *r = '\f'; break;
	case 'n': *r = '\n'; break;
	case 'r': *r = '\r'; break;
	case 't': *r = '\t'; break;
	case 'v': *r = '\v'; break;
	case '\\': *r = '\\'; break;
	case 'x': n = 2, max = 255, *byte = true; break;
	case 'u': n = 4; break;
	case 'U': n = 8; break;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
		if (e - (const char *)p < 2)
			return false;
		uint32_t v = c - '0';
		for (int i = 0; i < 2; i++) {
			unsigned char d = *p++;
			if (d < '0' || d > '7')
				return false;
			v = v * 8 + (d - '0');
		}
		if (v > 255)
			return false;
		*r = v;
		*byte = true;
		*pp = (const char *)p;
		return true;
	}
	default:
		if (c != (unsigned char)quote)
			return false;
		*r = c;
		break;
	}
	if (n) {
		if (e - (const char *)p < n)
			return false;
		uint32_t v = 0;
		for (int i = 0; i < n; i++) {
			int d = hexval(*p++);
			if (d < 0)
				return false;
			v = v * 16 + (uint32_t)d;
		}
		if (v > max || (!*byte && v >= 0xD800 && v < 0xE000))
			return false;
		*r = v;
	}
	*pp = (const char *)p;
	return true;
}

bool syn_unquote(Arena *a, const char *lit, size_t n, char **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	if (n < 2 || lit[0] != lit[n - 1] || (lit[0] != '"' && lit[0] != '`'))
		return false;
	const char *p = lit + 1, *e = lit + n - 1;
	char *buf = arena_alloc(a, n);
	size_t k = 0;
	if (lit[0] == '`') {
		for (; p < e; p++) {
			if (*p == '`')
				return false;
			if (*p != '\r') /* carriage returns are not part of a raw string's value */
				buf[k++] = *p;
		}
	} else {
		while (p < e) {
			if (*p == '"' || *p == '\n')
				return false;
			uint32_t r;
			bool byte;
			if (!unquote_char(&p, e, '"', &r, &byte))
				return false;
			if (byte)
				buf[k++] = (char)r;
			else
				k += syn_encode_rune(r, buf + k); /* never longer than its source */
		}
	}
	buf[k] = 0;
	*out = buf;
	*outlen = k;
	return true;
}

bool syn_char_value(const char *lit, size_t n, uint32_t *rune)
{
	*rune = 0;
	if (n < 3 || lit[0] != '\'' || lit[n - 1] != '\'')
		return false;
	const char *p = lit + 1, *e = lit + n - 1;
	if (*p == '\'' || *p == '\n')
		return false;
	bool byte;
	if (!unquote_char(&p, e, '\'', rune, &byte))
		return false;
	return p == e;
}
