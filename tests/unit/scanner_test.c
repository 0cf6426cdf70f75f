/*
 * Scanner unit tests: every literal form, automatic semicolons, comments and directives,
 * each diagnostic with its position (the words are gc's; tests/scanner checks them against
 * gc's own scanner too), BOM, NUL, invalid UTF-8, literal values, and big inputs.
 */
#include "check.h"
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static Interner names;

typedef struct Scan {
	SrcFile *f;
	Diags d;
	Scanner s;
	Token tok[256];
	size_t n;
} Scan;

static SrcFile *mkfile(const char *src, size_t len)
{
	char *text = xmalloc(len + 1);
	memcpy(text, src, len);
	text[len] = 0;
	return srcfile_add("x.go", text, len);
}

/* Scans src (len bytes, or strlen) keeping the first 256 tokens. */
static Scan *scan_n(const char *src, size_t len, unsigned mode)
{
	Scan *sc = xcalloc(1, sizeof *sc);
	sc->f = mkfile(src, len);
	diags_init(&sc->d);
	syn_scanner_init(&sc->s, sc->f, &names, &sc->d, mode);
	Token t;
	size_t guard = 0;
	do {
		syn_scan(&sc->s, &t);
		if (sc->n < 256)
			sc->tok[sc->n++] = t;
	} while (t.kind != TOK_EOF && ++guard < 10000000);
	return sc;
}
static Scan *scan(const char *src) { return scan_n(src, strlen(src), 0); }
static Scan *scanc(const char *src) { return scan_n(src, strlen(src), SCAN_COMMENTS); }

static void done(Scan *sc)
{
	syn_scanner_free(&sc->s);
	diags_free(&sc->d);
	free(sc);
}

/* "KIND@LINE:COL" for token i, with the source text for literals: e.g. "INT 0x1F". */
static const char *tokstr(Scan *sc, size_t i)
{
	static char buf[4][256];
	static int k;
	char *b = buf[k++ & 3];
	if (i >= sc->n)
		return "none";
	Token *t = &sc->tok[i];
	LineCol lc = srcfile_linecol(sc->f, t->off);
	if (t->kind == TOK_SEMICOLON)
		snprintf(b, 256, "%s@%u:%u", t->implicit ? "\\n" : ";", lc.line, lc.col);
	else if (syn_tok_is_literal(t->kind) || t->kind == TOK_COMMENT)
		snprintf(b, 256, "%s %.*s@%u:%u", syn_tok_string(t->kind), (int)(t->len < 100 ? t->len : 100),
		         sc->f->text + t->off, lc.line, lc.col);
	else
		snprintf(b, 256, "%s@%u:%u", syn_tok_string(t->kind), lc.line, lc.col);
	return b;
}

/* All tokens, space separated, without positions. */
static const char *kinds(Scan *sc)
{
	static char buf[4096];
	size_t k = 0;
	buf[0] = 0;
	for (size_t i = 0; i < sc->n && k < sizeof buf - 64; i++) {
		Token *t = &sc->tok[i];
		const char *s = t->kind == TOK_SEMICOLON && t->implicit ? "\\n" : syn_tok_string(t->kind);
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? " " : "", s);
	}
	return buf;
}

/* The diagnostics as "LINE:COL: msg" lines joined by '|', sorted by position as printed. */
static const char *errs(Scan *sc)
{
	static char buf[4096];
	size_t k = 0;
	buf[0] = 0;
	diags_sort(&sc->d);
	for (size_t i = 0; i < sc->d.list.len && k < sizeof buf - 300; i++) {
		LineCol lc = srcfile_linecol(sc->f, sc->d.list.data[i].pos.off);
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%u:%u: %s", i ? "|" : "", lc.line, lc.col,
		                      sc->d.list.data[i].msg);
	}
	return buf;
}

