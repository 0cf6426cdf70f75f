/*
 * gomem list: the loader on the command line, shaped like `go list` so the two can be
 * compared field by field. Default output is one import path a line; -f takes a small
 * subset of go list's templates ({{.Field}} and {{join .Field "sep"}}); -json prints the
 * loader's fields in go list -json's layout.
 *
 * -evalconstraints is for the tests: it reads "TAGS<tab>LINE" lines from stdin and prints
 * how LINE parses and evaluates with exactly the comma-separated TAGS true.
 */
#include "base/opt.h"
#include "load/load.h"

#include <stdlib.h>
#include <string.h>

static bool f_json, f_deps, f_files, f_eval, f_e;
static const char *f_format, *f_tags;

static const Opt list_opts[] = {
    {"json", OPT_BOOL, &f_json, NULL, "print each package as JSON as go list -json does (Dir, ImportPath, Name, Module, Standard, GoFiles, CgoFiles, IgnoredGoFiles, Imports, Deps, Error; empty fields left out)"},
    {"files", OPT_BOOL, &f_files, NULL, "same as -json"},
    {"deps", OPT_BOOL, &f_deps, NULL, "also list every dependency, each after its imports"},
    {"f", OPT_STRING, &f_format, "FORMAT", "print each package with a template: {{.ImportPath}}, {{.Dir}}, {{.Name}}, "
                                          "{{.GoFiles}}, {{.CgoFiles}}, {{.IgnoredGoFiles}}, {{.Imports}}, {{.Deps}}, "
                                          "{{.Standard}}, {{.Error}}, {{join .Field \"sep\"}}"},
    {"tags", OPT_STRING, &f_tags, "TAGS", "comma-separated build tags to consider satisfied"},
    {"e", OPT_BOOL, &f_e, NULL, "report errors only in the output (exit 0 unless the command line is bad)"},
    {"evalconstraints", OPT_BOOL, &f_eval, NULL, "(tests) evaluate TAGS<tab>LINE build constraints read from stdin"},
};

const CmdSpec list_spec = {
    .name = "list",
    .usage = "[-json] [-deps] [-e] [-f FORMAT] [-tags TAGS] PATTERN...",
    .summary = "list packages as the go command finds them (go list)",
    .details = "Patterns are the go command's: import paths, std, cmd, net/..., ./..., directories, or .go\n"
               "files forming one package. GOROOT, GOPATH, GO111MODULE, GOWORK, GOFLAGS=-mod=vendor,\n"
               "GOOS, GOARCH, CGO_ENABLED and GOEXPERIMENT are honoured. Test files are not listed.\n"
               "Exit status: 0 ok, 1 when a package has errors (not found, import cycle, bad go.mod), 2 usage.\n",
    .opts = list_opts,
    .nopts = ARRAY_LEN(list_opts),
    .min_args = 0,
    .max_args = -1,
};

typedef Vec(const char *) CStrVec;

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The sorted transitive imports of p (go list's Deps). */
static void deps_of(LoadPkg *p, CStrVec *out)
{
	Map seen;
	map_init(&seen);
	LoadPkgVec stack = {0};
	vec_push(&stack, p);
	while (stack.len) {
		LoadPkg *q = vec_pop(&stack);
		for (size_t i = 0; i < q->deps.len; i++) {
			LoadPkg *d = q->deps.data[i];
			if (map_get(&seen, (uintptr_t)d))
				continue;
			map_put(&seen, (uintptr_t)d, d);
			vec_push(out, d->path);
			vec_push(&stack, d);
		}
	}
	vec_free(&stack);
	map_free(&seen);
	if (out->len)
		qsort(out->data, out->len, sizeof *out->data, cmp_cstr);
}

static void json_str(FILE *o, const char *s)
{
	base_json_quote(o, s, strlen(s), true); /* json.Marshal escapes <, > and & */
}

static void json_list(FILE *o, const char *key, char *const *v, size_t n, bool *first)
{
	if (!n)
		return;
	fprintf(o, "%s\t\"%s\": [", *first ? "" : ",\n", key);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n\t\t" : "\n\t\t", o);
		json_str(o, v[i]);
	}
	fputs("\n\t]", o);
	*first = false;
}

static void json_field(FILE *o, const char *key, const char *val, bool *first)
{
	if (!val || !*val)
		return;
	fprintf(o, "%s\t\"%s\": ", *first ? "" : ",\n", key);
	json_str(o, val);
	*first = false;
}

