/* Unit tests for the loader's pieces: file-name and header constraint rules (cases from
 * go/build's own tests), the header reader, module path escaping, go.mod errors, the thread
 * pool, and load_run's dependency order on the standard library. */
#include "base/pool.h"
#include "check.h"
#include "load/load.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_file_names(void)
{
	BuildCtx c = {0};
	c.goos = "linux";
	c.goarch = "amd64";
	c.compiler = "gc";
	CHECK("name/plain", load_good_os_arch_file(&c, "file.go"));
	CHECK("name/foo", load_good_os_arch_file(&c, "file_foo.go"));
	CHECK("name/linux", load_good_os_arch_file(&c, "file_linux.go"));
	CHECK("name/windows", !load_good_os_arch_file(&c, "file_windows.go"));
	CHECK("name/linux_amd64", load_good_os_arch_file(&c, "file_linux_amd64.go"));
	CHECK("name/linux_arm", !load_good_os_arch_file(&c, "file_linux_arm.go"));
	CHECK("name/windows_amd64", !load_good_os_arch_file(&c, "file_windows_amd64.go"));
	CHECK("name/amd64_test", load_good_os_arch_file(&c, "file_amd64_test.go"));
	CHECK("name/arm_test", !load_good_os_arch_file(&c, "file_arm_test.go"));
	CHECK("name/no-underscore", load_good_os_arch_file(&c, "linux.go"));
	CHECK("name/only-os", !load_good_os_arch_file(&c, "x_windows.s.go"));
	CHECK("name/os-then-other", load_good_os_arch_file(&c, "file_windows_foo.go"));
	CHECK("name/unix-not-os", load_good_os_arch_file(&c, "file_unix.go"));
	c.goos = "android";
	CHECK("name/android-is-linux", load_good_os_arch_file(&c, "file_linux.go"));
	c.goos = "linux";
	CHECK("name/linux-not-android", !load_good_os_arch_file(&c, "file_android.go"));
}

static bool sb(BuildCtx *c, const char *text, const char **err)
{
	return load_should_build(c, text, strlen(text), err);
}

static void test_should_build(void)
{
	BuildCtx c = {0};
	c.goos = "linux";
	c.goarch = "amd64";
	c.compiler = "gc";
	vec_push(&c.tags, "yes");
	const char *err;
	CHECK("sb/plus-yes", sb(&c, "// +build yes\n\npackage main\n", &err) && !err);
	CHECK("sb/plus-no", !sb(&c, "// +build no\n\npackage main\n", &err) && !err);
	CHECK("sb/plus-needs-blank", sb(&c, "// +build no\npackage main\n", &err));
	CHECK("sb/gobuild-no", !sb(&c, "//go:build no\npackage main\n", &err));
	CHECK("sb/gobuild-wins", sb(&c, "//go:build yes\n// +build no\n\npackage main\n", &err));
	CHECK("sb/gobuild-expr", sb(&c, "//go:build linux && (amd64 || arm) && !windows\n\npackage p\n", &err));
	CHECK("sb/unix", sb(&c, "//go:build unix\n\npackage p\n", &err));
	CHECK("sb/release", sb(&c, "//go:build go1.20\n\npackage p\n", &err) == false); /* no release tags in c */
	sb(&c, "//go:build yes\n//go:build no\n\npackage p\n", &err);
	CHECK("sb/multiple", err && strstr(err, "multiple //go:build"));
	sb(&c, "//go:build (yes\n\npackage p\n", &err);
	CHECK("sb/syntax", err && strstr(err, "missing close paren"));
	CHECK("sb/after-code", sb(&c, "package p\n\n//go:build no\n", &err));
	CHECK("sb/after-block-comment", sb(&c, "/* x */\n// +build no\n\npackage p\n", &err));
	CHECK("sb/in-block-comment", sb(&c, "/*\n//go:build no\n*/\n\npackage p\n", &err));
	vec_free(&c.tags);
}