#define EQ(name, got, want)                                                                              \
	do {                                                                                                 \
		const char *g_ = (got), *w_ = (want);                                                            \
		if (strcmp(g_, w_) == 0)                                                                         \
			printf("ok %s\n", (name));                                                                  \
		else {                                                                                           \
			printf("FAIL %s: got [%s] want [%s] (%s:%d)\n", (name), g_, w_, __FILE__, __LINE__);      \
			check_failures++;                                                                            \
		}                                                                                                \
	} while (0)

/* One literal: src scans as a single token of kind k spelling the whole input, no errors. */
static void literal(const char *src, TokKind k)
{
	char name[200];
	snprintf(name, sizeof name, "scanner/literal %s", src);
	for (char *q = name; *q; q++)
		if ((unsigned char)*q < ' ')
			*q = '?';
	Scan *sc = scan(src);
	bool good = sc->n >= 2 && sc->tok[0].kind == k && sc->tok[0].off == 0 && sc->tok[0].len == strlen(src) &&
	            sc->d.list.len == 0;
	if (!good)
		printf("  got %s; errors [%s]\n", tokstr(sc, 0), errs(sc));
	CHECK(name, good);
	done(sc);
}

/* One bad input (n bytes, so it may hold NULs): the diagnostics, exactly. */
#define bad(src, want) bad_n((src), sizeof(src) - 1, (want))
static void bad_n(const char *src, size_t n, const char *want)
{
	char name[200];
	snprintf(name, sizeof name, "scanner/error %s", want);
	Scan *sc = scan_n(src, n, 0);
	EQ(name, errs(sc), want);
	done(sc);
}

static void test_literals(void)
{
	static const char *ints[] = {"0", "1", "42", "0x1F", "0X_ff", "0b1010", "0B_1", "0o17", "0O7", "017",
	                             "1_000_000", "0x_1_2", "0_7", "00"};
	for (size_t i = 0; i < ARRAY_LEN(ints); i++)
		literal(ints[i], TOK_INT);
	static const char *floats[] = {"1.5", "1.", ".5", "1e10", "1E+10", "1e-1", "0x1p-2", "0X1P+2", "0x1.8p1",
	                               "0x.8p0", "0x_1p0", "09.5", "09e1", "1_0.2_5e1_0", "0.", "00.5"};
	for (size_t i = 0; i < ARRAY_LEN(floats); i++)
		literal(floats[i], TOK_FLOAT);
	static const char *imags[] = {"1i", "0i", "09i", "1.5i", ".5e1i", "0x1p1i", "0b1i", "0o7i", "1_0i"};
	for (size_t i = 0; i < ARRAY_LEN(imags); i++)
		literal(imags[i], TOK_IMAG);
	static const char *runes[] = {"'a'",    "'\\a'",   "'\\b'",     "'\\f'",       "'\\n'", "'\\r'", "'\\t'",
	                              "'\\v'",  "'\\\\'",  "'\\''",     "'\\000'",     "'\\377'", "'\\x7f'",
	                              "'\\u12e4'", "'\\U00101234'", "'é'", "'€'", "'\xf0\x9f\x98\x80'"};
	for (size_t i = 0; i < ARRAY_LEN(runes); i++)
		literal(runes[i], TOK_CHAR);
	static const char *strs[] = {"\"\"", "\"abc\"", "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\"\\101\\x41\\u0041\\U00000041\"",
	                             "\"日本語\"", "`raw`", "`a\\nb`", "`multi\nline`", "`with\r\ncr`", "``"};
	for (size_t i = 0; i < ARRAY_LEN(strs); i++)
		literal(strs[i], TOK_STRING);
	static const char *ids[] = {"a", "_", "_x9", "αβ", "ǅ", "ŝcan", "x١٢", "日本", "ａ"};
	for (size_t i = 0; i < ARRAY_LEN(ids); i++)
		literal(ids[i], TOK_IDENT);

	Scan *sc = scan("break case chan const continue default defer else fallthrough for func go goto if "
	                "import interface map package range return select struct switch type var");
	EQ("scanner/keywords", kinds(sc),
	   "break case chan const continue default defer else fallthrough for func go goto if import interface "
	   "map package range return select struct switch type var EOF");
	CHECK("scanner/keyword-name", sc->tok[0].name && strcmp(sc->tok[0].name->s, "break") == 0);
	done(sc);
	sc = scan("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= "
	          ">= := ... ( [ { , . ) ] } ; :");
	EQ("scanner/operators", kinds(sc),
	   "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := "
	   "... ( [ { , . ) ] } ; : EOF");
	done(sc);
	sc = scan("a..b x.y ..");
	EQ("scanner/dots", kinds(sc), "IDENT . . IDENT IDENT . IDENT . . EOF");
	done(sc);
	sc = scan("x := y");
	CHECK("scanner/ident-interned", sc->tok[0].name == intern_cstr(&names, "x") && sc->tok[2].name &&
	                                    sc->tok[2].name->tok == 0);
	done(sc);
}

