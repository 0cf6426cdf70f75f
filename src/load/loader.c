/*
 * The loader: where GOROOT, GOPATH and the modules are, how an import path becomes a
 * directory, and which files of a directory make its package.
 *
 * Resolution of an import P written in package Q, in the go command's order:
 *   1. P's first element has no dot and GOROOT/src/P is a directory: the standard library;
 *   2. Q is in GOROOT/src: GOROOT/src/vendor/P (or GOROOT/src/cmd/vendor/P for cmd), whose
 *      import path is "vendor/P" ("cmd/vendor/P");
 *   3. module mode: the main modules and the required modules (replaced ones at their
 *      replacement, vendored ones under vendor/), the longest module path that is a prefix
 *      of P and has the directory; GOPATH mode: vendor directories from Q's directory up to
 *      its GOPATH/src root, then GOROOT/src/P and every GOPATH/src/P.
 * A failure becomes a stub package carrying the error: the import, the importing file's
 * position and every directory searched.
 *
 * File selection is go/build's Import: .go files not starting with _ or ., not _test.go,
 * name and //go:build / +build constraints satisfied, package "documentation" ignored,
 * import "C" files in CgoFiles when cgo is enabled (ignored with their imports otherwise).
 */
#include "load/load.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void load_error(Loader *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = NULL;
	if (vasprintf(&m, fmt, ap) < 0)
		base_fatal("out of memory");
	va_end(ap);
	vec_push(&l->errors, m);
	l->nerrors++;
}

