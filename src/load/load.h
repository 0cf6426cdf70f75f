/*
 * load: finds Go packages and selects their files the way the go command does.
 *
 *   - BuildCtx: GOOS/GOARCH/cgo/tags, and the build-constraint language of go/build/constraint
 *     (//go:build expressions, legacy // +build lines, _GOOS_GOARCH file names);
 *   - LoadHeader: a file's package clause and imports, read as go/build's read.go reads them
 *     (stopping at the first declaration that is not an import);
 *   - Loader: GOROOT, module mode (go.mod, go.work, vendor/modules.txt, the module cache,
 *     replace directives) and GOPATH mode; the import graph built once from the command
 *     line's patterns, cycles reported with their path;
 *   - load_run: a callback per package once all its imports are done, in parallel on the
 *     thread pool where the graph allows (the type checker's driver).
 *
 * Everything a Loader makes lives in its arena and dies with load_free.
 */
#ifndef GOMEM_LOAD_H
#define GOMEM_LOAD_H

#include "base/base.h"

/* ---- build context and constraints (constraint.c) ---- */

typedef struct BuildCtx {
	const char *goos, *goarch;
	const char *compiler;   /* "gc" */
	bool cgo;               /* CGO_ENABLED */
	bool any;               /* the go command's "any tags" mode (go mod tidy, vendor): every
	                         * tag is both true and false, except "ignore" */
	Vec(const char *) tags; /* user -tags, tool tags (goexperiment.*, amd64.v1), release tags */
} BuildCtx;

/* Fills ctx from the environment as the go command does (GOOS, GOARCH, CGO_ENABLED, CC,
 * GOEXPERIMENT, GOAMD64, GOARM64...) plus the comma- or space-separated user tags. The
 * release tags and the experiment baseline are the GOROOT's (its internal/goversion and
 * internal/buildcfg sources); goroot NULL means Go 1.26's. */
void load_ctx_init(BuildCtx *ctx, const char *usertags, const char *goroot);
void load_ctx_free(BuildCtx *ctx);
/* A go command setting: the environment, else the user's go env file (go env -w). */
const char *load_getenv(const char *name);
bool load_known_os(const char *s, size_t n);
bool load_known_arch(const char *s, size_t n);

/* A parsed constraint: nodes in one array, the root last. */
typedef enum { CX_TAG, CX_NOT, CX_AND, CX_OR } CxKind;
typedef struct CxNode {
	CxKind kind;
	int x, y;          /* operand node indexes */
	const char *tag;   /* CX_TAG: points into the parsed line */
	uint32_t taglen;
} CxNode;
typedef struct Cx {
	Vec(CxNode) nodes;
	int root;
	char err[96];      /* the syntax error, worded as go/build/constraint words it */
} Cx;

bool load_is_go_build(const char *line, size_t n);
bool load_is_plus_build(const char *line, size_t n);
/* Parses a //go:build or // +build line. false with cx->err set on a syntax error.
 * Free with load_cx_free either way. */
bool load_cx_parse(Cx *cx, const char *line, size_t n);
void load_cx_free(Cx *cx);
bool load_cx_eval(const Cx *cx, const BuildCtx *ctx);
/* The expression in go/build/constraint's String form. */
void load_cx_print(const Cx *cx, FILE *out);
bool load_match_tag(const BuildCtx *ctx, const char *tag, size_t n);
/* go/build's shouldBuild on a file header. *err gets a static message for a bad header
 * (multiple //go:build lines, a //go:build syntax error). */
bool load_should_build(const BuildCtx *ctx, const char *text, size_t n, const char **err);
/* go/build's goodOSArchFile: name_GOOS_GOARCH.go and friends. */
bool load_good_os_arch_file(const BuildCtx *ctx, const char *name);

/* ---- file headers (header.c) ---- */

typedef struct LoadImport {
	char *path;        /* unquoted */
	uint32_t line, col;
} LoadImport;

typedef struct LoadHeader {
	char *pkgname;                 /* NULL when the package clause is missing or malformed */
	Vec(LoadImport) imports;
	size_t header_len;             /* bytes of the file read to find the above */
	char err[160];                 /* "LINE:COL: message" of a malformed header, or "" */
} LoadHeader;

/* Reads the package clause and imports of text[0..n) (NUL-terminated) with the scanner
 * (identifiers interned in names). Strings go in a. */
void load_read_header(Arena *a, Interner *names, const char *text, size_t n, LoadHeader *h);
void load_header_free(LoadHeader *h);

/* The Go minor version of the GOROOT's sources (internal/goversion), 0 when unknown. */
int load_goroot_minor(const char *goroot);

/* ---- packages and the loader (loader.c, modules.c, patterns.c) ---- */

typedef struct LoadPkg LoadPkg;
typedef Vec(LoadPkg *) LoadPkgVec;

typedef struct LoadModule {
	char *path, *version;   /* version NULL for main/workspace modules and local replaces */
	char *dir;              /* where its files are */
	char *gomod;            /* the go.mod file that describes it (NULL in vendor mode) */
	char *goversion;        /* its go line ("1.22"), NULL when it has none */
	bool main;
} LoadModule;