static void test_semicolons(void)
{
	Scan *sc = scan("a\nb\n");
	EQ("scanner/semi-newline", kinds(sc), "IDENT \\n IDENT \\n EOF");
	EQ("scanner/semi-pos", tokstr(sc, 1), "\\n@1:2");
	done(sc);
	sc = scan("x");
	EQ("scanner/semi-eof", kinds(sc), "IDENT \\n EOF");
	EQ("scanner/semi-eof-pos", tokstr(sc, 1), "\\n@1:2");
	done(sc);
	sc = scan("return\nbreak\ncontinue\nfallthrough\nx++\ny--\n)\n]\n}\n1\n1.5\n1i\n'a'\n\"s\"\n`r`\n");
	EQ("scanner/semi-after", kinds(sc),
	   "return \\n break \\n continue \\n fallthrough \\n IDENT ++ \\n IDENT -- \\n ) \\n ] \\n } \\n INT \\n FLOAT \\n "
	   "IMAG \\n CHAR \\n STRING \\n STRING \\n EOF");
	done(sc);
	sc = scan("if\n{\n(\n[\n+\n,\nfunc\n");
	EQ("scanner/no-semi", kinds(sc), "if { ( [ + , func EOF");
	done(sc);
	/* A line comment ends the line: the comment, then the semicolon at its newline. */
	sc = scanc("x // c\ny");
	EQ("scanner/semi-line-comment", kinds(sc), "IDENT COMMENT \\n IDENT \\n EOF");
	EQ("scanner/semi-line-comment-pos", tokstr(sc, 2), "\\n@1:7");
	done(sc);
	/* A block comment holding a newline acts as one: the semicolon at its first newline. */
	sc = scanc("x /* a\nb\n */ y");
	EQ("scanner/semi-block-comment", kinds(sc), "IDENT COMMENT \\n IDENT \\n EOF");
	EQ("scanner/semi-block-comment-pos", tokstr(sc, 2), "\\n@1:7");
	done(sc);
	sc = scan("x /* a\nb */ y");
	EQ("scanner/semi-block-nocomments", kinds(sc), "IDENT \\n IDENT \\n EOF");
	done(sc);
	sc = scanc("x /* one line */\n");
	EQ("scanner/semi-block-oneline", kinds(sc), "IDENT COMMENT \\n EOF");
	EQ("scanner/semi-block-oneline-pos", tokstr(sc, 2), "\\n@1:17");
	done(sc);
	sc = scanc("x // at eof");
	EQ("scanner/semi-comment-eof", kinds(sc), "IDENT COMMENT \\n EOF");
	EQ("scanner/semi-comment-eof-pos", tokstr(sc, 2), "\\n@1:12");
	done(sc);
	sc = scan("a;b");
	CHECK("scanner/explicit-semi", sc->tok[1].kind == TOK_SEMICOLON && !sc->tok[1].implicit && sc->tok[1].len == 1);
	done(sc);
	sc = scan("x\r\ny");
	EQ("scanner/crlf", kinds(sc), "IDENT \\n IDENT \\n EOF");
	done(sc);
	sc = scan("");
	EQ("scanner/empty", kinds(sc), "EOF");
	done(sc);
	sc = scan("x @\ny");
	EQ("scanner/illegal-keeps-semi", kinds(sc), "IDENT ILLEGAL \\n IDENT \\n EOF");
	done(sc);
}

