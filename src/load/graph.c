/*
 * The package graph: the command line's patterns expanded as the go command expands them,
 * every package they import loaded once (a work list over Loader.all), then one depth-first
 * walk from the roots that both finds import cycles and fixes the dependency order
 * (go list -deps order: a package after all its imports, imports visited in Imports order).
 *
 * Patterns: std, cmd, all, import paths, import-path patterns with "..." (net/...),
 * directories (., ./x, /abs, with "..." too: ./...), and a list of .go files forming one
 * package ("command-line-arguments"). A directory matched by "..." is a package when one of
 * its .go files, test files included, is built with the build's tags (the go command's
 * imports.ScanDir); testdata, _x and .x directories, vendor (except std's and cmd's own)
 * and nested modules are not descended into; builtin is never a match.
 *
 * load_run drives a callback over the graph on the thread pool: each package's pending
 * count is its number of imports; finishing a package decrements its importers' counts and
 * submits those that reach zero.
 */
#include "load/load.h"
#include "base/pool.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_WALK_DEPTH = 64 };

typedef Vec(char *) StrVec;

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

static bool is_local(const char *p)
{
	return !strcmp(p, ".") || !strcmp(p, "..") || !strncmp(p, "./", 2) || !strncmp(p, "../", 3) || p[0] == '/';
}

static bool under(const char *dir, const char *root, const char **rest)
{
	size_t n = strlen(root);
	if (strncmp(dir, root, n) != 0 || (dir[n] != '\0' && dir[n] != '/'))
		return false;
	*rest = dir[n] ? dir + n + 1 : dir + n;
	return true;
}

/* Pattern matching: "..." matches any string; a trailing "/..." also matches nothing. */
static bool match(const char *pat, const char *s)
{
	const char *dots = strstr(pat, "...");
	if (!dots)
		return !strcmp(pat, s);
	size_t pre = (size_t)(dots - pat);
	if (strncmp(pat, s, pre) != 0) {
		/* "x/..." matches "x" */
		if (pre > 0 && pat[pre - 1] == '/' && dots[3] == '\0' && strlen(s) == pre - 1 && !strncmp(pat, s, pre - 1))
			return true;
		return false;
	}
	const char *rest = dots + 3;
	for (const char *t = s + pre;; t++) {
		if (match(rest, t))
			return true;
		if (!*t)
			break;
	}
	if (pre > 0 && pat[pre - 1] == '/' && *rest == '\0' && strlen(s) == pre - 1)
		return true;
	return false;
}

/* The go command's pattern scan (imports.ScanDir with the build's tags): is dir a package?
 * Test files count, files importing "C" do not when cgo is off. */
static bool dir_has_go(Loader *l, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (name[0] == '.' || name[0] == '_' || !has_suffix(name, ".go") || !load_good_os_arch_file(&l->ctx, name))
			continue;
		char *full = load_join(&l->arena, dir, name);
		struct stat st;
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		char *text;
		size_t len;
		const char *msg, *err;
		if (base_read_file(full, &text, &len, &msg) != READ_OK) {
			found = true; /* a read error is not "no Go files" */
			break;
		}
		found = load_should_build(&l->ctx, text, len, &err);
		if (found && !l->ctx.cgo) {
			Arena a;
			arena_init(&a);
			LoadHeader h;
			load_read_header(&a, &l->names, text, len, &h);
			for (size_t i = 0; i < h.imports.len; i++)
				if (!strcmp(h.imports.data[i].path, "C"))
					found = false;
			load_header_free(&h);
			arena_free(&a);
		}
		free(text);
	}
	closedir(d);
	return found;
}

