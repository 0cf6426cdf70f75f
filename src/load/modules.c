/*
 * Modules: go.mod and go.work files (golang.org/x/mod/modfile's syntax: one directive a
 * line or a parenthesised block of them, // comments, quoted or bare tokens, "=>" in
 * replace), vendor/modules.txt, and the module cache's case-encoding of paths.
 *
 * The build list is the main modules' require lines (every module providing a package is
 * listed there since Go 1.17's graph pruning); when two main modules require the same path
 * the higher version wins, as minimal version selection would choose it.
 */
#include "load/load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *load_module_escape(const char *s)
{
	Vec(char) b = {0};
	for (; *s; s++) {
		if (*s >= 'A' && *s <= 'Z') {
			vec_push(&b, '!');
			vec_push(&b, (char)(*s + ('a' - 'A')));
		} else {
			vec_push(&b, *s);
		}
	}
	vec_push(&b, '\0');
	return b.data;
}

/* ---- semver comparison, enough for picking the higher of two versions ---- */

static int cmp_num(const char **a, const char **b)
{
	while (**a == '0' && isdigit((unsigned char)(*a)[1]))
		(*a)++;
	while (**b == '0' && isdigit((unsigned char)(*b)[1]))
		(*b)++;
	size_t na = 0, nb = 0;
	while (isdigit((unsigned char)(*a)[na]))
		na++;
	while (isdigit((unsigned char)(*b)[nb]))
		nb++;
	int r = na != nb ? (na < nb ? -1 : 1) : strncmp(*a, *b, na);
	*a += na;
	*b += nb;
	return r;
}

static int semver_cmp(const char *a, const char *b)
{
	if (*a == 'v')
		a++;
	if (*b == 'v')
		b++;
	for (int i = 0; i < 3; i++) {
		int r = cmp_num(&a, &b);
		if (r)
			return r;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
	}
	/* a pre-release sorts before the release */
	bool pa = *a == '-', pb = *b == '-';
	if (pa != pb)
		return pa ? -1 : 1;
	return strcmp(a, b);
}

/* ---- the go.mod / go.work lexer ---- */

typedef struct ModTok {
	char *s;
	int line;
} ModTok;
typedef Vec(ModTok) ModToks;

typedef struct ModParser {
	Loader *l;
	const char *path, *dir;
	bool work;
	bool dep;     /* a dependency's go.mod: only its require lines matter, errors are ignored */
	char *gover;  /* the go line */
	bool failed;
} ModParser;

static void mod_err(ModParser *p, int line, const char *fmt, const char *arg)
{
	p->failed = true;
	if (p->dep)
		return;
	char *m = xasprintf(fmt, arg);
	load_error(p->l, "%s:%d: %s", p->path, line, m);
	free(m);
	p->failed = true;
}

/* Splits one line into tokens; false on an unterminated string. */
static bool line_tokens(Arena *a, const char *s, size_t n, int line, ModToks *out)
{
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			i++;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '/')
			break;
		size_t j = i;
		if (c == '"' || c == '`') {
			j++;
			Vec(char) b = {0};
			while (j < n && s[j] != c) {
				if (c == '"' && s[j] == '\\' && j + 1 < n)
					j++;
				vec_push(&b, s[j]);
				j++;
			}
			if (j >= n) {
				vec_free(&b);
				return false;
			}
			ModTok t = {arena_strndup(a, b.data ? b.data : "", b.len), line};
			vec_free(&b);
			vec_push(out, t);
			i = j + 1;
			continue;
		}
		if (c == '(' || c == ')') {
			j = i + 1;
		} else if (c == '=' && i + 1 < n && s[i + 1] == '>') {
			j = i + 2;
		} else {
			while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\r' && s[j] != '"' && s[j] != '`' &&
			       s[j] != '(' && s[j] != ')' && !(s[j] == '/' && j + 1 < n && s[j + 1] == '/') &&
			       !(s[j] == '=' && j + 1 < n && s[j + 1] == '>'))
				j++;
		}
		ModTok t = {arena_strndup(a, s + i, j - i), line};
		vec_push(out, t);
		i = j;
	}
	return true;
}

static bool is_local_path(const char *s)
{
	return s[0] == '/' || !strncmp(s, "./", 2) || !strncmp(s, "../", 3) || !strcmp(s, ".") || !strcmp(s, "..");
}

static void add_require(Loader *l, const char *path, const char *version)
{
	for (size_t i = 0; i < l->mods.len; i++) {
		LoadModule *m = l->mods.data[i];
		if (!strcmp(m->path, path)) {
			if (!m->main && m->version && semver_cmp(version, m->version) > 0)
				m->version = arena_strndup(&l->arena, version, strlen(version));
			return;
		}
	}
	LoadModule *m = ARENA_NEW(&l->arena, LoadModule);
	m->path = arena_strndup(&l->arena, path, strlen(path));
	m->version = arena_strndup(&l->arena, version, strlen(version));
	vec_push(&l->mods, m);
}