static void test_header(void)
{
	Arena a;
	arena_init(&a);
	Interner names;
	intern_init(&names);
	LoadHeader h;
	const char *src = "// doc\npackage foo // x\n\nimport \"fmt\"\nimport (\n\tx \"a/b\"\n\t. `c`\n\t_ \"C\"\n)\nimport \"late\"; func f() {}\nimport \"never\"\n";
	load_read_header(&a, &names, src, strlen(src), &h);
	CHECK("header/name", h.pkgname && !strcmp(h.pkgname, "foo"));
	CHECK("header/count", h.imports.len == 5);
	CHECK("header/paths", h.imports.len == 5 && !strcmp(h.imports.data[1].path, "a/b") &&
	                          !strcmp(h.imports.data[2].path, "c") && !strcmp(h.imports.data[3].path, "C") &&
	                          !strcmp(h.imports.data[4].path, "late"));
	CHECK("header/pos", h.imports.len == 5 && h.imports.data[0].line == 4 && h.imports.data[0].col == 8 &&
	                        h.imports.data[1].line == 6 && h.imports.data[1].col == 2);
	CHECK("header/ok", h.err[0] == '\0');
	load_header_free(&h);
	src = "package\n";
	load_read_header(&a, &names, src, strlen(src), &h);
	CHECK("header/no-name", !h.pkgname && !strcmp(h.err, "2:1: expected package name, found 'EOF'"));
	load_header_free(&h);
	src = "// only a comment\n";
	load_read_header(&a, &names, src, strlen(src), &h);
	CHECK("header/no-package", !h.pkgname && strstr(h.err, "expected 'package'"));
	load_header_free(&h);
	src = "package p\nimport (\n\t\"x\"\n";
	load_read_header(&a, &names, src, strlen(src), &h);
	/* as go/build: a header that does not parse gives no imports */
	CHECK("header/unclosed", h.pkgname && h.imports.len == 0 && h.err[0]);
	load_header_free(&h);
	src = "package p\nimport (\n\t\"fmt\"\n\t\"a b\"\n)\n";
	load_read_header(&a, &names, src, strlen(src), &h);
	CHECK("header/invalid-path", h.imports.len == 0 && !strcmp(h.err, "4:2: invalid import path: a b"));
	load_header_free(&h);
	intern_free(&names);
	arena_free(&a);
}

static void test_escape(void)
{
	char *e = load_module_escape("github.com/BurntSushi/toml");
	CHECK("escape/upper", !strcmp(e, "github.com/!burnt!sushi/toml"));
	free(e);
	e = load_module_escape("v1.2.3-RC1");
	CHECK("escape/version", !strcmp(e, "v1.2.3-!r!c1"));
	free(e);
}

static void test_gomod_errors(void)
{
	char dir[] = "/tmp/gomem-load-test-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK("gomod/tmpdir", false);
		return;
	}
	char *path = xasprintf("%s/go.mod", dir);
	FILE *f = fopen(path, "w");
	fputs("module example.com/x\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d\n)\nbogus line\n", f);
	fclose(f);
	Loader l;
	memset(&l, 0, sizeof l);
	arena_init(&l.arena);
	bool ok = load_parse_gomod(&l, path, false);
	CHECK("gomod/fails", !ok);
	bool l7 = false, l9 = false;
	for (size_t i = 0; i < l.errors.len; i++) {
		l7 |= strstr(l.errors.data[i], "go.mod:7: usage: require") != NULL;
		l9 |= strstr(l.errors.data[i], "go.mod:9: unknown directive: bogus") != NULL;
	}
	CHECK("gomod/line7", l7);
	CHECK("gomod/line9", l9);
	CHECK("gomod/module", l.nmain == 1 && !strcmp(l.mods.data[0]->path, "example.com/x"));
	CHECK("gomod/require", l.mods.len == 2 && !strcmp(l.mods.data[1]->version, "v1.0.0"));
	for (size_t i = 0; i < l.errors.len; i++)
		free(l.errors.data[i]);
	vec_free(&l.errors);
	vec_free(&l.mods);
	vec_free(&l.replaces);
	arena_free(&l.arena);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* ---- the pool ---- */

typedef struct Counter {
	Pool *pool;
	int count;
} Counter;

static void leaf(void *a) { __atomic_add_fetch(&((Counter *)a)->count, 1, __ATOMIC_RELAXED); }

static void spawner(void *a)
{
	Counter *c = a;
	for (int i = 0; i < 10; i++)
		pool_submit(c->pool, leaf, c);
	leaf(c);
}

static void test_pool(void)
{
	for (int n = 1; n <= 4; n *= 2) {
		Counter c = {pool_new(n), 0};
		for (int i = 0; i < 100; i++)
			pool_submit(c.pool, spawner, &c);
		pool_wait(c.pool);
		char name[32];
		snprintf(name, sizeof name, "pool/%d-threads", n);
		CHECK(name, c.count == 1100);
		pool_free(c.pool);
	}
}