struct LoadPkg {
	char *path;             /* import path ("command-line-arguments" for a file list) */
	char *dir;
	char *name;             /* package name, NULL when no files */
	LoadModule *module;     /* NULL in GOPATH mode and for std */
	bool std;               /* in GOROOT/src (std or cmd) */
	Vec(char *) gofiles, cgofiles, ignored; /* base names, sorted */
	Vec(char *) imports;    /* resolved import paths in go list's order (sorted by source path) */
	LoadPkgVec deps;        /* the packages for imports[] (no "C"), then cmd/go's implicit ones */
	size_t nexplicit;       /* deps[0..nexplicit) are the imports' */
	Vec(char *) testimports; /* imports of the _test.go files, as written (for "all") */
	Vec(char *) errors;     /* this package's problems, full messages */
	bool nogo;              /* no buildable Go files */
	bool matched;           /* named on the command line */
	bool from_wildcard;     /* matched only by a ... pattern (no-Go-files is not an error) */
	/* graph walking state */
	bool loaded;            /* files read (or nothing to read) */
	bool incycle;           /* on an import cycle: load_run never runs it */
	int state;
	int pending;            /* load_run: imports not done yet */
	int seq;                /* load_run: index in l->runorder, -1 when it never runs */
	LoadPkgVec importers;
	void *run_item;         /* load_run's bookkeeping */
	void *user;             /* free for the callback's use */
};

typedef struct LoadConfig {
	const char *tags;       /* -tags */
	const char *dir;        /* working directory (NULL: getcwd) */
} LoadConfig;

typedef struct LoadReplace {
	char *old, *oldver;     /* oldver NULL: every version */
	char *new_, *newver;    /* newver NULL: new_ is a directory */
} LoadReplace;

typedef struct LoadVendored {
	char *pkg, *mod;
} LoadVendored;

typedef struct Loader {
	Arena arena;
	BuildCtx ctx;
	char *goroot;
	Vec(char *) gopath;     /* GOPATH entries */
	char *modcache;
	bool modules;           /* module mode (else GOPATH mode) */
	bool vendor;            /* -mod=vendor in effect */
	char *cwd;
	char *gomod;            /* the main go.mod path, or NULL */
	char *gowork;           /* the go.work path, or NULL */
	int gominor;            /* the main go.mod's go line (1.N), 0 when absent */
	char *rootversion;      /* "1.N" of the GOROOT, made on first use */
	bool cmd_pattern;       /* "cmd" was on the command line */
	bool all_pattern;       /* "all" was */
	Vec(LoadModule *) mods; /* main/workspace modules first, then requirements */
	size_t nmain;
	Vec(LoadReplace) replaces;
	Vec(LoadVendored) vendored; /* vendor/modules.txt: package path -> its module */
	Map pkgs;               /* interned import path Name* -> LoadPkg* */
	Map stdcache;           /* import path -> its package in GOROOT/src (same from everywhere) */
	Interner names;
	LoadPkgVec all;         /* every package loaded, in load order */
	LoadPkgVec roots;       /* the command line's packages, in order */
	LoadPkgVec order;       /* every package reachable from the roots, imports first */
	LoadPkgVec runorder;    /* load_run: the order one thread without prep runs them in */
	Vec(char *) errors;     /* problems that are no package's (bad go.mod, bad pattern) */
	size_t nerrors;         /* packages with errors + loader errors */
} Loader;

/* Sets up contexts and modes from the environment. Errors in go.mod/go.work are recorded
 * in l->errors. Returns false only when GOROOT cannot be found (message in l->errors). */
bool load_init(Loader *l, const LoadConfig *cfg);
void load_free(Loader *l);
/* Expands the patterns, loads the matched packages and everything they import, and checks
 * the graph for cycles. Returns the number of packages (and loader errors) with errors. */
size_t load_patterns(Loader *l, char **patterns, int n);
/* The transitive imports of the roots, each after its imports (go list -deps order). */
void load_deps_order(Loader *l, LoadPkgVec *out);

/* The Go language version a package is written in, as the compiler is told it: its
 * module's go line ("1.16" when the module has none), the GOROOT's release for the
 * standard library and in GOPATH mode. The result lives as long as the Loader. */
const char *load_pkg_goversion(Loader *l, const LoadPkg *p);

/* Runs fn once for every package reachable from the roots, each only after fn has returned
 * for all its imports; independent packages run in parallel on nthreads threads
 * (0: the number of cores). Packages in an import cycle are never run. */
typedef void (*LoadRunFn)(LoadPkg *p, void *arg);
void load_run(Loader *l, int nthreads, LoadRunFn fn, void *arg);
/* The same with a first phase: prep(p) runs for every package with no order among packages
 * (reading and parsing its files), and fn(p) only after prep(p) and fn of all its imports.
 * Ready fn calls go ahead of waiting preps. Before anything runs, l->runorder and p->seq
 * get the order a one-thread load_run would take: callers print results in that order so
 * that output does not depend on the number of threads. prep may be NULL. */
void load_run_prep(Loader *l, int nthreads, LoadRunFn prep, LoadRunFn fn, void *arg);

/* Internal, shared between the files of load/. */
LoadPkg *load_pkg_get(Loader *l, const char *path, bool *created);
LoadPkg *load_resolve(Loader *l, LoadPkg *from, const char *imp, const char *pos);
void load_pkg_files(Loader *l, LoadPkg *p, char **files, int nfiles);
bool load_parse_gomod(Loader *l, const char *path, bool work);
/* The same on text already read (path names it in messages; relative replace directories
 * are taken from its directory). dep: a dependency's go.mod, only require lines count. */
bool load_parse_gomod_text(Loader *l, const char *path, const char *text, size_t len, bool work, bool dep);
bool load_read_vendor_modules(Loader *l, const char *dir);
void load_mvs(Loader *l);
char *load_gomod_goversion(Loader *l, const char *path);
char *load_module_escape(const char *s);
void load_error(Loader *l, const char *fmt, ...) PRINTF_LIKE(2, 3);
char *load_join(Arena *a, const char *dir, const char *name);

#endif