static void pkg_error(Loader *l, LoadPkg *p, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void pkg_error(Loader *l, LoadPkg *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = NULL;
	if (vasprintf(&m, fmt, ap) < 0)
		base_fatal("out of memory");
	va_end(ap);
	char *a = arena_strndup(&l->arena, m, strlen(m));
	free(m);
	vec_push(&p->errors, a);
}

/* path.Clean for slash-separated paths, in the arena. */
static char *clean(Arena *a, const char *p) { return base_path_clean(p, arena_alloc(a, strlen(p) + 2)); }

char *load_join(Arena *a, const char *dir, const char *name)
{
	if (name[0] == '/')
		return clean(a, name);
	size_t dn = strlen(dir), nn = strlen(name);
	char *t = arena_alloc(a, dn + nn + 2);
	memcpy(t, dir, dn);
	t[dn] = '/';
	memcpy(t + dn + 1, name, nn);
	return clean(a, t);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir is under root (or is root); *rest gets the remainder without the slash. */
static bool has_dir_prefix(const char *dir, const char *root, const char **rest)
{
	size_t n = strlen(root);
	if (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(dir, root, n) != 0 || (dir[n] != '\0' && dir[n] != '/'))
		return false;
	*rest = dir[n] ? dir + n + 1 : dir + n;
	return true;
}

/* path has the import-path prefix pre. */
static bool has_path_prefix(const char *path, const char *pre, const char **rest)
{
	size_t n = strlen(pre);
	if (strncmp(path, pre, n) != 0 || (path[n] != '\0' && path[n] != '/'))
		return false;
	*rest = path[n] ? path + n + 1 : path + n;
	return true;
}

static bool std_like(const char *path)
{
	size_t n = strcspn(path, "/");
	return memchr(path, '.', n) == NULL;
}

/* ---- setup ---- */

/* GOROOT as `go env GOROOT` reports it for the go on PATH: a GOROOT line in the go
 * command's user config ($GOENV, else ~/.config/go/env), else the directory above the bin/
 * holding the real executable (the go command's own rule), else ask the go command. */
static char *go_on_path_goroot(void)
{
	const char *genv = getenv("GOENV");
	const char *home = getenv("HOME");
	char *cfgpath = genv && *genv ? xstrdup(genv) : home ? xasprintf("%s/.config/go/env", home) : NULL;
	if (cfgpath && strcmp(cfgpath, "off") != 0) {
		FILE *f = fopen(cfgpath, "r");
		if (f) {
			char line[4096];
			char *r = NULL;
			while (!r && fgets(line, sizeof line, f)) {
				line[strcspn(line, "\r\n")] = '\0';
				if (!strncmp(line, "GOROOT=", 7) && line[7])
					r = xstrdup(line + 7);
			}
			fclose(f);
			if (r) {
				free(cfgpath);
				return r;
			}
		}
	}
	free(cfgpath);
	const char *path = getenv("PATH");
	if (!path)
		return NULL;
	char *gobin = NULL;
	for (const char *p = path; *p && !gobin;) {
		size_t n = strcspn(p, ":");
		char *f = xasprintf("%.*s/go", (int)n, n ? p : ".");
		if (access(f, X_OK) == 0 && is_file(f))
			gobin = f;
		else
			free(f);
		p += n;
		if (*p)
			p++;
	}
	if (!gobin)
		return NULL;
	char *real = realpath(gobin, NULL);
	free(gobin);
	if (real) {
		char *slash = strrchr(real, '/');
		if (slash && slash - real >= 4 && !strncmp(slash - 4, "/bin", 4)) {
			slash[-4] = '\0';
			char *rt = xasprintf("%s/src/runtime", real);
			bool ok = is_dir(rt);
			free(rt);
			if (ok)
				return real;
		}
		free(real);
	}
	FILE *f = popen("go env GOROOT 2>/dev/null", "r");
	if (!f)
		return NULL;
	char buf[4096];
	char *r = NULL;
	if (fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = '\0';
		if (buf[0])
			r = xstrdup(buf);
	}
	pclose(f);
	return r;
}

static char *find_goroot(Loader *l)
{
	const char *e = load_getenv("GOROOT");
	if (e && *e)
		return load_join(&l->arena, l->cwd, e);
	char *g = go_on_path_goroot();
	if (g) {
		char *r = arena_strndup(&l->arena, g, strlen(g));
		free(g);
		return r;
	}
	static const char *const places[] = {"/usr/local/go", "/usr/lib/go"};
	for (size_t i = 0; i < ARRAY_LEN(places); i++) {
		char *rt = xasprintf("%s/src/runtime", places[i]);
		bool ok = is_dir(rt);
		free(rt);
		if (ok)
			return arena_strndup(&l->arena, places[i], strlen(places[i]));
	}
	return NULL;
}

/* Walks up from dir looking for name; the path of the file found or NULL. */
static char *find_up(Loader *l, const char *dir, const char *name)
{
	char *d = arena_strndup(&l->arena, dir, strlen(dir));
	for (;;) {
		char *f = load_join(&l->arena, d, name);
		if (is_file(f))
			return f;
		char *slash = strrchr(d, '/');
		if (!slash || slash == d)
			break;
		*slash = '\0';
	}
	char *f = load_join(&l->arena, "/", name);
	return is_file(f) ? f : NULL;
}

static void module_dirs(Loader *l)
{
	LoadModule *mainmod = l->nmain ? l->mods.data[0] : NULL;
	for (size_t i = l->nmain; i < l->mods.len; i++) {
		LoadModule *m = l->mods.data[i];
		LoadReplace *rep = NULL;
		for (size_t k = 0; k < l->replaces.len; k++) {
			LoadReplace *r = &l->replaces.data[k];
			if (!strcmp(r->old, m->path) && (!r->oldver || !strcmp(r->oldver, m->version))) {
				/* a version-specific replacement wins over a general one */
				if (!rep || (r->oldver && !rep->oldver))
					rep = r;
			}
		}
		if (l->vendor && mainmod) {
			m->dir = load_join(&l->arena, mainmod->dir, "vendor");
			m->dir = load_join(&l->arena, m->dir, m->path);
		} else if (rep && !rep->newver) {
			m->dir = rep->new_;
			m->gomod = load_join(&l->arena, m->dir, "go.mod");
		} else {
			const char *p = rep ? rep->new_ : m->path, *v = rep ? rep->newver : m->version;
			char *ep = load_module_escape(p), *ev = load_module_escape(v);
			char *d = xasprintf("%s/%s@%s", l->modcache, ep, ev);
			char *g = xasprintf("%s/cache/download/%s/@v/%s.mod", l->modcache, ep, ev);
			m->dir = arena_strndup(&l->arena, d, strlen(d));
			m->gomod = is_file(g) ? arena_strndup(&l->arena, g, strlen(g)) : load_join(&l->arena, m->dir, "go.mod");
			free(ep);
			free(ev);
			free(d);
			free(g);
		}
		if (m->gomod)
			m->goversion = load_gomod_goversion(l, m->gomod);
	}
	/* replacements of modules not required are ignored, as the go command does */
}

bool load_init(Loader *l, const LoadConfig *cfg)
{
	memset(l, 0, sizeof *l);
	arena_init(&l->arena);
	intern_init(&l->names);
	map_init(&l->pkgs);
	map_init(&l->stdcache);
	char buf[4096];
	const char *cwd = cfg && cfg->dir ? cfg->dir : getcwd(buf, sizeof buf);
	l->cwd = clean(&l->arena, cwd ? cwd : ".");
	l->goroot = find_goroot(l);
	if (!l->goroot) {
		load_error(l, "cannot find GOROOT: set $GOROOT, put go on PATH or install Go in /usr/local/go");
		return false;
	}
	/* -tags, else GOFLAGS' -tags=... as the go command reads it */
	const char *tags = cfg ? cfg->tags : NULL;
	char *flagtags = NULL;
	const char *gf = load_getenv("GOFLAGS");
	if (!tags && gf) {
		const char *t = strstr(gf, "-tags=");
		if (t && (t == gf || t[-1] == ' ' || (t[-1] == '-' && (t - 1 == gf || t[-2] == ' '))))
			tags = flagtags = xstrndup(t + 6, strcspn(t + 6, " \t"));
	}
	load_ctx_init(&l->ctx, tags, l->goroot);
	free(flagtags);
	const char *gp = load_getenv("GOPATH");
	const char *home = getenv("HOME");
	if (gp && *gp) {
		for (const char *p = gp; *p;) {
			size_t n = strcspn(p, ":");
			if (n) {
				char *e = arena_strndup(&l->arena, p, n);
				vec_push(&l->gopath, clean(&l->arena, e));
			}
			p += n;
			if (*p)
				p++;
		}
	} else if (home) {
		vec_push(&l->gopath, load_join(&l->arena, home, "go"));
	}
	const char *mc = load_getenv("GOMODCACHE");
	if (mc && *mc)
		l->modcache = clean(&l->arena, mc);
	else if (l->gopath.len)
		l->modcache = load_join(&l->arena, l->gopath.data[0], "pkg/mod");
	else
		l->modcache = arena_strndup(&l->arena, "/nonexistent/pkg/mod", 20);

	const char *g111 = load_getenv("GO111MODULE");
	l->modules = !(g111 && !strcmp(g111, "off"));
	if (!l->modules)
		return true;
	const char *gw = load_getenv("GOWORK");
	if (gw && !strcmp(gw, "off"))
		l->gowork = NULL;
	else if (gw && *gw)
		l->gowork = load_join(&l->arena, l->cwd, gw);
	else
		l->gowork = find_up(l, l->cwd, "go.work");
	if (l->gowork) {
		load_parse_gomod(l, l->gowork, true);
	} else {
		l->gomod = find_up(l, l->cwd, "go.mod");
		if (l->gomod)
			load_parse_gomod(l, l->gomod, false);
	}
	const char *flags = load_getenv("GOFLAGS");
	bool modflag_vendor = flags && strstr(flags, "-mod=vendor");
	bool modflag_other = flags && (strstr(flags, "-mod=mod") || strstr(flags, "-mod=readonly"));
	if (!l->gowork && l->nmain == 1 && !modflag_other) {
		char *mt = load_join(&l->arena, l->mods.data[0]->dir, "vendor/modules.txt");
		/* vendor/ is used by default from go 1.14 on */
		if (modflag_vendor || (is_file(mt) && l->gominor >= 14))
			l->vendor = load_read_vendor_modules(l, l->mods.data[0]->dir) || modflag_vendor;
	}
	/* before Go 1.17 a go.mod need not list every module providing a package: walk the graph
	 * (vendor mode has its list in vendor/modules.txt) */
	if (l->nmain && l->gominor < 17 && !l->vendor)
		load_mvs(l);
	module_dirs(l);
	return true;
}

void load_free(Loader *l)
{
	for (size_t i = 0; i < l->all.len; i++) {
		LoadPkg *p = l->all.data[i];
		vec_free(&p->gofiles);
		vec_free(&p->cgofiles);
		vec_free(&p->ignored);
		vec_free(&p->imports);
		vec_free(&p->deps);
		vec_free(&p->errors);
		vec_free(&p->importers);
		vec_free(&p->testimports);
	}
	vec_free(&l->all);
	vec_free(&l->roots);
	vec_free(&l->order);
	vec_free(&l->runorder);
	for (size_t i = 0; i < l->errors.len; i++)
		free(l->errors.data[i]);
	vec_free(&l->errors);
	vec_free(&l->gopath);
	vec_free(&l->mods);
	vec_free(&l->replaces);
	vec_free(&l->vendored);
	map_free(&l->pkgs);
	map_free(&l->stdcache);
	intern_free(&l->names);
	load_ctx_free(&l->ctx);
	arena_free(&l->arena);
}

/* ---- packages ---- */

LoadPkg *load_pkg_get(Loader *l, const char *path, bool *created)
{
	Name *key = intern_cstr(&l->names, path);
	LoadPkg *p = map_get(&l->pkgs, (uintptr_t)key);
	*created = p == NULL;
	if (!p) {
		p = ARENA_NEW(&l->arena, LoadPkg);
		p->path = key->s;
		map_put(&l->pkgs, (uintptr_t)key, p);
		vec_push(&l->all, p);
	}
	return p;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

typedef struct RawImport {
	char *path;
	const char *file;
	uint32_t line, col;
} RawImport;

static int cmp_raw(const void *a, const void *b)
{
	return strcmp(((const RawImport *)a)->path, ((const RawImport *)b)->path);
}

typedef Vec(char *) StrVec;

static void searched_add(Loader *l, StrVec *s, const char *dir, const char *from)
{
	char *m = xasprintf("%s (%s)", dir, from);
	vec_push(s, arena_strndup(&l->arena, m, strlen(m)));
	free(m);
}

/* The module that provides import path P (longest module path prefix with the directory). */
static LoadModule *find_module(Loader *l, const char *path, char **dirp, StrVec *searched)
{
	LoadModule *best = NULL;
	char *bestdir = NULL;
	size_t bestlen = 0;
	for (size_t i = 0; i < l->mods.len; i++) {
		LoadModule *m = l->mods.data[i];
		const char *rest;
		if (!has_path_prefix(path, m->path, &rest) || strlen(m->path) < bestlen || !m->dir)
			continue;
		char *dir;
		if (l->vendor && !m->main)
			dir = load_join(&l->arena, l->mods.data[0]->dir, "vendor"), dir = load_join(&l->arena, dir, path);
		else
			dir = *rest ? load_join(&l->arena, m->dir, rest) : m->dir;
		if (!is_dir(dir)) {
			char *from = xasprintf("module %s%s%s", m->path, m->version ? "@" : "", m->version ? m->version : "");
			searched_add(l, searched, dir, from);
			free(from);
			continue;
		}
		best = m;
		bestdir = dir;
		bestlen = strlen(m->path);
	}
	*dirp = bestdir;
	return best;
}

/* Resolves import path imp written in package from (NULL for the command line). */
static LoadPkg *resolve(Loader *l, LoadPkg *from, const char *imp, const char *pos)
{
	StrVec searched = {0};
	const char *rest;
	char *dir = NULL;
	LoadModule *mod = NULL;
	bool std = false;
	char *path = (char *)imp;

	bool local = !strncmp(imp, "./", 2) || !strncmp(imp, "../", 3) || !strcmp(imp, ".") || !strcmp(imp, "..");
	if (local && !l->modules) {
		/* GOPATH mode: a local import names a directory relative to the importer's */
		char *d = load_join(&l->arena, from && from->dir ? from->dir : l->cwd, imp);
		char *src = load_join(&l->arena, l->goroot, "src");
		const char *sub = NULL;
		bool instd = has_dir_prefix(d, src, &sub) && *sub;
		for (size_t i = 0; !instd && i < l->gopath.len; i++) {
			char *gs = load_join(&l->arena, l->gopath.data[i], "src");
			if (has_dir_prefix(d, gs, &sub) && *sub)
				break;
			sub = NULL;
		}
		char *ip = sub && *sub ? arena_strndup(&l->arena, sub, strlen(sub)) : NULL;
		if (!ip) {
			char *t = xasprintf("_%s", d);
			ip = arena_strndup(&l->arena, t, strlen(t));
			free(t);
		}
		bool created;
		LoadPkg *p = load_pkg_get(l, ip, &created);
		if (created) {
			p->std = instd;
			p->dir = d; /* go list shows it even when it does not exist */
			if (!is_dir(d)) {
				p->loaded = true;
				pkg_error(l, p, "%s%scannot find package \"%s\" in:\n\t%s", pos ? pos : "", pos ? ": " : "", imp, d);
			}
		}
		return p;
	}
	/* module mode rejects an import path that is not clean (GOPATH mode just joins it) */
	char *canon = l->modules && imp[0] && imp[0] != '/' && !local ? clean(&l->arena, imp) : NULL;
	if (canon && strcmp(canon, imp) != 0) {
		bool created;
		LoadPkg *p = load_pkg_get(l, imp, &created);
		if (created) {
			p->loaded = true;
			pkg_error(l, p, "%s%snon-canonical import path \"%s\": should be \"%s\"", pos ? pos : "",
			          pos ? ": " : "", imp, canon);
		}
		return p;
	}
	if (imp[0] == '\0' || imp[0] == '/' || local) {
		bool created;
		LoadPkg *p = load_pkg_get(l, imp[0] ? imp : "\"\"", &created);
		if (created) {
			pkg_error(l, p, "%s%simport \"%s\": %s", pos ? pos : "", pos ? ": " : "", imp,
			          imp[0] ? "local imports are not supported" : "empty import path");
			p->loaded = true;
		}
		return p;
	}
	if (std_like(imp)) {
		Name *key = intern_cstr(&l->names, imp);
		LoadPkg *hit = map_get(&l->stdcache, (uintptr_t)key);
		if (hit)
			return hit;
		char *d = load_join(&l->arena, l->goroot, "src");
		d = load_join(&l->arena, d, imp);
		if (is_dir(d)) {
			dir = d;
			std = true;
		} else {
			searched_add(l, &searched, d, "from $GOROOT");
		}
	}
	if (!dir && from && from->std) {
		/* the standard library's own vendor directories */
		const char *vroot = has_path_prefix(from->path, "cmd", &rest) ? "cmd/vendor" : "vendor";
		char *vp = xasprintf("%s/%s", vroot, imp);
		char *d = load_join(&l->arena, l->goroot, "src");
		d = load_join(&l->arena, d, vp);
		if (is_dir(d)) {
			dir = d;
			std = true;
			path = arena_strndup(&l->arena, vp, strlen(vp));
		} else {
			searched_add(l, &searched, d, "vendored in $GOROOT");
		}
		free(vp);
	}
	if (!dir && l->modules) {
		mod = find_module(l, imp, &dir, &searched);
	} else if (!dir) {
		/* GOPATH mode: vendor directories first, then each GOPATH/src */
		if (from && from->dir) {
			for (size_t i = 0; i < l->gopath.len && !dir; i++) {
				char *src = load_join(&l->arena, l->gopath.data[i], "src");
				const char *rel;
				if (!has_dir_prefix(from->dir, src, &rel))
					continue;
				char *d = arena_strndup(&l->arena, from->dir, strlen(from->dir));
				for (;;) {
					char *v = load_join(&l->arena, d, "vendor");
					v = load_join(&l->arena, v, imp);
					if (is_dir(v)) {
						dir = v;
						const char *r2;
						has_dir_prefix(v, src, &r2);
						path = arena_strndup(&l->arena, r2, strlen(r2));
						break;
					}
					if (strlen(d) <= strlen(src))
						break;
					*strrchr(d, '/') = '\0';
				}
			}
		}
		for (size_t i = 0; i < l->gopath.len && !dir; i++) {
			char *d = load_join(&l->arena, l->gopath.data[i], "src");
			d = load_join(&l->arena, d, imp);
			if (is_dir(d))
				dir = d;
			else
				searched_add(l, &searched, d, "from $GOPATH");
		}
	}

	bool created;
	LoadPkg *p = load_pkg_get(l, path, &created);
	if (std && path == imp)
		map_put(&l->stdcache, (uintptr_t)intern_cstr(&l->names, imp), p);
	if (created) {
		p->dir = dir;
		p->module = mod;
		p->std = std;
		if (!dir) {
			p->loaded = true; /* nothing to load */
			char *m = NULL;
			size_t mn = 0;
			FILE *f = open_memstream(&m, &mn);
			if (pos)
				fprintf(f, "%s: ", pos);
			if (l->modules && std_like(imp))
				fprintf(f, "package %s is not in std (%s/src/%s)", imp, l->goroot, imp);
			else if (l->modules)
				fprintf(f, "no required module provides package %s%s", imp,
				        l->nmain ? "" : " (go.mod file not found in current directory or any parent directory)");
			else
				fprintf(f, "cannot find package \"%s\"", imp);
			if (from)
				fprintf(f, " imported by %s", from->path);
			fprintf(f, "; searched:");
			for (size_t i = 0; i < searched.len; i++)
				fprintf(f, "\n\t%s", searched.data[i]);
			if (searched.len == 0)
				fprintf(f, "\n\t(no module or directory could provide it)");
			fclose(f);
			pkg_error(l, p, "%s", m);
			free(m);
		}
	}
	vec_free(&searched);
	return p;
}

LoadPkg *load_resolve(Loader *l, LoadPkg *from, const char *imp, const char *pos) { return resolve(l, from, imp, pos); }

/* Reads a directory's sorted file names. */
static bool read_dir(const char *dir, StrVec *names)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		vec_push(names, xstrdup(e->d_name));
	}
	closedir(d);
	if (names->len)
		qsort(names->data, names->len, sizeof(char *), cmp_str);
	return true;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

static void add_dep(LoadPkg *p, LoadPkg *q)
{
	for (size_t k = 0; k < p->deps.len; k++)
		if (p->deps.data[k] == q)
			return;
	vec_push(&p->deps, q);
}

/* Selects the files of p (p->dir set, or explicit files) and resolves its imports. */
void load_pkg_files(Loader *l, LoadPkg *p, char **files, int nfiles)
{
	StrVec names = {0};
	if (files) {
		for (int i = 0; i < nfiles; i++) {
			const char *b = strrchr(files[i], '/');
			vec_push(&names, xstrdup(b ? b + 1 : files[i]));
		}
	} else if (!read_dir(p->dir, &names)) {
		pkg_error(l, p, "cannot read directory %s", p->dir);
		return;
	}
	Vec(RawImport) raw = {0};
	const char *firstfile = NULL;
	bool anygo = false;
	size_t ntests = 0;
	for (size_t i = 0; i < names.len; i++) {
		const char *name = names.data[i];
		if (!has_suffix(name, ".go"))
			continue;
		if (!files && (name[0] == '_' || name[0] == '.'))
			continue;
		char *full = load_join(&l->arena, p->dir, name);
		if (!files && !is_file(full))
			continue;
		bool istest = has_suffix(name, "_test.go");
		anygo = true;
		char *fname = arena_strndup(&l->arena, name, strlen(name));
		if (!load_good_os_arch_file(&l->ctx, name)) {
			vec_push(&p->ignored, fname);
			continue;
		}
		char *text;
		size_t len;
		const char *msg;
		if (base_read_file(full, &text, &len, &msg) != READ_OK) {
			pkg_error(l, p, "%s: %s", full, msg);
			continue;
		}
		const char *berr;
		bool ok = load_should_build(&l->ctx, text, len, &berr);
		if (berr) {
			pkg_error(l, p, "%s: %s", full, berr);
			free(text);
			continue;
		}
		if (!ok) {
			vec_push(&p->ignored, fname);
			free(text);
			continue;
		}
		LoadHeader h;
		load_read_header(&l->arena, &l->names, text, len, &h);
		free(text);
		if (h.err[0])
			pkg_error(l, p, "%s:%s", full, h.err);
		const char *pkgname = h.pkgname ? h.pkgname : "";
		if (istest && h.pkgname && has_suffix(pkgname, "_test") && (!p->name || strcmp(p->name, pkgname) != 0)) {
			/* an external test package names its package "x_test" */
			h.pkgname = arena_strndup(&l->arena, pkgname, strlen(pkgname) - 5);
			pkgname = h.pkgname;
		}
		if (!strcmp(pkgname, "documentation")) {
			vec_push(&p->ignored, fname);
			load_header_free(&h);
			continue;
		}
		bool cgo = false;
		for (size_t k = 0; k < h.imports.len; k++)
			if (!strcmp(h.imports.data[k].path, "C"))
				cgo = true;
		if (!p->name && h.pkgname) {
			p->name = h.pkgname;
			firstfile = fname;
		} else if (h.pkgname && strcmp(p->name, pkgname) != 0) {
			/* go/build records the error and still lists the file */
			pkg_error(l, p, "found packages %s (%s) and %s (%s) in %s", p->name, firstfile, pkgname, fname, p->dir);
		}
		if (istest) {
			ntests++;
			for (size_t k = 0; k < h.imports.len; k++)
				if (strcmp(h.imports.data[k].path, "C") != 0)
					vec_push(&p->testimports, h.imports.data[k].path);
			load_header_free(&h);
			continue;
		}
		if (cgo && !l->ctx.cgo) {
			vec_push(&p->ignored, fname);
			load_header_free(&h);
			continue;
		}
		vec_push(cgo ? &p->cgofiles : &p->gofiles, fname);
		for (size_t k = 0; k < h.imports.len; k++) {
			RawImport r = {h.imports.data[k].path, full, h.imports.data[k].line, h.imports.data[k].col};
			vec_push(&raw, r);
		}
		load_header_free(&h);
	}
	for (size_t i = 0; i < names.len; i++)
		free(names.data[i]);
	vec_free(&names);

	if (p->gofiles.len + p->cgofiles.len + ntests == 0) {
		p->nogo = true;
		if (!p->from_wildcard) {
			if (anygo)
				pkg_error(l, p, "build constraints exclude all Go files in %s", p->dir);
			else
				pkg_error(l, p, "no Go files in %s", p->dir);
		}
	}
	/* Imports: sorted by the path as written, deduplicated, then resolved in place. */
	if (raw.len)
		qsort(raw.data, raw.len, sizeof *raw.data, cmp_raw);
	for (size_t i = 0; i < raw.len; i++) {
		RawImport *r = &raw.data[i];
		if (i > 0 && !strcmp(r->path, raw.data[i - 1].path))
			continue;
		if (!strcmp(r->path, "C")) {
			vec_push(&p->imports, r->path);
			continue;
		}
		char *pos = xasprintf("%s:%u:%u", r->file, r->line, r->col);
		LoadPkg *q = resolve(l, p, r->path, pos);
		free(pos);
		vec_push(&p->imports, q->path);
		add_dep(p, q);
	}
	vec_free(&raw);
	p->nexplicit = p->deps.len;
	/* cmd/go's implicit imports: cgo's runtime support, and the linker's for commands */
	const char *implicit[4];
	size_t ni = 0;
	bool stdpkg = p->std && strncmp(p->path, "cmd/", 4) != 0;
	if (p->cgofiles.len) {
		implicit[ni++] = "unsafe";
		if (!(stdpkg && !strcmp(p->path, "runtime/cgo")))
			implicit[ni++] = "runtime/cgo";
		if (!(stdpkg && (!strcmp(p->path, "runtime/cgo") || !strcmp(p->path, "runtime/race") ||
		                 !strcmp(p->path, "runtime/msan") || !strcmp(p->path, "runtime/asan"))))
			implicit[ni++] = "syscall";
	}
	if (p->name && !strcmp(p->name, "main"))
		implicit[ni++] = "runtime";
	for (size_t i = 0; i < ni; i++)
		add_dep(p, resolve(l, p, implicit[i], NULL));
}

const char *load_pkg_goversion(Loader *l, const LoadPkg *p)
{
	if (p->module && !p->std)
		return p->module->goversion ? p->module->goversion : "1.16";
	if (!l->rootversion) {
		int minor = load_goroot_minor(l->goroot);
		char *v = xasprintf("1.%d", minor ? minor : 26);
		l->rootversion = arena_strndup(&l->arena, v, strlen(v));
		free(v);
	}
	return l->rootversion;
}
