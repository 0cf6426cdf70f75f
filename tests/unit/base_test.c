/* Unit tests of the base layer: arena, vectors, map, interning, positions, diagnostics, flags. */
#include "base/base.h"
#include "base/opt.h"
#include "check.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void test_arena(void)
{
	Arena a;
	arena_init(&a);
	char *p = arena_alloc(&a, 3);
	bool zero = p[0] == 0 && p[2] == 0;
	void *big = arena_alloc(&a, 5u << 20); /* larger than any block */
	double *d = arena_alloc(&a, sizeof(double));
	CHECK("arena/zeroed", zero);
	CHECK("arena/big", big != NULL);
	CHECK("arena/aligned", ((uintptr_t)d % _Alignof(max_align_t)) == 0);
	CHECK("arena/strndup", strcmp(arena_strndup(&a, "hello world", 5), "hello") == 0);
	arena_free(&a);
}

static void test_vec_map(void)
{
	Vec(int) v = {0};
	for (int i = 0; i < 1000; i++)
		vec_push(&v, i);
	CHECK("vec/len", v.len == 1000 && v.data[999] == 999 && vec_last(&v) == 999);
	vec_free(&v);

	Map m;
	map_init(&m);
	for (uintptr_t k = 1; k <= 10000; k++)
		map_put(&m, k * 8, (void *)(k + 1));
	bool all = true;
	for (uintptr_t k = 1; k <= 10000; k++)
		all &= map_get(&m, k * 8) == (void *)(k + 1);
	CHECK("map/get", all);
	CHECK("map/missing", map_get(&m, 3) == NULL);
	CHECK("map/replace", map_put(&m, 8, (void *)7) == (void *)2 && map_get(&m, 8) == (void *)7);
	CHECK("map/len", m.len == 10000);
	map_free(&m);
}

static void test_intern(void)
{
	Interner in;
	intern_init(&in);
	Name *a = intern_cstr(&in, "func");
	char buf[8] = "func";
	Name *b = intern(&in, buf, 4);
	CHECK("intern/same", a == b);
	CHECK("intern/distinct", intern_cstr(&in, "fun") != a);
	bool ok = true;
	char s[16];
	Name *first = NULL;
	for (int i = 0; i < 5000; i++) {
		snprintf(s, sizeof s, "x%d", i);
		Name *n = intern_cstr(&in, s);
		if (i == 0)
			first = n;
		ok &= strcmp(n->s, s) == 0;
	}
	CHECK("intern/many", ok && intern_cstr(&in, "x0") == first);
	intern_free(&in);
}

/* Several threads interning overlapping names while the table grows: each name has one
 * Name, whoever interned it first. */
enum { INTERN_THREADS = 4, INTERN_NAMES = 20000 };

typedef struct InternRun {
	Interner *in;
	int id;
	Name **got; /* got[i]: the Name of "n<i>" as this thread saw it */
} InternRun;

static void *intern_worker(void *arg)
{
	InternRun *r = arg;
	char s[16];
	for (int k = 0; k < INTERN_NAMES; k++) {
		int i = (k * 7 + r->id * 5003) % INTERN_NAMES; /* each thread in its own order */
		snprintf(s, sizeof s, "n%d", i);
		r->got[i] = intern_cstr(r->in, s);
	}
	return NULL;
}

static void test_intern_threads(void)
{
	Interner in;
	intern_init(&in);
	pthread_t th[INTERN_THREADS];
	InternRun runs[INTERN_THREADS];
	for (int t = 0; t < INTERN_THREADS; t++) {
		runs[t] = (InternRun){&in, t, xcalloc(INTERN_NAMES, sizeof(Name *))};
		pthread_create(&th[t], NULL, intern_worker, &runs[t]);
	}
	for (int t = 0; t < INTERN_THREADS; t++)
		pthread_join(th[t], NULL);
	bool same = true, right = true;
	char s[16];
	for (int i = 0; i < INTERN_NAMES; i++) {
		snprintf(s, sizeof s, "n%d", i);
		for (int t = 1; t < INTERN_THREADS; t++)
			same &= runs[t].got[i] == runs[0].got[i];
		right &= runs[0].got[i] && strcmp(runs[0].got[i]->s, s) == 0 && intern_cstr(&in, s) == runs[0].got[i];
	}
	CHECK("intern/threads-one-name-each", same);
	CHECK("intern/threads-right-text", right);
	CHECK("intern/threads-count", in.len == INTERN_NAMES);
	for (int t = 0; t < INTERN_THREADS; t++)
		free(runs[t].got);
	intern_free(&in);
}

