/*
 * Fuzz target for the scanner. Beyond "no crash, no sanitizer report", it checks the
 * scanner's invariants on any input:
 *   - tokens move forward, stay inside the input, and end with EOF at the input's end,
 *     with a bounded token count (no loop without progress);
 *   - the token stream is the same with and without SCAN_COMMENTS, less the comments;
 *   - a string or rune literal the scanner did not complain about (outside a comment gc
 *     reads across dropped bytes, where complaints are quiet) has a value
 *     (syn_unquote / syn_char_value succeed), and one it did complain about does not
 *     crash them.
 */
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                                                                        \
	do {                                                                                                 \
		fprintf(stderr, "fuzz_scan: " __VA_ARGS__);                                                     \
		fputc('\n', stderr);                                                                             \
		abort();                                                                                         \
	} while (0)

typedef Vec(Token) Tokens;

static void run(SrcFile *f, Interner *names, unsigned mode, Tokens *out)
{
	Diags d;
	diags_init(&d);
	Scanner s;
	syn_scanner_init(&s, f, names, &d, mode);
	Arena a;
	arena_init(&a);
	uint32_t prev_end = 0;
	size_t limit = 2 * f->len + 4;
	Token t;
	for (size_t n = 0;; n++) {
		if (n > limit)
			FAIL("more than %zu tokens for %zu bytes", limit, f->len);
		uint32_t errs = s.nerrors;
		syn_scan(&s, &t);
		if (t.off < prev_end && !(t.kind == TOK_SEMICOLON && t.implicit))
			FAIL("token at %u before the previous token's end %u", t.off, prev_end);
		if ((size_t)t.off + t.len > f->len)
			FAIL("token %u+%u past the end %zu", t.off, t.len, f->len);
		if (t.kind != TOK_SEMICOLON || !t.implicit)
			prev_end = t.off + t.len;
		const char *p = f->text + t.off;
		/* clean: no complaint, and not inside a comment gc reads across a dropped byte
		 * (where complaints are quiet) */
		bool clean = s.nerrors == errs && t.off >= s.gc_quiet_end;
		char *v;
		size_t vn;
		uint32_t r;
		if (t.kind == TOK_STRING) {
			bool ok = syn_unquote(&a, p, t.len, &v, &vn);
			if (clean && !ok)
				FAIL("clean string literal at %u does not unquote", t.off);
		} else if (t.kind == TOK_CHAR) {
			bool ok = syn_char_value(p, t.len, &r);
			if (clean && !ok)
				FAIL("clean rune literal at %u has no value", t.off);
		} else if (t.kind == TOK_IDENT) {
			if (!t.name || t.name->len != t.len || memcmp(t.name->s, p, t.len) != 0)
				FAIL("identifier at %u interned wrongly", t.off);
		}
		if (t.kind != TOK_COMMENT)
			vec_push(out, t);
		if (t.kind == TOK_EOF)
			break;
	}
	if (t.off != f->len)
		FAIL("EOF at %u, not at the end %zu", t.off, f->len);
	arena_free(&a);
	syn_scanner_free(&s);
	diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A file outside the registry (id 0): fuzzing makes millions of them. */
	SrcFile f = {0};
	f.path = "fuzz.go";
	f.text = xmalloc(size + 1);
	memcpy(f.text, data, size);
	f.text[size] = 0;
	f.len = size;
	Interner names;
	intern_init(&names);
	Tokens a = {0}, b = {0};
	run(&f, &names, 0, &a);
	run(&f, &names, SCAN_COMMENTS, &b);
	if (a.len != b.len)
		FAIL("%zu tokens without comments, %zu with", a.len, b.len);
	for (size_t i = 0; i < a.len; i++)
		if (a.data[i].kind != b.data[i].kind || a.data[i].off != b.data[i].off || a.data[i].len != b.data[i].len ||
		    a.data[i].implicit != b.data[i].implicit)
			FAIL("token %zu differs with SCAN_COMMENTS", i);
	vec_free(&a);
	vec_free(&b);
	intern_free(&names);
	free(f.text);
	return 0;
}