/* The import path of a directory, or NULL (message in *why). */
static char *dir_import_path(Loader *l, const char *dir, bool *std, LoadModule **mod, char **why)
{
	const char *rest;
	char *src = load_join(&l->arena, l->goroot, "src");
	*std = false;
	*mod = NULL;
	*why = NULL;
	if (under(dir, src, &rest) && *rest) {
		*std = true;
		return arena_strndup(&l->arena, rest, strlen(rest));
	}
	if (l->modules) {
		LoadModule *best = NULL;
		for (size_t i = 0; i < l->mods.len; i++) {
			LoadModule *m = l->mods.data[i];
			if (m->dir && under(dir, m->dir, &rest) && (!best || strlen(m->dir) > strlen(best->dir)))
				best = m;
		}
		if (best) {
			under(dir, best->dir, &rest);
			*mod = best;
			char *p = *rest ? xasprintf("%s/%s", best->path, rest) : xstrdup(best->path);
			char *r = arena_strndup(&l->arena, p, strlen(p));
			free(p);
			return r;
		}
		*why = l->nmain ? xasprintf("directory %s is outside main module or its selected dependencies", dir)
		                : xasprintf("go.mod file not found in %s or any parent directory (or set GO111MODULE=off)", dir);
		return NULL;
	}
	for (size_t i = 0; i < l->gopath.len; i++) {
		char *s = load_join(&l->arena, l->gopath.data[i], "src");
		if (under(dir, s, &rest) && *rest)
			return arena_strndup(&l->arena, rest, strlen(rest));
	}
	char *p = xasprintf("_%s", dir);
	char *r = arena_strndup(&l->arena, p, strlen(p));
	free(p);
	return r;
}

typedef struct Match {
	char *path;
	char *dir;
	bool std;
	LoadModule *mod;
} Match;
typedef Vec(Match) MatchVec;

/* Walks dir (import path ip, or NULL when it is to be computed) collecting packages whose
 * import path (or, for local patterns, ./relative directory) matches pat. */
