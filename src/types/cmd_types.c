/*
 * gomem types [-dump] [-j N] PATTERN...: type-checks packages and their dependencies.
 *
 * The loader finds the packages; load_run_prep then reads and parses every package's files
 * on the thread pool (-j threads) in any order, and checks each package once its own files
 * are parsed and all its imports are checked, independent packages in parallel. A checked
 * package is frozen (types_package_freeze: its lazily computed type data forced) before its
 * importers may start; what importers still compute on shared types (instances, type sets,
 * sizes) is guarded in src/types. Every file's syntax tree and every package's types live
 * until the end of the run (importers point into them).
 *
 * Output does not depend on the number of threads: each package's output (its -dump lines,
 * messages) is kept apart and printed in the loader's canonical order (l->runorder, the
 * order a one-thread run takes), a package as soon as all before it are printed; its type
 * errors are sorted by file and offset within the package and printed at the end, package
 * by package in the same order. With -dump, the command line's packages print one line per
 * identifier recorded as a definition or use (docs/types.md):
 * FILE:LINE:COL<TAB>NAME<TAB>KIND<TAB>TYPE, sorted by file and offset.
 *
 * Exit status: 0 clean, 1 type (or syntax) errors found, 2 when loading fails.
 */
#include "base/opt.h"
#include "base/pool.h"
#include "load/load.h"
#include "types/check.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int types_main(int argc, char **argv);

static bool opt_dump;
static bool opt_types, opt_facts;
static const char *opt_tags;
static long opt_jobs;

static const Opt types_opts[] = {
    {"dump", OPT_BOOL, &opt_dump, NULL, "print every identifier's object: FILE:LINE:COL NAME KIND TYPE (tab-separated)"},
    {"types", OPT_BOOL, &opt_types, NULL, "print every expression's type and value: FILE:LINE:COL END MODE TYPE [VALUE] (docs/types.md)"},
    {"facts", OPT_BOOL, &opt_facts, NULL, "print each function's closures, captured variables and variable facts (docs/types.md)"},
    {"j", OPT_INT, &opt_jobs, "N", "parse and check on N threads (default: the number of cores, or $GOMEM_THREADS)"},
    {"tags", OPT_STRING, &opt_tags, "LIST", "build tags, as go build -tags"},
};

const CmdSpec types_spec = {
    "types",
    "[-dump | -types | -facts] [-j N] [-tags LIST] PATTERN...",
    "type-check Go packages (and print the objects of their identifiers)",
    "Loads the packages as go list does and type-checks them and their dependencies.\n"
    "With -dump, prints for the named packages one line per identifier that go/types records\n"
    "in Info.Defs or Info.Uses: FILE:LINE:COL, name, object kind (var const type func pkgname\n"
    "label builtin nil) and types.TypeString of the object's type, tab-separated, sorted by\n"
    "file and offset. With -types, one line per expression that go/types records in Info.Types:\n"
    "FILE:LINE:COL, ENDLINE:ENDCOL, mode, type and constant value. With -facts, per function its\n"
    "closures and captured variables (by value or reference) and per variable whether its address\n"
    "is taken and whether it is reassigned (docs/types.md).\n"
    "Type errors are printed as gc prints them (FILE:LINE:COL: message, types2's wording), several\n"
    "per package; the few kinds not reported yet are listed in docs/types.md. Identifiers whose\n"
    "type is not known (C types, erroneous code) are left out of the dumps. cgo is not run: in\n"
    "files that import \"C\" (with CGO_ENABLED=1, the default when a C compiler is found), C.x\n"
    "is an operand of unknown type that is never an error; the rest is checked as usual.\n"
    "Packages are parsed and checked on N threads (-j), each after its imports; the output\n"
    "is the same for every N (packages in the order one thread checks them).\n"
    "Exit status: 0 clean, 1 errors found, 2 loading failed.",
    types_opts,
    ARRAY_LEN(types_opts),
    1,
    -1,
};

/* One package's run: its arena, parsed files, and its output until it is printed. */
typedef struct PkgRun {
	Arena arena;         /* syntax trees and types, freed at the end of the run */
	Package *pkg;        /* set once checked; importers read it after that */
	Vec(SynFile *) files;
	Diags diags;         /* syntax and type errors */
	TypesBuf out;        /* -dump lines */
	TypesBuf msgs;       /* other messages for stderr (unreadable files) */
	int errors;
	bool done;           /* checked (under RunState.mu) */
	Package *cpkg;       /* the pseudo-package "C" of a package with cgo files */
	int64_t prep_ns, check_ns; /* thread CPU time of each step ($GOMEM_TYPES_TRACE) */
} PkgRun;