static void test_comments(void)
{
	const char *src = "//go:build linux\n// +build linux\n//go:noinline\n//line x.go:10\n/*line y.go:1:1*/\n"
	                  "//export F\n//extern g\n//lint:ignore x\n// plain\n/* plain */\n//go:\n//+build\n"
	                  "//go:buildx\n// +buildx\n//Line x\n";
	Scan *sc = scan(src);
	static const CommentKind want[] = {COMMENT_BUILD,     COMMENT_BUILD,     COMMENT_DIRECTIVE, COMMENT_DIRECTIVE,
	                                   COMMENT_DIRECTIVE, COMMENT_DIRECTIVE, COMMENT_DIRECTIVE, COMMENT_DIRECTIVE,
	                                   COMMENT_PLAIN,     COMMENT_PLAIN,     COMMENT_PLAIN,     COMMENT_BUILD,
	                                   COMMENT_DIRECTIVE, COMMENT_PLAIN,     COMMENT_PLAIN};
	CHECK("scanner/comments-recorded", sc->s.comments.len == ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want) && i < sc->s.comments.len; i++) {
		char name[100];
		Comment *c = &sc->s.comments.data[i];
		snprintf(name, sizeof name, "scanner/comment-kind %.*s", (int)c->len, src + c->off);
		CHECK(name, c->kind == want[i]);
	}
	EQ("scanner/comments-skipped", kinds(sc), "EOF");
	done(sc);
	sc = scanc("// a\r\n/* b\r\n*/");
	CHECK("scanner/comment-crlf-span", sc->tok[0].kind == TOK_COMMENT && sc->tok[0].len == 4 &&
	                                       sc->tok[1].kind == TOK_COMMENT && sc->tok[1].len == 8);
	done(sc);
}

