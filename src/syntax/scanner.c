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
 *     differently (gc skips NUL, invalid UTF-8 and BOM bytes inside a token and continues
 *     it; go/scanner ends the token there) the message is still gc's and at gc's place
 *     unless the piece after the bad byte would have produced an error of its own.
 *
 * The scanner works on the whole file in memory (SrcFile.text, NUL-terminated), reading
 * bytes by offset; each byte is examined a bounded number of times, so time is linear in
 * the input whatever it holds. Each invalid byte (NUL, bad UTF-8, a BOM past offset 0) is
 * reported exactly once, when the token or literal containing it consumes it.
 */
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>

/* ---- keywords ---- */

void syn_intern_keywords(Interner *names)
{
	static const char *const kw[] = {
#define TOK(e, s) s,
		TOKENS(TOK)
#undef TOK
	};
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
	/* A BOM is allowed as the very first character only (go/scanner's Init skips it). */
	if (s->len >= 3 && memcmp(s->src, "\xEF\xBB\xBF", 3) == 0)
		s->off = 3;
}

void syn_scanner_free(Scanner *s) { vec_free(&s->comments); }

/* ---- messages ---- */

static void PRINTF_LIKE(3, 4) error_at(Scanner *s, uint32_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(s->diags, (Pos){s->file->id, off}, DIAG_ERROR, fmt, ap);
	va_end(ap);
	s->nerrors++;
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
		error_at(s, off, "invalid NUL character");
		return 1;
	}
	if (c < 0x80)
		return 1;
	uint32_t w;
	uint32_t r = decode_at(s, off, &w);
	if (r == SYN_RUNE_ERROR && w == 1)
		error_at(s, off, "invalid UTF-8 encoding");
	else if (r == 0xFEFF)
		error_at(s, off, "invalid BOM in the middle of the file");
	return w;
}

/* Bytes a literal/comment loop can skip without a look: not NUL, not ASCII-special. */
static inline bool plain_byte(unsigned char c) { return c != 0 && c < 0x80; }

/* ---- comments ---- */

static bool has_prefix(const char *p, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(p, pre, k) == 0;
}

/* go/build/constraint: "//go:build" followed by a blank or the end; "// +build" likewise. */
static bool is_build_line(const char *p, size_t n)
{
	if (has_prefix(p, n, "//go:build"))
		return n == 10 || p[10] == ' ' || p[10] == '\t';
	size_t i = 2;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == 2 || !has_prefix(p + i, n - i, "+build"))
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
	const char *colon = memchr(p, ':', n);
	if (!colon || colon == p || (size_t)(colon - p) + 1 >= n)
		return COMMENT_PLAIN;
	size_t c = (size_t)(colon - p);
	for (size_t i = 0; i <= c + 1; i++) {
		if (i == c)
			continue;
		unsigned char b = (unsigned char)p[i];
		if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')))
			return COMMENT_PLAIN;
	}
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
 * An escape after the backslash at s->off, consumed as go/scanner consumes it (a bad digit
 * is left for the caller). Reports gc's message; returns false on a bad escape. At EOF it
 * returns true and lets the caller complain about the unterminated literal, as gc does.
 */