typedef struct RunState {
	Interner names;
	Loader *l;
	PkgRun *runs;        /* one per l->order entry; LoadPkg.user points to its own */
	pthread_mutex_t mu;  /* guards done flags and printing */
	size_t next;         /* l->runorder[next] is the next package to print */
} RunState;

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
	LoadPkg *p = arg;
	if (strcmp(path, "C") == 0 && p->cgofiles.len) {
		/* cgo's pseudo-package, as go/types with Config.FakeImportC: a fake package with an
		 * empty scope, so C.x is an invalid operand (no error, nothing recorded) and the
		 * import counts as used (check_cgo.c) */
		PkgRun *r = p->user;
		if (!r->cpkg)
			r->cpkg = fake_package(&r->arena, "C");
		return r->cpkg;
	}
	size_t n = strlen(path);
	for (size_t i = 0; i < p->deps.len; i++) {
		LoadPkg *d = p->deps.data[i];
		size_t m = strlen(d->path);
		bool match = strcmp(d->path, path) == 0 ||
		             (m > n + 7 && strcmp(d->path + m - n, path) == 0 && memcmp(d->path + m - n - 8, "/vendor/", 8) == 0) ||
		             (m == n + 7 && memcmp(d->path, "vendor/", 7) == 0 && strcmp(d->path + 7, path) == 0);
		if (match)
			return ((PkgRun *)d->user)->pkg;
	}
	return NULL;
}

static int64_t thread_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* $GOMEM_TYPES_TRACE=FILE: one line per package in run order, "seq prep_us check_us
 * dep-seq...", with the CPU time each step took on its thread, and a first line
 * "load load_us": what bench/types_sched.py needs to compute the speed-up the import graph
 * allows on N cores, whatever else the machine runs meanwhile. */
static void write_trace(Loader *l, int64_t load_ns)
{
	const char *path = getenv("GOMEM_TYPES_TRACE");
	FILE *f = path && *path ? fopen(path, "w") : NULL;
	if (!f)
		return;
	fprintf(f, "load %lld\n", (long long)(load_ns / 1000));
	for (size_t i = 0; i < l->runorder.len; i++) {
		LoadPkg *p = l->runorder.data[i];
		PkgRun *r = p->user;
		fprintf(f, "%d %lld %lld", p->seq, (long long)(r->prep_ns / 1000), (long long)(r->check_ns / 1000));
		for (size_t k = 0; k < p->deps.len; k++)
			fprintf(f, " %d", p->deps.data[k]->seq);
		fputc('\n', f);
	}
	fclose(f);
}

static void put_str(TypesBuf *b, const char *s)
{
	for (; *s; s++)
		vec_push(b, *s);
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

/* The -dump lines of one package, appended to out. */
static void dump(TypesBuf *out, CheckRec *recs, size_t n)
{
	if (n == 0)
		return;
	qsort(recs, n, sizeof *recs, rec_cmp);
	TypesBuf prev = {0}, cur = {0};
	TokenPosCache tpc = {0};
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
		const char *fname;
		uint32_t line, col;
		types_token_position(&tpc, f, r->off, &fname, &line, &col); /* with //line directives */
		char head[64];
		snprintf(head, sizeof head, ":%u:%u\t", line, col);
		for (const char *s = fname; *s; s++)
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
			if (!o->type || check_mentions_invalid(o->type))
				continue; /* not known yet: left out */
			types_write(&cur, o->type);
		}
		vec_push(&cur, '\n');
		/* the same identifier recorded twice (not two at one adjusted position) */
		if (i > 0 && recs[i - 1].file == r->file && recs[i - 1].off == r->off && prev.len == cur.len &&
		    memcmp(prev.data, cur.data, cur.len) == 0)
			continue;
		for (size_t k = 0; k < cur.len; k++)
			vec_push(out, cur.data[k]);
		prev.len = 0;
		for (size_t k = 0; k < cur.len; k++)
			vec_push(&prev, cur.data[k]);
	}
	types_token_pos_free(&tpc);
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

static bool has_files(LoadPkg *p) { return strcmp(p->path, "unsafe") != 0 && p->name && !p->nogo; }

/* Phase one, in any order: read and parse the package's files (one after the other, so
 * that their file ids, which order diagnostics, follow the package's file order). */
static void parse_one(LoadPkg *p, void *arg)
{
	RunState *st = arg;
	PkgRun *r = p->user;
	if (!has_files(p))
		return;
	int64_t t0 = thread_ns();
	/* the cgo files after the others, as gotype and the go command order them; they are
	 * checked like the rest, with "C" a fake package (import_pkg) */
	for (size_t i = 0; i < p->gofiles.len + p->cgofiles.len; i++) {
		const char *name = i < p->gofiles.len ? p->gofiles.data[i] : p->cgofiles.data[i - p->gofiles.len];
		char *path = load_join(&r->arena, p->dir, name);
		char *text;
		size_t len;
		const char *msg;
		if (base_read_file(path, &text, &len, &msg) != READ_OK) {
			put_str(&r->msgs, path);
			put_str(&r->msgs, ": ");
			put_str(&r->msgs, msg);
			put_str(&r->msgs, "\n");
			r->errors++;
			continue;
		}
		SrcFile *src = srcfile_add(path, text, len);
		SynFile *f = syn_parse_file(src, &r->arena, &st->names, &r->diags);
		if (f->nerrors)
			r->errors++;
		vec_push(&r->files, f);
	}
	r->prep_ns = thread_ns() - t0;
}

