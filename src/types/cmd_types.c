/*
 * gomem types [-dump] PATTERN...: type-checks packages and their dependencies.
 *
 * The loader finds the packages and runs the checker on each after its imports (one thread:
 * the universe and the interner are shared). Every file's syntax tree and every package's
 * types live until the end of the run (importers point into them). With -dump, the command
 * line's packages print one line per identifier recorded as a definition or use
 * (docs/types.md): FILE:LINE:COL<TAB>NAME<TAB>KIND<TAB>TYPE, sorted by file and offset.
 *
 * Exit status: 0 clean, 1 type (or syntax) errors found, 2 when loading fails.
 */
#include "base/opt.h"
#include "load/load.h"
#include "types/check.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

int types_main(int argc, char **argv);

static bool opt_dump;
static const char *opt_tags;

static const Opt types_opts[] = {
    {"dump", OPT_BOOL, &opt_dump, NULL, "print every identifier's object: FILE:LINE:COL NAME KIND TYPE (tab-separated)"},
    {"tags", OPT_STRING, &opt_tags, "LIST", "build tags, as go build -tags"},
};

const CmdSpec types_spec = {
    "types",
    "[-dump] [-tags LIST] PATTERN...",
    "type-check Go packages (and print the objects of their identifiers)",
    "Loads the packages as go list does and type-checks them and their dependencies.\n"
    "With -dump, prints for the named packages one line per identifier that go/types records\n"
    "in Info.Defs or Info.Uses: FILE:LINE:COL, name, object kind (var const type func pkgname\n"
    "label builtin nil) and types.TypeString of the object's type, tab-separated, sorted by\n"
    "file and offset. The checker is partial: identifiers whose object or type it does not\n"
    "know yet are left out, and only some type errors are reported (undefined names, unused\n"
    "imports and variables, missing returns). cgo is not run: packages with cgo files are\n"
    "checked without them and report no errors (set CGO_ENABLED=0).\n"
    "Exit status: 0 clean, 1 errors found, 2 loading failed.",
    types_opts,
    ARRAY_LEN(types_opts),
    1,
    -1,
};

typedef struct RunState {
	Interner names;
	Diags diags;
	Vec(Arena *) arenas;
	int errors;
	Loader *l;
} RunState;

typedef struct ImportCtx {
	LoadPkg *p;
} ImportCtx;

static Package *fake_package(Arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	Package *p = types_new_package(a, arena_strndup(a, path, strlen(path)), intern_cstr(types_names, base));
	p->fake = true;
	p->complete = true;
	return p;
}

static Package *import_pkg(void *arg, const char *path)
{
	ImportCtx *ic = arg;
	LoadPkg *p = ic->p;
	size_t n = strlen(path);
	for (size_t i = 0; i < p->deps.len; i++) {
		LoadPkg *d = p->deps.data[i];
		size_t m = strlen(d->path);
		bool match = strcmp(d->path, path) == 0 ||
		             (m > n + 7 && strcmp(d->path + m - n, path) == 0 && memcmp(d->path + m - n - 8, "/vendor/", 8) == 0) ||
		             (m == n + 7 && memcmp(d->path, "vendor/", 7) == 0 && strcmp(d->path + 7, path) == 0);
		if (match)
			return d->user;
	}
	return NULL;
}

static int rec_cmp(const void *a, const void *b)
{
	const CheckRec *x = a, *y = b;
	if (x->file != y->file) {
		int c = strcmp(srcfile_get(x->file)->path, srcfile_get(y->file)->path);
		if (c)
			return c;
	}
	return x->off < y->off ? -1 : x->off > y->off;
}