static void walk(Loader *l, const char *dir, const char *ip, const char *rel, const char *pat, bool local,
                 bool allow_vendor, bool top, int depth, MatchVec *out)
{
	if (depth > MAX_WALK_DEPTH)
		return;
	if (!top && l->modules) {
		char *gm = load_join(&l->arena, dir, "go.mod");
		struct stat st;
		if (stat(gm, &st) == 0 && S_ISREG(st.st_mode))
			return; /* another module */
	}
	const char *key = local ? rel : ip;
	if (key && match(pat, key) && dir_has_go(l, dir)) {
		Match m = {0};
		char *why = NULL;
		m.dir = arena_strndup(&l->arena, dir, strlen(dir));
		m.path = ip ? arena_strndup(&l->arena, ip, strlen(ip)) : dir_import_path(l, dir, &m.std, &m.mod, &why);
		if (ip)
			dir_import_path(l, dir, &m.std, &m.mod, &why);
		free(why);
		if (m.path)
			vec_push(out, m);
	}
	DIR *d = opendir(dir);
	if (!d)
		return;
	StrVec subs = {0};
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (name[0] == '.' || name[0] == '_' || !strcmp(name, "testdata"))
			continue;
		if (!strcmp(name, "vendor") && !allow_vendor)
			continue;
		char *full = load_join(&l->arena, dir, name);
		struct stat st;
		if (lstat(full, &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		vec_push(&subs, full);
	}
	closedir(d);
	for (size_t i = 0; i < subs.len; i++) {
		const char *name = strrchr(subs.data[i], '/') + 1;
		char *cip = ip ? xasprintf("%s%s%s", ip, *ip ? "/" : "", name) : NULL;
		char *crel = rel ? xasprintf("%s/%s", rel, name) : NULL;
		walk(l, subs.data[i], cip, crel, pat, local, allow_vendor, false, depth + 1, out);
		free(cip);
		free(crel);
	}
	vec_free(&subs);
}

static int cmp_match(const void *a, const void *b) { return strcmp(((const Match *)a)->path, ((const Match *)b)->path); }

static void add_root(Loader *l, const Match *m, bool wildcard)
{
	bool created;
	LoadPkg *p = load_pkg_get(l, m->path, &created);
	if (created) {
		p->dir = m->dir;
		p->std = m->std;
		p->module = m->mod;
		p->from_wildcard = wildcard;
	} else if (!wildcard) {
		p->from_wildcard = false;
	}
	for (size_t i = 0; i < l->roots.len; i++)
		if (l->roots.data[i] == p)
			return;
	p->matched = true;
	vec_push(&l->roots, p);
}

static void expand(Loader *l, const char *pat)
{
	MatchVec ms = {0};
	char *src = load_join(&l->arena, l->goroot, "src");
	if (!strcmp(pat, "std")) {
		walk(l, src, "", NULL, "...", false, true, true, 0, &ms);
		/* the root of GOROOT/src is no package ("" import path) */
		for (size_t i = 0; i < ms.len; i++)
			if (!ms.data[i].path[0] || (!strncmp(ms.data[i].path, "cmd", 3) && (ms.data[i].path[3] == '/' || !ms.data[i].path[3])))
				ms.data[i--] = ms.data[--ms.len];
	} else if (!strcmp(pat, "cmd")) {
		l->cmd_pattern = true;
		walk(l, load_join(&l->arena, src, "cmd"), "cmd", NULL, "cmd/...", false, true, true, 0, &ms);
	} else if (!strcmp(pat, "all")) {
		/* the main modules' packages here; their imports and tests' imports in load_patterns */
		l->all_pattern = true;
		if (l->modules) {
			for (size_t i = 0; i < l->nmain; i++)
				if (l->mods.data[i]->dir)
					walk(l, l->mods.data[i]->dir, l->mods.data[i]->path, NULL, "...", false, false, true, 0, &ms);
			if (!l->nmain)
				load_error(l, "pattern all: no main module (go.mod file not found)");
		} else {
			/* GOPATH mode: every package in GOROOT, then in each GOPATH entry (vendor
			 * directories included), each tree sorted on its own */
			for (size_t t = 0; t <= l->gopath.len; t++) {
				char *root = t == 0 ? src : load_join(&l->arena, l->gopath.data[t - 1], "src");
				walk(l, root, "", NULL, "...", false, true, true, 0, &ms);
				for (size_t i = 0; i < ms.len; i++)
					if (!ms.data[i].path[0] || !strcmp(ms.data[i].path, "builtin"))
						ms.data[i--] = ms.data[--ms.len];
				if (ms.len)
					qsort(ms.data, ms.len, sizeof *ms.data, cmp_match);
				for (size_t i = 0; i < ms.len; i++)
					add_root(l, &ms.data[i], true);
				vec_clear(&ms);
			}
			vec_free(&ms);
			return;
		}
	} else if (strstr(pat, "...")) {
		if (is_local(pat)) {
			const char *dots = strstr(pat, "...");
			char *base = xstrndup(pat, (size_t)(dots - pat));
			char *slash = strrchr(base, '/');
			if (slash)
				slash[slash == base ? 1 : 0] = '\0';
			else
				strcpy(base, ".");
			char *dir = load_join(&l->arena, l->cwd, base);
			/* match on the pattern's own spelling of directories */
			char *rel = xstrdup(base);
			walk(l, dir, NULL, rel, pat, true, false, true, 0, &ms);
			free(rel);
			free(base);
		} else {
			const char *dots = strstr(pat, "...");
			char *prefix = xstrndup(pat, (size_t)(dots - pat));
			char *slash = strrchr(prefix, '/');
			if (slash)
				*slash = '\0';
			else
				prefix[0] = '\0';
			size_t pl = strlen(prefix);
			size_t n0 = ms.len;
			if (!strchr(prefix, '.') || !pl) {
				char *d = pl ? load_join(&l->arena, src, prefix) : src;
				walk(l, d, prefix, NULL, pat, false, !pl, true, 0, &ms);
				for (size_t i = n0; i < ms.len; i++)
					if (!ms.data[i].path[0] || (!pl && !strncmp(ms.data[i].path, "cmd", 3) && (ms.data[i].path[3] == '/' || !ms.data[i].path[3])))
						ms.data[i--] = ms.data[--ms.len];
			}
			if (l->modules) {
				for (size_t i = 0; i < l->mods.len; i++) {
					LoadModule *m = l->mods.data[i];
					const char *rest;
					size_t ml = strlen(m->path);
					if (!m->dir)
						continue;
					if (under(prefix, m->path, &rest)) {
						char *d = *rest ? load_join(&l->arena, m->dir, rest) : m->dir;
						walk(l, d, prefix, NULL, pat, false, false, true, 0, &ms);
					} else if (ml > pl && (pl == 0 || (!strncmp(m->path, prefix, pl) && m->path[pl] == '/')) &&
					           match(pat, m->path)) {
						walk(l, m->dir, m->path, NULL, pat, false, false, true, 0, &ms);
					}
				}
			} else {
				for (size_t i = 0; i < l->gopath.len; i++) {
					char *d = load_join(&l->arena, l->gopath.data[i], "src");
					if (pl)
						d = load_join(&l->arena, d, prefix);
					walk(l, d, prefix, NULL, pat, false, false, true, 0, &ms);
				}
			}
			free(prefix);
		}
	} else if (is_local(pat)) {
		char *dir = load_join(&l->arena, l->cwd, pat);
		struct stat st;
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			load_error(l, "directory %s does not exist", dir);
			return;
		}
		Match m = {0};
		char *why = NULL;
		m.dir = dir;
		m.path = dir_import_path(l, dir, &m.std, &m.mod, &why);
		if (!m.path) {
			load_error(l, "%s", why);
			free(why);
			return;
		}
		add_root(l, &m, false);
		return;
	} else {
		LoadPkg *p = load_resolve(l, NULL, pat, NULL);
		for (size_t i = 0; i < l->roots.len; i++)
			if (l->roots.data[i] == p)
				return;
		p->matched = true;
		vec_push(&l->roots, p);
		return;
	}
	/* the go command's pseudo-packages */
	for (size_t i = 0; i < ms.len; i++)
		if (!strcmp(ms.data[i].path, "builtin") || (!l->ctx.cgo && !strcmp(ms.data[i].path, "runtime/cgo")))
			ms.data[i--] = ms.data[--ms.len];
	if (ms.len == 0)
		fprintf(stderr, "gomem: warning: \"%s\" matched no packages\n", pat);
	if (ms.len)
		qsort(ms.data, ms.len, sizeof *ms.data, cmp_match);
	for (size_t i = 0; i < ms.len; i++)
		add_root(l, &ms.data[i], true);
	vec_free(&ms);
}