static void add_main(Loader *l, const char *path, const char *dir)
{
	LoadModule *m = ARENA_NEW(&l->arena, LoadModule);
	m->path = arena_strndup(&l->arena, path, strlen(path));
	m->dir = arena_strndup(&l->arena, dir, strlen(dir));
	m->main = true;
	/* main modules come first */
	vec_push(&l->mods, m);
	for (size_t i = l->mods.len - 1; i > l->nmain; i--)
		l->mods.data[i] = l->mods.data[i - 1];
	l->mods.data[l->nmain++] = m;
}

static bool valid_version(const char *v)
{
	if (v[0] != 'v' || !isdigit((unsigned char)v[1]))
		return false;
	return true;
}

/* One directive: verb and its arguments (without a block). */
static void directive(ModParser *p, const char *verb, ModTok *args, size_t n, int line)
{
	Loader *l = p->l;
	if (p->dep && strcmp(verb, "require") != 0 && strcmp(verb, "go") != 0)
		return;
	if (!strcmp(verb, "module") && !p->work) {
		if (n != 1) {
			mod_err(p, line, "usage: module module/path%s", "");
			return;
		}
		add_main(l, args[0].s, p->dir);
	} else if (!strcmp(verb, "go")) {
		if (n != 1 || !isdigit((unsigned char)args[0].s[0]) || !strchr(args[0].s, '.')) {
			mod_err(p, line, "invalid go version '%s': must match format 1.23.0", n ? args[0].s : "");
			return;
		}
		p->gover = args[0].s;
		if (!p->work && l->gominor == 0 && atoi(args[0].s) == 1)
			l->gominor = atoi(strchr(args[0].s, '.') + 1);
		if (p->work)
			l->gominor = 99; /* workspaces exist since 1.18: pruned module graphs */
	} else if (!strcmp(verb, "require") && !p->work) {
		if (n != 2) {
			mod_err(p, line, "usage: require module/path v1.2.3%s", "");
			return;
		}
		if (!valid_version(args[1].s)) {
			mod_err(p, line, "invalid module version '%s'", args[1].s);
			return;
		}
		add_require(l, args[0].s, args[1].s);
	} else if (!strcmp(verb, "replace")) {
		size_t arrow = n;
		for (size_t i = 0; i < n; i++)
			if (!strcmp(args[i].s, "=>"))
				arrow = i;
		if (arrow == n || arrow == 0 || arrow > 2 || n - arrow - 1 < 1 || n - arrow - 1 > 2) {
			mod_err(p, line, "usage: replace module/path [v1.2.3] => other/module v1.4%s", "\n\t or replace module/path [v1.2.3] => ../local/directory");
			return;
		}
		LoadReplace r = {0};
		r.old = args[0].s;
		r.oldver = arrow == 2 ? args[1].s : NULL;
		const char *nw = args[arrow + 1].s;
		if (n - arrow - 1 == 2) {
			r.new_ = args[arrow + 1].s;
			r.newver = args[arrow + 2].s;
		} else if (is_local_path(nw)) {
			r.new_ = nw[0] == '/' ? args[arrow + 1].s : load_join(&l->arena, p->dir, nw);
		} else {
			mod_err(p, line, "replacement module without version must be directory path (rooted or starting with ./ or ../)%s", "");
			return;
		}
		vec_push(&l->replaces, r);
	} else if (!strcmp(verb, "use") && p->work) {
		if (n != 1) {
			mod_err(p, line, "usage: use local/dir%s", "");
			return;
		}
		char *dir = args[0].s[0] == '/' ? args[0].s : load_join(&l->arena, p->dir, args[0].s);
		char *gm = load_join(&l->arena, dir, "go.mod");
		load_parse_gomod(l, gm, false);
	} else if (!strcmp(verb, "exclude") || !strcmp(verb, "retract") || !strcmp(verb, "toolchain") ||
	           !strcmp(verb, "godebug") || !strcmp(verb, "tool") || !strcmp(verb, "ignore")) {
		/* no effect on which packages exist */
	} else {
		mod_err(p, line, "unknown directive: %s", verb);
	}
}

static bool parse_gomod(Loader *l, const char *path, bool work, bool dep);

bool load_parse_gomod(Loader *l, const char *path, bool work) { return parse_gomod(l, path, work, false); }

static bool parse_gomod(Loader *l, const char *path, bool work, bool dep)
{
	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(path, &text, &len, &msg) != READ_OK) {
		if (!dep)
			load_error(l, "%s: %s", path, msg);
		return false;
	}
	bool ok = load_parse_gomod_text(l, path, text, len, work, dep);
	free(text);
	return ok;
}

