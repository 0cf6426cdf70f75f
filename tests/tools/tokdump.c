/*
 * tokdump: gomem's scanner side of the scanner's differential tests (the Go side is
 * tests/oracle/tokdump). For each file it prints "# PATH" then one line per token,
 * "LINE:COL TOKEN LIT", LIT as Go's %+q prints go/scanner's literal string (comments and
 * raw strings without their carriage returns, "\n" for an automatic semicolon, the rune
 * for ILLEGAL). Modes:
 *     -hash     one line per file, "PATH NTOKENS FNV1A64" of the token lines
 *     -errors   the diagnostics instead, "LINE:COL: MESSAGE" sorted by position (compared
 *               with gc's scanner)
 *     -stats    scan every file (already in memory; best of -rounds N, default 3) and print
 *               bytes, tokens and MB/s of process CPU time; one scanner goes from file to
 *               file with syn_scanner_reset, or with -fresh a new one per file
 *     -list F   read more file names from F, one per line
 */
#include "syntax/scanner.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct Out {
	bool hash;
	uint64_t h;
	FILE *f;
} Out;

static void out_bytes(Out *o, const char *p, size_t n)
{
	if (!o->hash) {
		fwrite(p, 1, n, o->f);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		o->h ^= (unsigned char)p[i];
		o->h *= 0x100000001b3ull;
	}
}

static void out_str(Out *o, const char *s) { out_bytes(o, s, strlen(s)); }

/* Go's %+q (strconv.QuoteToASCII). */
static void out_quoted(Out *o, const char *s, size_t n)
{
	char buf[16];
	out_str(o, "\"");
	for (size_t i = 0; i < n;) {
		uint32_t w;
		out_bytes(o, buf, base_quote_ascii_step((const unsigned char *)s + i, n - i, &w, buf));
		i += w;
	}
	out_str(o, "\"");
}

/* go/scanner's stripCR: drop carriage returns, except inside a block comment's closing. */
static size_t strip_cr(const char *b, size_t n, bool comment, char *c)
{
	size_t i = 0;
	for (size_t j = 0; j < n; j++) {
		char ch = b[j];
		if (ch != '\r' || (comment && i > 2 && c[i - 1] == '*' && j + 1 < n && b[j + 1] == '/'))
			c[i++] = ch;
	}
	return i;
}

static void dump_token(Out *o, SrcFile *f, const Token *t)
{
	char buf[64];
	LineCol lc = srcfile_linecol(f, t->off);
	if (t->off == f->len && f->len > 0 && f->text[f->len - 1] == '\n') {
		/* go/token ignores a line starting at the file's size: EOF after a final newline
		 * sits at the end of the last line (gc's own positions say LINE+1:1). */
		lc = srcfile_linecol(f, t->off - 1);
		lc.col++;
	}
	snprintf(buf, sizeof buf, "%u:%u ", lc.line, lc.col);
	out_str(o, buf);
	out_str(o, syn_tok_string(t->kind));
	out_str(o, " ");
	const char *p = f->text + t->off;
	size_t n = t->len;
	if (t->kind == TOK_SEMICOLON) {
		out_quoted(o, t->implicit ? "\n" : ";", 1);
	} else if (t->kind == TOK_ILLEGAL) {
		uint32_t w;
		uint32_t r = syn_decode_rune((const unsigned char *)p, n, &w);
		char enc[4];
		out_quoted(o, enc, syn_encode_rune(r, enc));
	} else if ((t->kind == TOK_COMMENT || (t->kind == TOK_STRING && p[0] == '`')) && memchr(p, '\r', n)) {
		char *c = xmalloc(n);
		size_t k = strip_cr(p, n, t->kind == TOK_COMMENT && p[1] == '*', c);
		out_quoted(o, c, k);
		free(c);
	} else if (syn_tok_is_literal(t->kind) || syn_tok_is_keyword(t->kind) || t->kind == TOK_COMMENT) {
		out_quoted(o, p, n);
	} else {
		out_quoted(o, "", 0);
	}
	out_str(o, "\n");
}