static void test_errors(void)
{
	bad("a @ b", "1:3: invalid character U+0040 '@'");
	bad("a\x01", "1:2: invalid character U+0001");
	bad("x € y", "1:3: invalid character U+20AC '€' in identifier");
	bad("a€b", "1:2: invalid character U+20AC '€' in identifier");
	bad("x ١", "1:3: identifier cannot begin with digit U+0661 '١'");
	bad("“x”", "1:1: invalid character U+201C '“' in identifier|1:5: invalid character U+201D '”' in identifier");
	bad("\"abc\nx", "1:5: newline in string");
	bad("\"abc", "1:1: string not terminated");
	bad("`abc", "1:1: string not terminated");
	bad("'ab'", "1:1: more than one character in rune literal");
	bad("''", "1:2: empty rune literal or unescaped '");
	bad("'a\n", "1:3: newline in rune literal");
	bad("'a", "1:1: rune literal not terminated");
	bad("\"\\q\"", "1:3: unknown escape");
	bad("'\\\"'", "1:3: unknown escape");
	bad("\"\\x4g\"", "1:5: invalid character 'g' in hexadecimal escape");
	bad("\"\\08\"", "1:4: invalid character '8' in octal escape");
	bad("\"\\400\"", "1:6: octal escape value 256 > 255");
	bad("\"\\ud800\"", "1:8: escape is invalid Unicode code point U+D800");
	bad("\"\\U00110000\"", "1:12: escape is invalid Unicode code point U+110000");
	bad("\"\\u12\"", "1:6: invalid character '\"' in hexadecimal escape");
	bad("\"\\u20`x\"", "1:6: invalid character '`' in hexadecimal escape");
	bad("'\\x@'", "1:4: invalid character '@' in hexadecimal escape");
	bad("08", "1:2: invalid digit '8' in octal literal");
	bad("0o19", "1:4: invalid digit '9' in octal literal");
	bad("0b102", "1:5: invalid digit '2' in binary literal");
	bad("0x", "1:3: hexadecimal literal has no digits");
	bad("0b", "1:3: binary literal has no digits");
	bad("0o_", "1:4: octal literal has no digits");
	bad("0x1.0", "1:6: hexadecimal mantissa requires a 'p' exponent");
	bad("0b1.0", "1:4: invalid radix point in binary literal");
	bad("1e", "1:3: exponent has no digits");
	bad("1e+x", "1:4: exponent has no digits");
	bad("0o1e3", "1:4: 'e' exponent requires decimal mantissa");
	bad("1p3", "1:2: 'p' exponent requires hexadecimal mantissa");
	bad("1__2", "1:3: '_' must separate successive digits");
	bad("1_", "1:2: '_' must separate successive digits");
	bad("0_x", "1:2: '_' must separate successive digits");
	bad("1_.5", "1:2: '_' must separate successive digits");
	bad("/* x", "1:1: comment not terminated");
	bad("x\n  /*", "2:3: comment not terminated");
	bad("a\0b", "1:2: invalid NUL character");
	bad("\"\x00\" // \x00", "1:2: invalid NUL character|1:8: invalid NUL character");
	bad("a\xff" "b", "1:2: invalid UTF-8 encoding");
	bad("\"\xc3\" `\xed\xa0\x80` /*\xf4\x90\x80\x80*/",
	    "1:2: invalid UTF-8 encoding|1:6: invalid UTF-8 encoding|1:7: invalid UTF-8 encoding|1:8: invalid UTF-8 "
	    "encoding|1:13: invalid UTF-8 encoding|1:14: invalid UTF-8 encoding|1:15: invalid UTF-8 encoding|1:16: "
	    "invalid UTF-8 encoding");
	bad("'\x00'", "1:2: invalid NUL character|1:3: empty rune literal or unescaped '");
	/* bytes gc drops (NUL, bad UTF-8, BOM) are skipped when judging numbers and escapes */
	bad("\"\\\0n\"", "1:3: invalid NUL character");
	bad("0x\0f", "1:3: invalid NUL character");
	bad("'\\\0n'", "1:3: invalid NUL character");
	bad("1_\0+", "1:2: '_' must separate successive digits|1:3: invalid NUL character");
	bad("0\0009", "1:2: invalid NUL character|1:3: invalid digit '9' in octal literal");
	bad("x /\0/ it's\ny '", "1:4: invalid NUL character|2:3: rune literal not terminated");
	bad("x /\0* it */ '", "1:4: invalid NUL character|1:13: rune literal not terminated");
	bad("x /\0* it's", "1:3: comment not terminated|1:4: invalid NUL character");
	/* every complaint is gc's first about a literal only */
	bad("0b12.0", "1:5: invalid radix point in binary literal");
	bad("\"\\q\n", "1:3: unknown escape|1:4: newline in string");

	/* A BOM: skipped at the start, an error (and an ILLEGAL token) anywhere else. */
	Scan *sc = scan("\xef\xbb\xbfpackage p");
	EQ("scanner/bom-start", kinds(sc), "package IDENT \\n EOF");
	EQ("scanner/bom-start-errors", errs(sc), "");
	EQ("scanner/bom-start-pos", tokstr(sc, 0), "package@1:4");
	done(sc);
	sc = scan("x\xef\xbb\xbfy \"\xef\xbb\xbf\"");
	EQ("scanner/bom-middle", errs(sc), "1:2: invalid BOM in the middle of the file|1:8: invalid BOM in the middle of the file");
	EQ("scanner/bom-middle-tokens", kinds(sc), "IDENT ILLEGAL IDENT STRING \\n EOF");
	done(sc);
	sc = scan("\xef\xbb\xbf\xef\xbb\xbfx");
	EQ("scanner/bom-twice", errs(sc), "1:4: invalid BOM in the middle of the file");
	done(sc);
	sc = scan_n("a\0b", 3, 0);
	EQ("scanner/nul-tokens", kinds(sc), "IDENT ILLEGAL IDENT \\n EOF");
	done(sc);
	sc = scan_n("\xff\xfe" "a\x00b\x00", 6, 0);
	EQ("scanner/utf16", kinds(sc), "ILLEGAL EOF");
	EQ("scanner/utf16-errors", errs(sc), "1:1: invalid UTF-8 encoding");
	done(sc);
	/* a truncated multi-byte character at EOF */
	sc = scan("x \xe2\x82");
	EQ("scanner/truncated-utf8", errs(sc), "1:3: invalid UTF-8 encoding|1:4: invalid UTF-8 encoding");
	done(sc);
}