bool load_parse_gomod_text(Loader *l, const char *path, const char *text, size_t len, bool work, bool dep)
{
	char *dir = arena_strndup(&l->arena, path, strlen(path));
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	ModParser p = {l, path, dir, work, dep, NULL, false};
	size_t nmain0 = l->nmain;
	ModToks toks = {0};
	const char *block = NULL; /* the verb of an open block */
	int block_line = 0;
	int line = 0;
	const char *s = text, *end = text + len;
	while (s < end) {
		line++;
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		vec_clear(&toks);
		if (!line_tokens(&l->arena, s, n, line, &toks)) {
			mod_err(&p, line, "unterminated quoted string%s", "");
		} else if (toks.len == 0) {
			/* blank */
		} else if (block) {
			if (toks.len == 1 && !strcmp(toks.data[0].s, ")"))
				block = NULL;
			else
				directive(&p, block, toks.data, toks.len, line);
		} else if (toks.len == 2 && !strcmp(toks.data[1].s, "(")) {
			block = toks.data[0].s;
			block_line = line;
			if (!strcmp(block, "module") || !strcmp(block, "go")) {
				mod_err(&p, line, "unknown block type: %s", block);
				block = NULL;
			}
		} else if (!strcmp(toks.data[0].s, "(") || !strcmp(toks.data[0].s, ")")) {
			mod_err(&p, line, "unexpected '%s'", toks.data[0].s);
		} else {
			directive(&p, toks.data[0].s, toks.data + 1, toks.len - 1, line);
		}
		s = nl ? nl + 1 : end;
	}
	if (block)
		mod_err(&p, block_line, "unterminated block started with '%s ('", block);
	if (!work && !dep && l->nmain > nmain0) {
		LoadModule *m = l->mods.data[l->nmain - 1];
		m->gomod = arena_strndup(&l->arena, path, strlen(path));
		m->goversion = p.gover;
	}
	if (!work && !dep && l->nmain == nmain0 && !p.failed)
		mod_err(&p, 1, "no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod%s", "");
	vec_free(&toks);
	return !p.failed;
}

/* vendor/modules.txt: "# module version" starts a module, then one package path a line. */
bool load_read_vendor_modules(Loader *l, const char *dir)
{
	char *path = load_join(&l->arena, dir, "vendor/modules.txt");
	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(path, &text, &len, &msg) != READ_OK)
		return false;
	char *mod = NULL;
	const char *s = text, *end = text + len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (n > 2 && s[0] == '#' && s[1] == ' ') {
			size_t k = strcspn(s + 2, " \n");
			mod = arena_strndup(&l->arena, s + 2, k);
		} else if (n > 0 && s[0] != '#' && mod) {
			LoadVendored v = {arena_strndup(&l->arena, s, n), mod};
			vec_push(&l->vendored, v);
		}
		s = nl ? nl + 1 : end;
	}
	free(text);
	return true;
}

/* Minimal version selection over the full module graph, for main modules older than Go 1.17
 * (whose go.mod need not list every module providing a package): every required module
 * version's own requirements are added, the highest version of each path kept, until nothing
 * changes. Requirement lists are read from the module cache (cache/download/PATH/@v/VER.mod,
 * else the extracted module's go.mod); replacements of the main module apply. */
void load_mvs(Loader *l)
{
	Map seen; /* interned "path@version" -> non-NULL */
	map_init(&seen);
	bool changed = true;
	for (int round = 0; changed && round < 1000; round++) {
		changed = false;
		for (size_t i = l->nmain; i < l->mods.len; i++) {
			LoadModule *m = l->mods.data[i];
			char *key = xasprintf("%s@%s", m->path, m->version);
			Name *k = intern_cstr(&l->names, key);
			free(key);
			if (map_get(&seen, (uintptr_t)k))
				continue;
			map_put(&seen, (uintptr_t)k, k);
			changed = true;
			const char *p = m->path, *v = m->version;
			char *gomod = NULL;
			for (size_t r = 0; r < l->replaces.len; r++) {
				LoadReplace *rp = &l->replaces.data[r];
				if (strcmp(rp->old, p) || (rp->oldver && strcmp(rp->oldver, v)))
					continue;
				if (!rp->newver)
					gomod = load_join(&l->arena, rp->new_, "go.mod");
				else
					p = rp->new_, v = rp->newver;
			}
			if (gomod) {
				parse_gomod(l, gomod, false, true);
			} else {
				char *ep = load_module_escape(p), *ev = load_module_escape(v);
				char *f = xasprintf("%s/cache/download/%s/@v/%s.mod", l->modcache, ep, ev);
				struct stat st;
				if (stat(f, &st) != 0) {
					free(f);
					f = xasprintf("%s/%s@%s/go.mod", l->modcache, ep, ev);
				}
				parse_gomod(l, f, false, true);
				free(f);
				free(ep);
				free(ev);
			}
		}
	}
	map_free(&seen);
}

/* The go line of a go.mod file, or NULL. */
char *load_gomod_goversion(Loader *l, const char *path)
{
	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(path, &text, &len, &msg) != READ_OK)
		return NULL;
	char *r = NULL;
	const char *s = text, *end = text + len;
	while (s < end && !r) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		if (n > 3 && !memcmp(s, "go", 2) && (s[2] == ' ' || s[2] == '\t')) {
			const char *v = s + 3;
			size_t k = n - 3;
			while (k && (*v == ' ' || *v == '\t'))
				v++, k--;
			size_t w = 0;
			while (w < k && v[w] != ' ' && v[w] != '\t' && v[w] != '\r' && v[w] != '/')
				w++;
			if (w)
				r = arena_strndup(&l->arena, v, w);
		}
		s = nl ? nl + 1 : end;
	}
	free(text);
	return r;
}