static void print_json(FILE *o, LoadPkg *p)
{
	bool first = true;
	fputs("{\n", o);
	json_field(o, "Dir", p->dir, &first);
	json_field(o, "ImportPath", p->path, &first);
	json_field(o, "Name", p->name, &first);
	if (p->module) {
		fprintf(o, ",\n\t\"Module\": {\n\t\t\"Path\": ");
		json_str(o, p->module->path);
		if (p->module->version) {
			fputs(",\n\t\t\"Version\": ", o);
			json_str(o, p->module->version);
		}
		if (p->module->main)
			fputs(",\n\t\t\"Main\": true", o);
		fputs(",\n\t\t\"Dir\": ", o);
		json_str(o, p->module->dir ? p->module->dir : "");
		if (p->module->gomod) {
			fputs(",\n\t\t\"GoMod\": ", o);
			json_str(o, p->module->gomod);
		}
		if (p->module->goversion) {
			fputs(",\n\t\t\"GoVersion\": ", o);
			json_str(o, p->module->goversion);
		}
		fputs("\n\t}", o);
	}
	if (p->std && strncmp(p->path, "cmd/", 4) && strcmp(p->path, "cmd"))
		fprintf(o, ",\n\t\"Standard\": true");
	json_list(o, "GoFiles", p->gofiles.data, p->gofiles.len, &first);
	json_list(o, "CgoFiles", p->cgofiles.data, p->cgofiles.len, &first);
	json_list(o, "IgnoredGoFiles", p->ignored.data, p->ignored.len, &first);
	json_list(o, "Imports", p->imports.data, p->imports.len, &first);
	CStrVec deps = {0};
	deps_of(p, &deps);
	json_list(o, "Deps", (char *const *)deps.data, deps.len, &first);
	vec_free(&deps);
	if (p->incycle || p->errors.len) {
		/* go list's Error object; several problems are joined by newlines */
		fprintf(o, ",\n\t\"Error\": {\n\t\t\"Err\": ");
		if (!p->errors.len) {
			json_str(o, "import cycle not allowed");
		} else {
			size_t n = 0;
			for (size_t i = 0; i < p->errors.len; i++)
				n += strlen(p->errors.data[i]) + 1;
			char *all = xmalloc(n + 1), *w = all;
			for (size_t i = 0; i < p->errors.len; i++)
				w += sprintf(w, "%s%s", i ? "\n" : "", p->errors.data[i]);
			json_str(o, all);
			free(all);
		}
		fputs("\n\t}", o);
	}
	fputs("\n}\n", o);
}

static void print_strs(FILE *o, char *const *v, size_t n, const char *sep)
{
	if (!sep)
		fputc('[', o);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(sep ? sep : " ", o);
		fputs(v[i], o);
	}
	if (!sep)
		fputc(']', o);
}

/* Prints field (without the dot) of p; false when unknown. */
static bool print_field(FILE *o, LoadPkg *p, const char *f, size_t n, const char *sep)
{
#define IS(s) (n == strlen(s) && !memcmp(f, s, n))
	if (IS("ImportPath"))
		fputs(p->path, o);
	else if (IS("Dir"))
		fputs(p->dir ? p->dir : "", o);
	else if (IS("Name"))
		fputs(p->name ? p->name : "", o);
	else if (IS("Standard"))
		fputs(p->std && strncmp(p->path, "cmd/", 4) ? "true" : "false", o);
	else if (IS("GoFiles"))
		print_strs(o, p->gofiles.data, p->gofiles.len, sep);
	else if (IS("CgoFiles"))
		print_strs(o, p->cgofiles.data, p->cgofiles.len, sep);
	else if (IS("IgnoredGoFiles"))
		print_strs(o, p->ignored.data, p->ignored.len, sep);
	else if (IS("Imports"))
		print_strs(o, p->imports.data, p->imports.len, sep);
	else if (IS("Deps")) {
		CStrVec deps = {0};
		deps_of(p, &deps);
		print_strs(o, (char *const *)deps.data, deps.len, sep);
		vec_free(&deps);
	} else if (IS("Error"))
		fputs(p->errors.len ? p->errors.data[0] : "<nil>", o);
	else
		return false;
	return true;
#undef IS
}

/* Checks the template once; false (with a message) when it uses what is not supported. */
static bool print_format(FILE *o, LoadPkg *p, const char *fmt, bool check)
{
	const char *s = fmt;
	while (*s) {
		const char *open = strstr(s, "{{");
		if (!open) {
			if (!check)
				fputs(s, o);
			break;
		}
		if (!check)
			fwrite(s, 1, (size_t)(open - s), o);
		const char *close = strstr(open, "}}");
		if (!close) {
			fprintf(stderr, "gomem list: -f: unclosed action\n");
			return false;
		}
		const char *a = open + 2, *e = close;
		while (a < e && *a == ' ')
			a++;
		while (e > a && e[-1] == ' ')
			e--;
		const char *sep = NULL;
		char *sepbuf = NULL;
		if (e - a > 5 && !memcmp(a, "join ", 5)) {
			a += 5;
			while (*a == ' ')
				a++;
			const char *q = memchr(a, '"', (size_t)(e - a));
			const char *fe = q ? q : e;
			while (fe > a && fe[-1] == ' ')
				fe--;
			if (!q || e - q < 2 || e[-1] != '"') {
				fprintf(stderr, "gomem list: -f: join needs a quoted separator\n");
				return false;
			}
			sepbuf = xstrndup(q + 1, (size_t)(e - q - 2));
			/* the usual escapes of a Go string */
			char *w = sepbuf;
			for (char *r = sepbuf; *r; r++) {
				if (*r == '\\' && r[1] == 'n') {
					*w++ = '\n';
					r++;
				} else if (*r == '\\' && r[1] == 't') {
					*w++ = '\t';
					r++;
				} else {
					*w++ = *r;
				}
			}
			*w = '\0';
			sep = sepbuf;
			e = fe;
		}
		bool ok = a < e && *a == '.';
		if (ok) {
			if (check) {
				LoadPkg dummy = {0};
				dummy.path = "";
				FILE *null = fopen("/dev/null", "w");
				ok = null && print_field(null, &dummy, a + 1, (size_t)(e - a - 1), sep);
				if (null)
					fclose(null);
			} else {
				print_field(o, p, a + 1, (size_t)(e - a - 1), sep);
			}
		}
		free(sepbuf);
		if (!ok) {
			fprintf(stderr, "gomem list: -f: unsupported action {{%.*s}}\n", (int)(close - open - 2), open + 2);
			return false;
		}
		s = close + 2;
	}
	if (!check)
		fputc('\n', o);
	return true;
}