static void load_files_arg(Loader *l, char **files, int n)
{
	char *dir = NULL;
	for (int i = 0; i < n; i++) {
		char *full = load_join(&l->arena, l->cwd, files[i]);
		char *d = arena_strndup(&l->arena, full, strlen(full));
		*strrchr(d, '/') = '\0';
		if (!*d)
			strcpy(d, "/");
		struct stat st;
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
			load_error(l, "%s: no such file", files[i]);
			return;
		}
		if (dir && strcmp(dir, d) != 0) {
			load_error(l, "named files must all be in one directory; have %s and %s", dir, d);
			return;
		}
		dir = d;
	}
	bool created;
	LoadPkg *p = load_pkg_get(l, "command-line-arguments", &created);
	p->dir = dir;
	p->matched = true;
	bool std;
	LoadModule *mod;
	char *why = NULL;
	dir_import_path(l, dir, &std, &mod, &why);
	free(why);
	p->module = mod;
	p->std = std;
	load_pkg_files(l, p, files, n);
	p->loaded = true;
	vec_push(&l->roots, p);
}

/* Iterative depth-first walk: cycles and the post-order. */
static void order_graph(Loader *l)
{
	typedef struct Frame {
		LoadPkg *p;
		size_t next;
	} Frame;
	Vec(Frame) st = {0};
	for (size_t i = 0; i < l->all.len; i++)
		l->all.data[i]->state = 0;
	for (size_t r = 0; r < l->roots.len; r++) {
		LoadPkg *root = l->roots.data[r];
		if (root->state)
			continue;
		root->state = 1;
		Frame f0 = {root, 0};
		vec_push(&st, f0);
		while (st.len) {
			Frame *f = &vec_last(&st);
			if (f->next < f->p->deps.len) {
				LoadPkg *q = f->p->deps.data[f->next++];
				if (q->state == 0) {
					q->state = 1;
					Frame nf = {q, 0};
					vec_push(&st, nf);
				} else if (q->state == 1) {
					/* a cycle: q ... f->p -> q */
					size_t k = st.len;
					while (k > 0 && st.data[k - 1].p != q)
						k--;
					char *m = NULL;
					size_t mn = 0;
					FILE *out = open_memstream(&m, &mn);
					fprintf(out, "import cycle not allowed: ");
					for (size_t j = k - 1; j < st.len; j++) {
						fprintf(out, "%s -> ", st.data[j].p->path);
						st.data[j].p->incycle = true;
					}
					fprintf(out, "%s", q->path);
					fclose(out);
					vec_push(&q->errors, arena_strndup(&l->arena, m, strlen(m)));
					free(m);
				}
				continue;
			}
			f->p->state = 2;
			vec_push(&l->order, f->p);
			st.len--;
		}
	}
	vec_free(&st);
}