static void test_values(void)
{
	Arena a;
	arena_init(&a);
	char *v;
	size_t n;
	CHECK("scanner/unquote-plain", syn_unquote(&a, "\"abc\"", 5, &v, &n) && n == 3 && memcmp(v, "abc", 3) == 0);
	const char *esc = "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\101\\x41\\u00e9\\U0001F600\\377\"";
	CHECK("scanner/unquote-escapes", syn_unquote(&a, esc, strlen(esc), &v, &n) && n == 18 &&
	                                     memcmp(v, "\a\b\f\n\r\t\v\\\"AA\xc3\xa9\xf0\x9f\x98\x80\xff", 18) == 0);
	CHECK("scanner/unquote-raw-cr", syn_unquote(&a, "`a\r\nb\\n`", 8, &v, &n) && n == 5 && memcmp(v, "a\nb\\n", 5) == 0);
	CHECK("scanner/unquote-bad-escape", !syn_unquote(&a, "\"\\q\"", 4, &v, &n));
	CHECK("scanner/unquote-backquote-not-hex", !syn_unquote(&a, "\"\\u00`0\"", 9, &v, &n));
	CHECK("scanner/unquote-surrogate", !syn_unquote(&a, "\"\\ud800\"", 8, &v, &n));
	CHECK("scanner/unquote-unterminated", !syn_unquote(&a, "\"abc", 4, &v, &n));
	CHECK("scanner/unquote-quote-escape", !syn_unquote(&a, "\"\\'\"", 4, &v, &n));
	uint32_t r;
	CHECK("scanner/char-a", syn_char_value("'a'", 3, &r) && r == 'a');
	CHECK("scanner/char-utf8", syn_char_value("'€'", 5, &r) && r == 0x20AC);
	CHECK("scanner/char-octal", syn_char_value("'\\377'", 6, &r) && r == 255);
	CHECK("scanner/char-hex", syn_char_value("'\\xff'", 6, &r) && r == 255);
	CHECK("scanner/char-U", syn_char_value("'\\U0010FFFF'", 12, &r) && r == 0x10FFFF);
	CHECK("scanner/char-quote", syn_char_value("'\\''", 4, &r) && r == '\'');
	CHECK("scanner/char-two", !syn_char_value("'ab'", 4, &r));
	CHECK("scanner/char-empty", !syn_char_value("''", 2, &r));
	CHECK("scanner/char-dquote-escape", !syn_char_value("'\\\"'", 4, &r));
	arena_free(&a);

	char buf[32];
	EQ("scanner/fmt-U", syn_fmt_U('@', buf), "U+0040 '@'");
	EQ("scanner/fmt-U-ctl", syn_fmt_U(1, buf), "U+0001");
	EQ("scanner/fmt-U-big", syn_fmt_U(0x1F600, buf), "U+1F600 '\xf0\x9f\x98\x80'");
	EQ("scanner/quote-rune", syn_quote_rune('g', buf), "'g'");
	EQ("scanner/quote-rune-nl", syn_quote_rune('\n', buf), "'\\n'");
	EQ("scanner/quote-rune-nul", syn_quote_rune(0, buf), "'\\x00'");
	EQ("scanner/quote-rune-nbsp", syn_quote_rune(0xA0, buf), "'\\u00a0'");
	EQ("scanner/quote-rune-quote", syn_quote_rune('\'', buf), "'\\''");
	CHECK("scanner/unicode-letter", syn_is_letter('a') && syn_is_letter('_') && syn_is_letter(0x3B1) &&
	                                    syn_is_letter(0x65E5) && !syn_is_letter('1') && !syn_is_letter(0x20AC) &&
	                                    !syn_is_letter(0x661) && syn_is_letter(0x1F1) && !syn_is_letter(0x10FFFF));
	CHECK("scanner/unicode-digit", syn_is_digit('7') && syn_is_digit(0x661) && syn_is_digit(0xFF11) &&
	                                   !syn_is_digit('a') && !syn_is_digit(0xB2) /* superscript two: No */);
	EQ("scanner/tok-string", syn_tok_string(TOK_AND_NOT_ASSIGN), "&^=");
	EQ("scanner/tok-string-kw", syn_tok_string(TOK_FALLTHROUGH), "fallthrough");
}