static void dump(CheckRec *recs, size_t n)
{
	if (n == 0)
		return;
	qsort(recs, n, sizeof *recs, rec_cmp);
	TypesBuf prev = {0}, cur = {0};
	for (size_t i = 0; i < n; i++) {
		CheckRec *r = &recs[i];
		Object *o = r->obj;
		const char *kind = NULL;
		cur.len = 0;
		switch (o->kind) {
		case OBJ_VAR: kind = "var"; break;
		case OBJ_CONST: kind = "const"; break;
		case OBJ_TYPENAME: kind = "type"; break;
		case OBJ_FUNC: kind = "func"; break;
		case OBJ_PKGNAME: kind = "pkgname"; break;
		case OBJ_LABEL: kind = "label"; break;
		case OBJ_BUILTIN: kind = "builtin"; break;
		case OBJ_NIL: kind = "nil"; break;
		case OBJ_BAD:
		case OBJ_COUNT: break;
		}
		if (!kind)
			continue;
		SrcFile *f = srcfile_get(r->file);
		LineCol lc = srcfile_linecol(f, r->off);
		char head[64];
		snprintf(head, sizeof head, ":%u:%u\t", lc.line, lc.col);
		for (const char *s = f->path; *s; s++)
			vec_push(&cur, *s);
		for (const char *s = head; *s; s++)
			vec_push(&cur, *s);
		for (const char *s = r->name->s; *s; s++)
			vec_push(&cur, *s);
		vec_push(&cur, '\t');
		for (const char *s = kind; *s; s++)
			vec_push(&cur, *s);
		vec_push(&cur, '\t');
		if (o->kind == OBJ_PKGNAME) {
			const char *p = o->pkgname.imported ? o->pkgname.imported->path : "";
			for (const char *s = p; *s; s++)
				vec_push(&cur, *s);
		} else if (o->kind == OBJ_LABEL || o->kind == OBJ_BUILTIN) {
			vec_push(&cur, '-');
		} else if (o->kind == OBJ_NIL) {
			for (const char *s = "untyped nil"; *s; s++)
				vec_push(&cur, *s);
		} else {
			if (!o->type)
				continue; /* not known yet: left out */
			types_write(&cur, o->type);
		}
		vec_push(&cur, '\n');
		if (prev.len == cur.len && memcmp(prev.data, cur.data, cur.len) == 0)
			continue;
		fwrite(cur.data, 1, cur.len, stdout);
		prev.len = 0;
		for (size_t k = 0; k < cur.len; k++)
			vec_push(&prev, cur.data[k]);
	}
	vec_free(&prev);
	vec_free(&cur);
}

/* gc's -complete (cmd/go gc.go): no non-Go files in the package (counted here over the whole
 * directory, whatever their build constraints: fewer packages are complete, never more), and
 * not one of the std packages that provide bodies some other way. */
static bool check_complete(LoadPkg *p)
{
	static const char *const std_ext[] = {"bytes", "internal/poll", "net", "os", "runtime/metrics", "runtime/pprof",
	                                      "runtime/trace", "sync", "syscall", "time"};
	if (p->cgofiles.len)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(std_ext); i++)
		if (strcmp(p->path, std_ext[i]) == 0)
			return false;
	DIR *d = opendir(p->dir);
	if (!d)
		return false;
	static const char *const ext[] = {".s", ".S", ".sx", ".c", ".cc", ".cpp", ".cxx", ".m", ".h", ".hh", ".hpp", ".hxx",
	                                  ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx"};
	bool complete = true;
	struct dirent *de;
	while (complete && (de = readdir(d))) {
		const char *dot = strrchr(de->d_name, '.');
		for (size_t i = 0; dot && i < ARRAY_LEN(ext); i++)
			if (strcmp(dot, ext[i]) == 0)
				complete = false;
	}
	closedir(d);
	return complete;
}