static void test_pos(void)
{
	const char *src = "package p\n\nfunc f() {\r\n\tx\n}";
	SrcFile *f = srcfile_add("t.go", xstrdup(src), strlen(src));
	LineCol lc = srcfile_linecol(f, 0);
	CHECK("pos/start", lc.line == 1 && lc.col == 1);
	lc = pos_linecol((Pos){f->id, 12});
	CHECK("pos/line3", lc.line == 3 && lc.col == 2);
	lc = srcfile_linecol(f, (uint32_t)strlen(src));
	CHECK("pos/eof", lc.line == 5 && lc.col == 2);
	size_t n;
	const char *line = srcfile_line_text(f, 13, &n);
	CHECK("pos/linetext-crlf", n == 10 && strncmp(line, "func f() {", 10) == 0);
	CHECK("pos/get", srcfile_get(f->id) == f && srcfile_get(0) == NULL);

	Diags d;
	diags_init(&d);
	Pos p24 = {f->id, 24}, p11 = {f->id, 11};
	diag_error(&d, p24, "second");
	diag_error(&d, p11, "first %d", 1);
	diags_sort(&d);
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	diags_print(&d, mem, true);
	fclose(mem);
	CHECK("diag/format", strcmp(out, "t.go:3:1: first 1\n\tfunc f() {\n\t^\nt.go:4:2: second\n\t\tx\n\t\t^\n") == 0);
	CHECK("diag/count", d.nerrors == 2);
	free(out);
	diags_free(&d);

	const char *msg;
	char *text;
	size_t len;
	CHECK("read/missing", base_read_file("/nonexistent/x.go", &text, &len, &msg) == READ_NOT_FOUND);
	CHECK("read/dir", base_read_file("/", &text, &len, &msg) == READ_IS_DIR);
}

static void test_opt(void)
{
	bool dump = false;
	const char *sample = NULL;
	double interval = 0;
	long n = 0;
	const Opt opts[] = {
	    {"dump", OPT_BOOL, &dump, NULL, "dump"},
	    {"sample-index", OPT_STRING, &sample, "NAME", "sample"},
	    {"interval", OPT_DURATION, &interval, "DUR", "interval"},
	    {"n", OPT_INT, &n, "N", "count"},
	};
	const CmdSpec spec = {"t", "[flags] X...", "test", NULL, opts, ARRAY_LEN(opts), 1, -1};
	char *argv[] = {"t", "a.go", "-dump", "--sample-index", "alloc_space", "--interval=1m30s", "-n", "7", "--", "-b.go", NULL};
	char **args;
	int nargs;
	int rc = opt_parse(&spec, 10, argv, &args, &nargs);
	CHECK("opt/parse", rc == OPT_OK && dump && strcmp(sample, "alloc_space") == 0 && interval == 90 && n == 7);
	CHECK("opt/operands", nargs == 2 && strcmp(args[0], "a.go") == 0 && strcmp(args[1], "-b.go") == 0);
	double s;
	CHECK("opt/duration", opt_parse_duration("1.5s", &s) && s == 1.5 && opt_parse_duration("250ms", &s) &&
	                          s == 0.25 && !opt_parse_duration("5", &s) && !opt_parse_duration("-1s", &s));
}

int main(void)
{
	test_arena();
	test_vec_map();
	test_intern();
	test_intern_threads();
	test_pos();
	test_opt();
	return check_failures != 0;
}