static SrcFile *load(const char *path)
{
	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(path, &text, &len, &msg) != READ_OK) {
		fprintf(stderr, "tokdump: %s: %s\n", path, msg);
		exit(2);
	}
	return srcfile_add(path, text, len);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: steadier on a shared machine */
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	bool hash = false, errors = false, stats = false;
	int rounds = 3;
	bool fresh = false;
	Vec(char *) files = {0};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-hash") == 0)
			hash = true;
		else if (strcmp(argv[i], "-errors") == 0)
			errors = true;
		else if (strcmp(argv[i], "-stats") == 0)
			stats = true;
		else if (strcmp(argv[i], "-fresh") == 0)
			fresh = true;
		else if (strcmp(argv[i], "-rounds") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (strcmp(argv[i], "-list") == 0 && i + 1 < argc) {
			FILE *f = fopen(argv[++i], "r");
			if (!f) {
				perror(argv[i]);
				return 2;
			}
			char line[4096];
			while (fgets(line, sizeof line, f)) {
				line[strcspn(line, "\n")] = 0;
				if (line[0])
					vec_push(&files, xstrdup(line));
			}
			fclose(f);
		} else
			vec_push(&files, argv[i]);
	}
	Interner names;
	intern_init(&names);
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (stats) {
		Vec(SrcFile *) srcs = {0};
		size_t bytes = 0;
		for (size_t i = 0; i < files.len; i++) {
			SrcFile *f = load(files.data[i]);
			bytes += f->len;
			vec_push(&srcs, f);
		}
		size_t ntok = 0, nerr = 0;
		double best = 1e9;
		for (int round = 0; round < rounds; round++) {
			double t0 = now();
			ntok = nerr = 0;
			Diags d;
			diags_init(&d);
			Scanner s;
			for (size_t i = 0; i < srcs.len; i++) {
				if (i == 0)
					syn_scanner_init(&s, srcs.data[i], &names, &d, 0);
				else if (fresh) {
					syn_scanner_free(&s);
					syn_scanner_init(&s, srcs.data[i], &names, &d, 0);
				} else
					syn_scanner_reset(&s, srcs.data[i]);
				Token t;
				while (syn_scan(&s, &t) != TOK_EOF)
					ntok++;
			}
			nerr += d.nerrors;
			syn_scanner_free(&s);
			diags_free(&d);
			double dt = now() - t0;
			if (dt < best)
				best = dt;
		}
		printf("files %zu bytes %zu tokens %zu errors %zu seconds %.3f MB/s %.0f\n", srcs.len, bytes, ntok,
		       nerr, best, (double)bytes / 1e6 / best);
		return 0;
	}
	for (size_t i = 0; i < files.len; i++) {
		SrcFile *f = load(files.data[i]);
		Diags d;
		diags_init(&d);
		Scanner s;
		syn_scanner_init(&s, f, &names, &d, SCAN_COMMENTS);
		Out o = {hash, 0xcbf29ce484222325ull, stdout};
		if (!hash)
			printf("# %s\n", f->path);
		Token t;
		size_t n = 0;
		do {
			syn_scan(&s, &t);
			n++;
			if (!errors)
				dump_token(&o, f, &t);
		} while (t.kind != TOK_EOF);
		if (hash)
			printf("%s %zu %016llx\n", f->path, n, (unsigned long long)o.h);
		if (errors) {
			diags_sort(&d); /* by position, as gomem prints them (gcscan sorts too) */
			for (size_t k = 0; k < d.list.len; k++) {
				LineCol lc = srcfile_linecol(f, d.list.data[k].pos.off);
				printf("%u:%u: %s\n", lc.line, lc.col, d.list.data[k].msg);
			}
		}
		syn_scanner_free(&s);
		diags_free(&d);
	}
	return 0;
}