static void check_one(LoadPkg *p, void *arg)
{
	RunState *st = arg;
	Arena *a = xmalloc(sizeof *a);
	arena_init(a);
	vec_push(&st->arenas, a);
	if (strcmp(p->path, "unsafe") == 0) {
		p->user = types_unsafe;
		return;
	}
	if (!p->name || p->nogo) {
		p->user = fake_package(a, p->path);
		return;
	}
	Vec(SynFile *) files = {0};
	for (size_t i = 0; i < p->gofiles.len; i++) {
		char *path = load_join(a, p->dir, p->gofiles.data[i]);
		char *text;
		size_t len;
		const char *msg;
		if (base_read_file(path, &text, &len, &msg) != READ_OK) {
			fprintf(stderr, "%s: %s\n", path, msg);
			st->errors++;
			continue;
		}
		SrcFile *src = srcfile_add(path, text, len);
		SynFile *f = syn_parse_file(src, a, &st->names, &st->diags);
		if (f->nerrors)
			st->errors++;
		vec_push(&files, f);
	}
	ImportCtx ic = {p};
	CheckConfig cfg = {import_pkg, &ic, false, false};
	cfg.complete = check_complete(p);
	if (p->cgofiles.len) {
		/* cgo is not run: the package is checked without its cgo files, and what they
		 * declare is missing, so its errors are not reported */
		cfg.no_errors = true;
		if (p->matched)
			fprintf(stderr, "gomem types: %s: cgo files not processed (%zu), errors not reported; use CGO_ENABLED=0\n",
			        p->path, p->cgofiles.len);
	}
	size_t before = st->diags.nerrors;
	/* gc checks labels and branches with the syntax (cmd/compile/internal/syntax's
	 * checkBranches) and reports them with the type errors */
	for (size_t i = 0; !cfg.no_errors && i < files.len; i++)
		if (!files.data[i]->nerrors)
			syn_check_branches(files.data[i], &st->diags);
	CheckRec *recs;
	size_t nrecs;
	Package *pkg = types_check(a, p->path, files.data, (uint32_t)files.len, &cfg, &st->diags, &recs, &nrecs);
	if (st->diags.nerrors > before)
		st->errors++;
	p->user = pkg;
	if (opt_dump && p->matched)
		dump(recs, nrecs);
	free(recs);
	vec_free(&files);
}

int types_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int r = opt_parse(&types_spec, argc, argv, &args, &nargs);
	if (r == OPT_HELP)
		return 0;
	if (r != OPT_OK)
		return 2;
	char *dot[] = {"."};
	if (nargs == 0) {
		args = dot;
		nargs = 1;
	}
	RunState st;
	memset(&st, 0, sizeof st);
	intern_init(&st.names);
	syn_intern_keywords(&st.names);
	types_universe_init(&st.names);
	diags_init(&st.diags);
	Loader l;
	LoadConfig cfg = {.tags = opt_tags};
	if (!load_init(&l, &cfg)) {
		for (size_t i = 0; i < l.errors.len; i++)
			fprintf(stderr, "gomem types: %s\n", l.errors.data[i]);
		load_free(&l);
		return 2;
	}
	size_t bad = load_patterns(&l, args, nargs);
	for (size_t i = 0; i < l.errors.len; i++)
		fprintf(stderr, "gomem types: %s\n", l.errors.data[i]);
	for (size_t i = 0; i < l.all.len; i++)
		for (size_t k = 0; k < l.all.data[i]->errors.len; k++)
			fprintf(stderr, "%s\n", l.all.data[i]->errors.data[k]);
	if (bad) {
		load_free(&l);
		return 2;
	}
	st.l = &l;
	load_run(&l, 1, check_one, &st);
	diags_sort(&st.diags);
	diags_print(&st.diags, stderr, base_isatty(stderr));
	fflush(stdout);
	int status = st.errors ? 1 : 0;
	load_free(&l);
	/* the arenas hold types that other packages' types point to: freed together at the end */
	for (size_t i = 0; i < st.arenas.len; i++) {
		arena_free(st.arenas.data[i]);
		free(st.arenas.data[i]);
	}
	vec_free(&st.arenas);
	diags_free(&st.diags);
	return status;
}