/* The work list: Loader.all grows while it is walked. */
static void load_work(Loader *l)
{
	for (size_t i = 0; i < l->all.len; i++) {
		LoadPkg *p = l->all.data[i];
		if (p->loaded)
			continue;
		p->loaded = true;
		if (p->dir)
			load_pkg_files(l, p, NULL, 0);
	}
}

static int cmp_pkg(const void *a, const void *b)
{
	return strcmp((*(LoadPkg *const *)a)->path, (*(LoadPkg *const *)b)->path);
}

/* Imports that name no package (local, non-canonical, empty) are not in "all". */
static bool names_no_package(const LoadPkg *d)
{
	return !d->dir && d->errors.len && !d->name && (d->path[0] == '.' || d->path[0] == '"' || strstr(d->path, "//"));
}

/* "all" in module mode: the main modules' packages, the imports of their tests, and
 * everything those import (explicit imports only, as the go command counts it), sorted. */
static void expand_all(Loader *l)
{
	LoadPkgVec seeds = {0};
	for (size_t i = 0; i < l->roots.len; i++) {
		LoadPkg *p = l->roots.data[i];
		vec_push(&seeds, p);
		if (!p->module || !p->module->main)
			continue;
		for (size_t k = 0; k < p->testimports.len; k++)
			vec_push(&seeds, load_resolve(l, p, p->testimports.data[k], NULL));
	}
	load_work(l);
	Map seen;
	map_init(&seen);
	LoadPkgVec out = {0};
	for (size_t i = 0; i < seeds.len; i++) {
		LoadPkg *s = seeds.data[i];
		if (map_get(&seen, (uintptr_t)s) || names_no_package(s))
			continue;
		map_put(&seen, (uintptr_t)s, s);
		vec_push(&out, s);
		LoadPkgVec stack = {0};
		vec_push(&stack, s);
		while (stack.len) {
			LoadPkg *q = vec_pop(&stack);
			for (size_t k = 0; k < q->nexplicit; k++) {
				LoadPkg *d = q->deps.data[k];
				if (map_get(&seen, (uintptr_t)d) || names_no_package(d))
					continue;
				map_put(&seen, (uintptr_t)d, d);
				vec_push(&out, d);
				vec_push(&stack, d);
			}
		}
		vec_free(&stack);
	}
	map_free(&seen);
	vec_free(&seeds);
	if (out.len)
		qsort(out.data, out.len, sizeof *out.data, cmp_pkg);
	for (size_t i = 0; i < out.len; i++)
		out.data[i]->matched = true;
	vec_free(&l->roots);
	l->roots = out;
}