/* ---- load_run on the standard library ---- */

typedef struct RunCheck {
	int runs;
	int early; /* packages run before one of their imports */
	int preps, unprepped; /* load_run_prep: preps run, packages run before their prep */
	LoadPkg **seen;       /* the packages in the order they ran */
} RunCheck;

static void visit(LoadPkg *p, void *arg)
{
	RunCheck *rc = arg;
	for (size_t i = 0; i < p->deps.len; i++)
		if (!__atomic_load_n((int *)&p->deps.data[i]->state, __ATOMIC_ACQUIRE))
			__atomic_add_fetch(&rc->early, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&p->state, 1, __ATOMIC_RELEASE);
	__atomic_add_fetch(&rc->runs, 1, __ATOMIC_RELAXED);
}

static void prep_visit(LoadPkg *p, void *arg)
{
	RunCheck *rc = arg;
	__atomic_store_n(&p->user, (void *)1, __ATOMIC_RELEASE); /* prepped */
	__atomic_add_fetch(&rc->preps, 1, __ATOMIC_RELAXED);
}

static void visit_seq(LoadPkg *p, void *arg)
{
	RunCheck *rc = arg;
	if (!__atomic_load_n(&p->user, __ATOMIC_ACQUIRE))
		__atomic_add_fetch(&rc->unprepped, 1, __ATOMIC_RELAXED);
	int k = __atomic_fetch_add(&rc->runs, 1, __ATOMIC_RELAXED);
	for (size_t i = 0; i < p->deps.len; i++)
		if (!__atomic_load_n((int *)&p->deps.data[i]->state, __ATOMIC_ACQUIRE))
			__atomic_add_fetch(&rc->early, 1, __ATOMIC_RELAXED);
	rc->seen[k] = p;
	__atomic_store_n(&p->state, 1, __ATOMIC_RELEASE);
}

static void test_run(void)
{
	Loader l;
	if (!load_init(&l, NULL)) {
		printf("skip load/run: no GOROOT\n");
		load_free(&l);
		return;
	}
	char *pat[] = {"std"};
	size_t bad = load_patterns(&l, pat, 1);
	CHECK("run/std-loads", bad == 0 && l.order.len > 300);
	char want[16];
	snprintf(want, sizeof want, "1.%d", load_goroot_minor(l.goroot));
	CHECK("run/std-goversion", l.roots.len && !strcmp(load_pkg_goversion(&l, l.roots.data[0]), want));
	for (int n = 1; n <= 4; n *= 3) {
		for (size_t i = 0; i < l.order.len; i++)
			l.order.data[i]->state = 0;
		RunCheck rc = {0, 0};
		load_run(&l, n, visit, &rc);
		char name[48];
		snprintf(name, sizeof name, "run/all-once-%d-threads", n);
		CHECK(name, rc.runs == (int)l.order.len);
		snprintf(name, sizeof name, "run/imports-first-%d-threads", n);
		CHECK(name, rc.early == 0);
	}
	/* with a prep phase: every prep before its package's run, imports first, and on one
	 * thread exactly l->runorder (the order of load_run on one thread) */
	for (int n = 1; n <= 4; n *= 3) {
		for (size_t i = 0; i < l.order.len; i++) {
			l.order.data[i]->state = 0;
			l.order.data[i]->user = NULL;
		}
		RunCheck rc = {0, 0};
		rc.seen = xcalloc(l.order.len + 1, sizeof *rc.seen);
		load_run_prep(&l, n, prep_visit, visit_seq, &rc);
		char name[48];
		snprintf(name, sizeof name, "run/prep-all-once-%d-threads", n);
		CHECK(name, rc.runs == (int)l.order.len && rc.preps == (int)l.order.len && l.runorder.len == l.order.len);
		snprintf(name, sizeof name, "run/prep-imports-first-%d-threads", n);
		CHECK(name, rc.early == 0 && rc.unprepped == 0);
		if (n == 1) {
			bool inorder = true;
			for (size_t i = 0; i < l.runorder.len; i++)
				inorder &= rc.seen[i] == l.runorder.data[i] && l.runorder.data[i]->seq == (int)i;
			CHECK("run/prep-one-thread-in-runorder", inorder);
		}
		free(rc.seen);
	}
	load_free(&l);
}

int main(void)
{
	test_file_names();
	test_should_build();
	test_header();
	test_escape();
	test_gomod_errors();
	test_pool();
	test_run();
	return check_failures ? 1 : 0;
}