static bool scan_escape(Scanner *s, char quote)
{
	const char *src = s->src;
	uint32_t len = s->len, off = s->off;
	if (off >= len)
		return true;
	int n;
	uint32_t base, max;
	char c = src[off];
	switch (c) {
	case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
		s->off = off + 1;
		return true;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8, max = 255;
		break;
	case 'x':
		off++;
		n = 2, base = 16, max = 255;
		break;
	case 'u':
		off++;
		n = 4, base = 16, max = 0x10FFFF;
		break;
	case 'U':
		off++;
		n = 8, base = 16, max = 0x10FFFF;
		break;
	default:
		if (c == quote) {
			s->off = off + 1;
			return true;
		}
		error_at(s, off, "unknown escape");
		s->off = off;
		return false;
	}
	uint32_t x = 0;
	for (; n > 0; n--) {
		if (off >= len) {
			s->off = off;
			return true;
		}
		unsigned char d = (unsigned char)src[off];
		uint32_t v = base;
		if (is_decimal(d))
			v = d - '0';
		else if ((d | 0x20) - 'a' < 6)
			v = (uint32_t)((d | 0x20) - 'a' + 10);
		if (v >= base) {
			uint32_t w;
			char q[32];
			error_at(s, off, "invalid character %s in %s escape", syn_quote_rune(decode_at(s, off, &w), q),
			         base_name((int)base));
			s->off = off;
			return false;
		}
		x = x * base + v;
		off++;
	}
	s->off = off;
	if (x > max && base == 8) {
		error_at(s, off, "octal escape value %u > 255", (unsigned)x);
		return false;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		char u[32];
		error_at(s, off, "escape is invalid Unicode code point %s", syn_fmt_U(x, u));
		return false;
	}
	return true;
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
				error_at(s, off, "empty rune literal or unescaped ' in rune literal");
			else if (ok && n != 1)
				error_at(s, start, "more than one character in rune literal");
			return;
		}
		n++;
		if (c == '\\') {
			s->off = off + 1;
			if (!scan_escape(s, '\''))
				ok = false;
			continue;
		}
		s->off = off + lit_char(s, off);
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
static int scan_digits(Scanner *s, int base, uint32_t *invalid)
{
	const char *src = s->src;
	uint32_t len = s->len, off = s->off;
	int digsep = 0;
	if (base <= 10) {
		unsigned max = (unsigned)('0' + base);
		for (; off < len; off++) {
			unsigned char c = (unsigned char)src[off];
			if (c == '_')
				digsep |= 2;
			else if (is_decimal(c)) {
				digsep |= 1;
				if (c >= max && invalid && *invalid == UINT32_MAX)
					*invalid = off;
			} else
				break;
		}
	} else {
		for (; off < len; off++) {
			unsigned char c = (unsigned char)src[off];
			if (c == '_')
				digsep |= 2;
			else if (is_hex(c))
				digsep |= 1;
			else
				break;
		}
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

/* A number at start (a digit, or '.' then a digit). quiet: gc sees these bytes as part of
 * an identifier and reports nothing about them. */
static TokKind scan_number(Scanner *s, uint32_t start, bool quiet)
{
	const char *src = s->src;
	uint32_t len = s->len;
	TokKind tok = TOK_INT;
	int base = 10;
	char prefix = 0;     /* 0 (decimal), '0' (0-octal), 'x', 'o', 'b' */
	int digsep = 0;
	uint32_t invalid = UINT32_MAX;
	bool ok = true;
	/* gc's first complaint about a literal is its only one. */
#define NUM_ERROR(off, ...)                                                                              \
	do {                                                                                                 \
		if (ok && !quiet)                                                                                \
			error_at(s, (off), __VA_ARGS__);                                                             \
		ok = false;                                                                                      \
	} while (0)
	s->off = start;
	if (src[start] != '.') {
		if (src[start] == '0') {
			s->off++;
			char c = s->off < len ? (char)(src[s->off] | 0x20) : 0;
			if (c == 'x') {
				s->off++;
				base = 16, prefix = 'x';
			} else if (c == 'o') {
				s->off++;
				base = 8, prefix = 'o';
			} else if (c == 'b') {
				s->off++;
				base = 2, prefix = 'b';
			} else {
				base = 8, prefix = '0';
				digsep = 1;
			}
		}
		digsep |= scan_digits(s, base, &invalid);
	}
	if (s->off < len && src[s->off] == '.') {
		tok = TOK_FLOAT;
		if (prefix == 'o' || prefix == 'b')
			NUM_ERROR(s->off, "invalid radix point in %s literal", base_name(base));
		s->off++;
		digsep |= scan_digits(s, base, &invalid);
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
		s->off++;
		tok = TOK_FLOAT;
		if (s->off < len && (src[s->off] == '+' || src[s->off] == '-'))
			s->off++;
		int ds = scan_digits(s, 10, NULL);
		digsep |= ds;
		if (!(ds & 1))
			NUM_ERROR(s->off, "exponent has no digits");
	} else if (prefix == 'x' && tok == TOK_FLOAT) {
		NUM_ERROR(s->off, "hexadecimal mantissa requires a 'p' exponent");
	}
	if (s->off < len && src[s->off] == 'i') {
		tok = TOK_IMAG;
		s->off++;
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
		error_at(s, start, "invalid NUL character");
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
			error_at(s, start, "invalid UTF-8 encoding");
			return s->len;
		}
		error_at(s, start, "invalid UTF-8 encoding");
	} else if (r == 0xFEFF) {
		error_at(s, start, "invalid BOM in the middle of the file");
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
	for (; off < len; off++) {
		char c = src[off];
		if (!(c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !s->insert_semi)))
			break;
	}
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
	if (ident_byte[c] && !is_decimal(c)) {
		off = scan_ident_rest(s, off + 1);
	ident:
		s->off = off;
		t->len = off - start;
		Name *nm = intern(s->names, src + start, t->len);
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
		bool quiet = c != '.' && s->gc_ident == start + 1;
		tok = scan_number(s, start, quiet);
		if (quiet)
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
	if ((c | 0x20) - 'a' < 6)
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