size_t load_patterns(Loader *l, char **patterns, int n)
{
	int nfiles = 0;
	for (int i = 0; i < n; i++)
		if (has_suffix(patterns[i], ".go"))
			nfiles++;
	if (nfiles && nfiles != n) {
		load_error(l, "cannot mix .go files and package patterns on one command line");
	} else if (nfiles) {
		load_files_arg(l, patterns, n);
	} else {
		for (int i = 0; i < n; i++)
			expand(l, patterns[i]);
	}
	load_work(l);
	if (l->all_pattern && l->modules)
		expand_all(l);
	/* the go command leaves vendored commands out of "cmd" */
	if (l->cmd_pattern) {
		size_t w = 0;
		for (size_t i = 0; i < l->roots.len; i++) {
			LoadPkg *p = l->roots.data[i];
			if (p->from_wildcard && !strncmp(p->path, "cmd/vendor/", 11) && p->name && !strcmp(p->name, "main")) {
				p->matched = false;
				continue;
			}
			l->roots.data[w++] = p;
		}
		l->roots.len = w;
	}
	order_graph(l);
	size_t bad = l->errors.len;
	for (size_t i = 0; i < l->order.len; i++)
		if (l->order.data[i]->errors.len)
			bad++;
	l->nerrors = bad;
	return bad;
}

void load_deps_order(Loader *l, LoadPkgVec *out)
{
	for (size_t i = 0; i < l->order.len; i++)
		vec_push(out, l->order.data[i]);
}

/* ---- running a callback in dependency order ---- */

typedef struct RunCtx {
	Pool *pool;
	LoadRunFn prep, fn;
	void *arg;
	pthread_mutex_t mu;     /* guards ready */
	LoadPkgVec ready;       /* with prep: packages ready to run, a min-heap on seq */
} RunCtx;

typedef struct RunItem {
	RunCtx *rc;
	LoadPkg *p;
} RunItem;

static void run_one(void *a);
static void run_next(void *a);

static void heap_push(LoadPkgVec *h, LoadPkg *p)
{
	vec_push(h, p);
	for (size_t i = h->len - 1; i > 0;) {
		size_t up = (i - 1) / 2;
		if (h->data[up]->seq <= h->data[i]->seq)
			break;
		LoadPkg *t = h->data[up];
		h->data[up] = h->data[i];
		h->data[i] = t;
		i = up;
	}
}

static LoadPkg *heap_pop(LoadPkgVec *h)
{
	LoadPkg *top = h->data[0];
	h->data[0] = h->data[--h->len];
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->len && h->data[l]->seq < h->data[m]->seq)
			m = l;
		if (r < h->len && h->data[r]->seq < h->data[m]->seq)
			m = r;
		if (m == i)
			break;
		LoadPkg *t = h->data[m];
		h->data[m] = h->data[i];
		h->data[i] = t;
		i = m;
	}
	return top;
}

/* One of p's pending steps (an import, or its own prep) is done: run it when none is left.
 * With a prep phase, a ready package goes to a heap ordered by seq and a task to run the
 * first one there goes to the front of the pool's queue, ahead of the preps still waiting:
 * the dependency chain is the critical path, preps fill idle threads, and packages run close
 * to l->runorder (exactly in it on one thread), which keeps output that callers hold back
 * to print in that order small. */