/* Prints the packages whose turn has come; called with st->mu held. */
static void flush_ready(RunState *st)
{
	Loader *l = st->l;
	while (st->next < l->runorder.len) {
		PkgRun *r = l->runorder.data[st->next]->user;
		if (!r->done)
			break;
		fwrite(r->out.data, 1, r->out.len, stdout);
		fwrite(r->msgs.data, 1, r->msgs.len, stderr);
		vec_free(&r->out);
		vec_free(&r->msgs);
		st->next++;
	}
}

/* Phase two, once the package's files are parsed and its imports checked. */
static void check_one(LoadPkg *p, void *arg)
{
	RunState *st = arg;
	PkgRun *r = p->user;
	int64_t t0 = thread_ns();
	if (strcmp(p->path, "unsafe") == 0) {
		r->pkg = types_unsafe;
	} else if (!has_files(p)) {
		r->pkg = fake_package(&r->arena, p->path);
	} else {
		CheckConfig cfg = {import_pkg, p, false};
		/* as gc: a package with syntax errors reports only those (the trees are incomplete,
		 * so "declared and not used" and the like would be follow-on errors) */
		for (size_t i = 0; i < r->files.len; i++)
			if (r->files.data[i]->nerrors)
				cfg.no_errors = true;
		cfg.complete = false; /* check_complete(p): off, gomem misses errors gc would report first */
		(void)check_complete;
		CheckRec *recs;
		size_t nrecs;
		size_t before = r->diags.nerrors;
		/* gc checks labels and branches with the syntax (cmd/compile/internal/syntax's
		 * checkBranches) and reports them with the type errors */
		for (size_t i = 0; !cfg.no_errors && i < r->files.len; i++)
			if (!r->files.data[i]->nerrors)
				syn_check_branches(r->files.data[i], &r->diags);
		Package *pkg = types_check(&r->arena, p->path, r->files.data, (uint32_t)r->files.len, &cfg, &r->diags, &recs, &nrecs);
		if (r->diags.nerrors > before)
			r->errors++;
		if (opt_dump && p->matched)
			dump(&r->out, recs, nrecs);
		if (opt_types && p->matched)
			types_dump_tvs(&r->out, pkg->info);
		if (opt_facts && p->matched)
			types_dump_facts(&r->out, pkg->info);
		free(recs);
		vec_free(&r->files);
		/* importers may run on other threads from now on */
		types_package_freeze(pkg);
		r->pkg = pkg;
	}
	r->check_ns = thread_ns() - t0;
	pthread_mutex_lock(&st->mu);
	r->done = true;
	flush_ready(st);
	pthread_mutex_unlock(&st->mu);
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
	if (opt_jobs < 0 || opt_jobs > 1024) {
		fprintf(stderr, "gomem types: -j %ld: want a number of threads from 1 to 1024 (0: the default)\n", opt_jobs);
		return 2;
	}
	RunState st;
	memset(&st, 0, sizeof st);
	intern_init(&st.names);
	syn_intern_keywords(&st.names);
	types_universe_init(&st.names);
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
	st.runs = xcalloc(l.order.len ? l.order.len : 1, sizeof *st.runs);
	for (size_t i = 0; i < l.order.len; i++) {
		arena_init(&st.runs[i].arena);
		diags_init(&st.runs[i].diags);
		l.order.data[i]->user = &st.runs[i];
	}
	pthread_mutex_init(&st.mu, NULL);
	int64_t load_ns = thread_ns();
	load_run_prep(&l, opt_jobs > 0 ? (int)opt_jobs : pool_default_threads(), parse_one, check_one, &st);
	pthread_mutex_destroy(&st.mu);
	write_trace(&l, load_ns);
	int errors = 0;
	bool caret = base_isatty(stderr);
	for (size_t i = 0; i < l.runorder.len; i++) {
		PkgRun *pr = l.runorder.data[i]->user;
		diags_sort(&pr->diags);
		diags_print(&pr->diags, stderr, caret);
		errors += pr->errors;
	}
	fflush(stdout);
	int status = errors ? 1 : 0;
	/* the arenas hold types that other packages' types point to: freed together at the end */
	for (size_t i = 0; i < l.order.len; i++) {
		PkgRun *pr = &st.runs[i];
		diags_free(&pr->diags);
		vec_free(&pr->files);
		vec_free(&pr->out);
		vec_free(&pr->msgs);
		arena_free(&pr->arena);
	}
	free(st.runs);
	load_free(&l);
	return status;
}