static int eval_constraints(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		char *tab = strchr(line, '\t');
		if (!tab) {
			printf("bad input line\n");
			continue;
		}
		*tab = '\0';
		BuildCtx ctx = {0};
		ctx.goos = ctx.goarch = ctx.compiler = "-";
		char *tags = xstrdup(line), *save = NULL;
		for (char *t = strtok_r(tags, ",", &save); t; t = strtok_r(NULL, ",", &save))
			vec_push(&ctx.tags, t);
		Cx cx;
		const char *expr = tab + 1;
		if (load_cx_parse(&cx, expr, strlen(expr))) {
			printf("ok %s ", load_cx_eval(&cx, &ctx) ? "true" : "false");
			load_cx_print(&cx, stdout);
			putchar('\n');
		} else {
			printf("err %s\n", cx.err);
		}
		load_cx_free(&cx);
		vec_free(&ctx.tags);
		free(tags);
	}
	free(line);
	return 0;
}

int list_main(int argc, char **argv);
int list_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int r = opt_parse(&list_spec, argc, argv, &args, &nargs);
	if (r == OPT_HELP)
		return 0;
	if (r != OPT_OK)
		return 2;
	if (f_eval)
		return eval_constraints();
	if (f_format && !print_format(stdout, NULL, f_format, true))
		return 2;
	char *dot[] = {"."};
	if (nargs == 0) {
		args = dot;
		nargs = 1;
	}
	Loader l;
	LoadConfig cfg = {.tags = f_tags};
	if (!load_init(&l, &cfg)) {
		for (size_t i = 0; i < l.errors.len; i++)
			fprintf(stderr, "gomem list: %s\n", l.errors.data[i]);
		load_free(&l);
		return 2;
	}
	size_t bad = load_patterns(&l, args, nargs);
	for (size_t i = 0; i < l.errors.len; i++)
		fprintf(stderr, "gomem list: %s\n", l.errors.data[i]);
	/* as go list without -e: a problem with the command line's own packages prints nothing */
	if (!f_e) {
		bool rootbad = l.errors.len > 0;
		for (size_t i = 0; i < l.roots.len; i++) {
			LoadPkg *p = l.roots.data[i];
			for (size_t k = 0; k < p->errors.len; k++)
				fprintf(stderr, "package %s: %s\n", p->path, p->errors.data[k]);
			rootbad |= p->errors.len > 0;
		}
		if (rootbad) {
			load_free(&l);
			return 1;
		}
	}
	LoadPkgVec out = {0};
	if (f_deps)
		load_deps_order(&l, &out);
	else
		for (size_t i = 0; i < l.roots.len; i++)
			vec_push(&out, l.roots.data[i]);
	for (size_t i = 0; i < out.len; i++) {
		LoadPkg *p = out.data[i];
		if (!f_e)
			for (size_t k = 0; k < p->errors.len; k++)
				fprintf(stderr, "package %s: %s\n", p->path, p->errors.data[k]);
		if (f_format)
			print_format(stdout, p, f_format, false);
		else if (f_json || f_files)
			print_json(stdout, p);
		else
			puts(p->path);
	}
	/* errors of packages not printed (imports of roots without -deps) */
	if (!f_deps && !f_e) {
		Map printed;
		map_init(&printed);
		for (size_t i = 0; i < out.len; i++)
			map_put(&printed, (uintptr_t)out.data[i], out.data[i]);
		for (size_t i = 0; i < l.order.len; i++) {
			LoadPkg *p = l.order.data[i];
			if (map_get(&printed, (uintptr_t)p))
				continue;
			for (size_t k = 0; k < p->errors.len; k++)
				fprintf(stderr, "package %s: %s\n", p->path, p->errors.data[k]);
		}
		map_free(&printed);
	}
	vec_free(&out);
	size_t loader_errors = l.errors.len;
	load_free(&l);
	fflush(stdout);
	if (f_e)
		return loader_errors ? 1 : 0;
	return bad ? 1 : 0;
}