static void test_reset(void)
{
	SrcFile *f1 = mkfile("x // one\n", 9), *f2 = mkfile("\xef\xbb\xbfy := x", 9);
	Diags d;
	diags_init(&d);
	Scanner s;
	syn_scanner_init(&s, f1, &names, &d, 0);
	Token t;
	while (syn_scan(&s, &t) != TOK_EOF) {
	}
	CHECK("scanner/reset-first", s.comments.len == 1);
	Name *x = intern_cstr(&names, "x");
	syn_scanner_reset(&s, f2);
	CHECK("scanner/reset-state", s.comments.len == 0 && s.file == f2 && s.off == 3 && !s.insert_semi);
	Token a, b, c, e;
	syn_scan(&s, &a);
	syn_scan(&s, &b);
	syn_scan(&s, &c);
	syn_scan(&s, &e);
	CHECK("scanner/reset-tokens", a.kind == TOK_IDENT && a.off == 3 && b.kind == TOK_DEFINE && c.kind == TOK_IDENT &&
	                                  c.name == x && e.kind == TOK_SEMICOLON && e.implicit);
	syn_scanner_free(&s);
	diags_free(&d);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Scans a whole file, returning the token count; *nerr gets the error count. */
static size_t scan_count(SrcFile *f, size_t *nerr, Token *last)
{
	Diags d;
	diags_init(&d);
	Scanner s;
	syn_scanner_init(&s, f, &names, &d, 0);
	size_t n = 0;
	Token t;
	while (syn_scan(&s, &t) != TOK_EOF)
		n++;
	*last = t;
	*nerr = s.nerrors;
	syn_scanner_free(&s);
	diags_free(&d);
	return n;
}

static SrcFile *fill(const char *head, char c, size_t n, const char *tail)
{
	size_t h = strlen(head), k = strlen(tail);
	char *text = xmalloc(h + n + k + 1);
	memcpy(text, head, h);
	memset(text + h, c, n);
	memcpy(text + h + n, tail, k);
	text[h + n + k] = 0;
	return srcfile_add("big.go", text, h + n + k);
}

static void test_big(void)
{
	size_t nerr;
	Token last;
	/* A 20 MB string literal. */
	SrcFile *f = fill("var s = \"", 'x', 20u << 20, "\"\n");
	size_t n = scan_count(f, &nerr, &last);
	CHECK("scanner/big-string", n == 5 && nerr == 0 && last.off == f->len);
	/* 20 MB with nothing closing: a string, a raw string, a comment, a rune. */
	static const char *opens[] = {"\"", "`", "/*", "'"};
	for (size_t i = 0; i < ARRAY_LEN(opens); i++) {
		f = fill(opens[i], 'y', 20u << 20, "");
		double t0 = now();
		n = scan_count(f, &nerr, &last);
		char name[64];
		snprintf(name, sizeof name, "scanner/big-unterminated %s", opens[i]);
		CHECK(name, nerr == (opens[i][0] == '\'' ? 1u : 1u) && last.off == f->len && now() - t0 < 30);
	}
	/* 10 MB of NULs, of invalid UTF-8, of BOMs and of quotes: linear, bounded diagnostics. */
	static const char fills[] = {0, (char)0xff, '"', '\'', '`', '@', '/'};
	for (size_t i = 0; i < ARRAY_LEN(fills); i++) {
		f = fill("", fills[i], 10u << 20, "");
		double t0 = now();
		n = scan_count(f, &nerr, &last);
		char name[64];
		snprintf(name, sizeof name, "scanner/big-fill 0x%02x", (unsigned char)fills[i]);
		CHECK(name, last.off == f->len && now() - t0 < 30);
	}
	/* Long runs of bytes gc drops after a number and inside an escape: still linear. */
	static const char *heads[] = {"0x", "1_", "\"\\", "'\\u", "/"};
	for (size_t i = 0; i < ARRAY_LEN(heads); i++) {
		f = fill(heads[i], 0, 10u << 20, "9");
		double t0 = now();
		n = scan_count(f, &nerr, &last);
		char name[64];
		snprintf(name, sizeof name, "scanner/big-dropped %s", heads[i]);
		CHECK(name, last.off == f->len && now() - t0 < 30);
	}
	{
		size_t len = 3u << 20;
		char *text = xmalloc(len + 1);
		for (size_t i = 0; i < len; i += 3)
			memcpy(text + i, "\xef\xbb\xbf", 3);
		text[len] = 0;
		f = srcfile_add("boms.go", text, len);
		n = scan_count(f, &nerr, &last);
		CHECK("scanner/big-boms", n == (1u << 20) - 1 && nerr == (1u << 20) - 1);
		Diags d;
		diags_init(&d);
		Scanner s;
		syn_scanner_init(&s, f, &names, &d, 0);
		Token t;
		while (syn_scan(&s, &t) != TOK_EOF) {
		}
		CHECK("scanner/errors-capped", d.list.len == 1000 && s.nerrors == (1u << 20) - 1);
		syn_scanner_free(&s);
		diags_free(&d);
	}

	/* A 100 MB file, written to a temporary directory and read back. */
	char dir[] = "/tmp/gomem-scanner-XXXXXX";
	if (!mkdtemp(dir)) {
		printf("FAIL scanner/big-file: mkdtemp failed\n");
		check_failures++;
		return;
	}
	char path[128];
	snprintf(path, sizeof path, "%s/big.go", dir);
	static const char unit[] = "func f(x int) (int, error) {\n\t// a comment\n\ts := \"str\\n\" + `raw`\n"
	                           "\treturn x*2 + 0x1F + len(s), nil /* done */\n}\n";
	size_t reps = (100u << 20) / (sizeof unit - 1);
	FILE *out = fopen(path, "wb");
	fputs("package big\n", out);
	for (size_t i = 0; i < reps; i++)
		fwrite(unit, 1, sizeof unit - 1, out);
	fclose(out);
	char *text;
	size_t len;
	const char *msg;
	CHECK("scanner/big-file-read", base_read_file(path, &text, &len, &msg) == READ_OK);
	unlink(path);
	rmdir(dir);
	f = srcfile_add(path, text, len);
	double t0 = now();
	n = scan_count(f, &nerr, &last);
	double dt = now() - t0;
	/* per unit, 34: func f ( x int ) ( int , error ) { s := STRING + STRING ; return x * INT + INT + len ( s ) , nil ; } ; */
	if (!(nerr == 0 && n == 3 + reps * 34 && last.off == len))
		printf("  big-file: %zu tokens, %zu errors\n", n, nerr);
	CHECK("scanner/big-file", nerr == 0 && n == 3 + reps * 34 && last.off == len);
	printf("# scanner: 100 MB file in %.2fs (%.0f MB/s)\n", dt, (double)len / 1e6 / dt);
}

int main(void)
{
	intern_init(&names);
	test_literals();
	test_semicolons();
	test_comments();
	test_errors();
	test_values();
	test_reset();
	test_big();
	intern_free(&names);
	return check_failures != 0;
}