static void release(RunCtx *rc, LoadPkg *p)
{
	if (__atomic_sub_fetch(&p->pending, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (!rc->prep) {
		pool_submit(rc->pool, run_one, p->run_item);
		return;
	}
	pthread_mutex_lock(&rc->mu);
	heap_push(&rc->ready, p);
	pthread_mutex_unlock(&rc->mu);
	pool_submit_front(rc->pool, run_next, rc);
}

static void run_one(void *a)
{
	RunItem *it = a;
	LoadPkg *p = it->p;
	it->rc->fn(p, it->rc->arg);
	for (size_t i = 0; i < p->importers.len; i++)
		release(it->rc, p->importers.data[i]);
}

/* One run_next task is submitted per package pushed on the heap: the heap is never empty. */
static void run_next(void *a)
{
	RunCtx *rc = a;
	pthread_mutex_lock(&rc->mu);
	LoadPkg *p = heap_pop(&rc->ready);
	pthread_mutex_unlock(&rc->mu);
	run_one(p->run_item);
}

static void run_prep(void *a)
{
	RunItem *it = a;
	it->rc->prep(it->p, it->rc->arg);
	release(it->rc, it->p);
}

/* The order a run on one thread without prep takes (Kahn's algorithm with a FIFO queue
 * seeded in l->order): l->runorder and each package's seq. */
static void run_order(Loader *l)
{
	vec_clear(&l->runorder);
	for (size_t i = 0; i < l->order.len; i++) {
		LoadPkg *p = l->order.data[i];
		p->pending = (int)p->deps.len + (p->incycle ? 1 : 0);
		p->seq = -1;
	}
	for (size_t i = 0; i < l->order.len; i++)
		if (l->order.data[i]->pending == 0)
			vec_push(&l->runorder, l->order.data[i]);
	for (size_t i = 0; i < l->runorder.len; i++) {
		LoadPkg *p = l->runorder.data[i];
		p->seq = (int)i;
		for (size_t k = 0; k < p->importers.len; k++)
			if (--p->importers.data[k]->pending == 0)
				vec_push(&l->runorder, p->importers.data[k]);
	}
}

void load_run(Loader *l, int nthreads, LoadRunFn fn, void *arg) { load_run_prep(l, nthreads, NULL, fn, arg); }

void load_run_prep(Loader *l, int nthreads, LoadRunFn prep, LoadRunFn fn, void *arg)
{
	RunCtx rc = {NULL, prep, fn, arg, PTHREAD_MUTEX_INITIALIZER, {0}};
	RunItem *items = xcalloc(l->order.len + 1, sizeof *items);
	for (size_t i = 0; i < l->order.len; i++) {
		LoadPkg *p = l->order.data[i];
		vec_clear(&p->importers);
	}
	for (size_t i = 0; i < l->order.len; i++) {
		LoadPkg *p = l->order.data[i];
		items[i] = (RunItem){&rc, p};
		p->run_item = &items[i];
		for (size_t k = 0; k < p->deps.len; k++)
			vec_push(&p->deps.data[k]->importers, p);
	}
	run_order(l);
	/* a package on a cycle never runs: its importers keep one pending import forever */
	for (size_t i = 0; i < l->order.len; i++) {
		LoadPkg *p = l->order.data[i];
		p->pending = (int)p->deps.len + (p->incycle ? 1 : 0) + (prep ? 1 : 0);
	}
	rc.pool = pool_new(nthreads);
	/* collect the tasks before submitting any: once tasks run, pending counts fall. Preps
	 * go in l->runorder (packages that never run need none) */
	LoadPkgVec ready = {0};
	if (prep) {
		for (size_t i = 0; i < l->runorder.len; i++)
			vec_push(&ready, l->runorder.data[i]);
	} else {
		for (size_t i = 0; i < l->order.len; i++)
			if (l->order.data[i]->pending == 0)
				vec_push(&ready, l->order.data[i]);
	}
	for (size_t i = 0; i < ready.len; i++)
		pool_submit(rc.pool, prep ? run_prep : run_one, ready.data[i]->run_item);
	vec_free(&ready);
	pool_wait(rc.pool);
	pool_free(rc.pool);
	vec_free(&rc.ready);
	pthread_mutex_destroy(&rc.mu);
	for (size_t i = 0; i < l->order.len; i++)
		l->order.data[i]->run_item = NULL;
	free(items);
}
