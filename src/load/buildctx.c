/*
 * The build context: GOOS/GOARCH/cgo and the tags a file's constraints are judged against,
 * with the go command's defaults — the host's GOOS/GOARCH, CGO_ENABLED as cmd/go/internal/cfg
 * computes it (on natively when the default C compiler is on PATH or CC is set), the
 * experiment and microarchitecture tool tags of internal/buildcfg (goexperiment.*, amd64.v1)
 * and the release tags go1.1..go1.26. Settings come from the environment, else from the
 * user's go env file, as the go command reads them. load_match_tag is go/build's matchTag.
 */
#include "load/load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GO_MINOR 26 /* release tags go1.1 .. go1.26 */

static const char *const known_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
    "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
};
static const char *const unix_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
    "illumos", "ios", "linux", "netbsd", "openbsd", "solaris",
};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
    "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64",
    "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
};

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

bool load_known_os(const char *s, size_t n) { return in_list(known_os, ARRAY_LEN(known_os), s, n); }
bool load_known_arch(const char *s, size_t n) { return in_list(known_arch, ARRAY_LEN(known_arch), s, n); }

static bool eq(const char *a, size_t n, const char *b) { return b && strlen(b) == n && memcmp(a, b, n) == 0; }

/* ---- the build context ---- */

/* The go command's user configuration ($GOENV, else ~/.config/go/env: NAME=VALUE lines),
 * read once. */
static struct {
	bool read;
	Vec(char *) lines;
} goenv_file;

const char *load_getenv(const char *name)
{
	const char *v = getenv(name);
	if (v && *v)
		return v;
	if (!goenv_file.read) {
		goenv_file.read = true;
		const char *g = getenv("GOENV"), *home = getenv("HOME");
		char *path = g && *g ? xstrdup(g) : home ? xasprintf("%s/.config/go/env", home) : NULL;
		FILE *f = path && strcmp(path, "off") ? fopen(path, "r") : NULL;
		if (f) {
			char line[4096];
			while (fgets(line, sizeof line, f)) {
				line[strcspn(line, "\r\n")] = '\0';
				if (strchr(line, '='))
					vec_push(&goenv_file.lines, xstrdup(line));
			}
			fclose(f);
		}
		free(path);
	}
	size_t n = strlen(name);
	for (size_t i = 0; i < goenv_file.lines.len; i++) {
		const char *l = goenv_file.lines.data[i];
		if (!strncmp(l, name, n) && l[n] == '=' && l[n + 1])
			return l + n + 1;
	}
	return NULL;
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = load_getenv(name);
	return v && *v ? v : def;
}

static bool on_path(const char *prog)
{
	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0;
	const char *path = getenv("PATH");
	if (!path)
		return false;
	while (*path) {
		const char *e = strchr(path, ':');
		size_t n = e ? (size_t)(e - path) : strlen(path);
		char *f = xasprintf("%.*s/%s", (int)n, n ? path : ".", prog);
		struct stat st;
		bool ok = stat(f, &st) == 0 && S_ISREG(st.st_mode) && access(f, X_OK) == 0;
		free(f);
		if (ok)
			return true;
		path += n;
		if (*path == ':')
			path++;
	}
	return false;
}

static void add_tag(BuildCtx *ctx, char *t) { vec_push(&ctx->tags, t); }

/* The experiment baseline of the GOROOT's internal/buildcfg (exp.go), read from its source:
 * the "baseline := goexperiment.Flags{ Name: expr, ... }" block, where expr is true, false,
 * regabiSupported or dwarf5Supported. Without that file, Go 1.26's baseline. */
typedef Vec(char *) NameVec;

static void baseline_experiments(const char *goroot, bool regabi, bool dwarf5, NameVec *on)
{
	char *path = goroot ? xasprintf("%s/src/internal/buildcfg/exp.go", goroot) : NULL;
	char *text = NULL;
	size_t len;
	const char *msg;
	bool parsed = false;
	if (path && base_read_file(path, &text, &len, &msg) == READ_OK) {
		const char *b = strstr(text, "baseline := goexperiment.Flags{");
		const char *e = b ? strchr(b, '}') : NULL;
		if (b && e) {
			parsed = true;
			const char *p = strchr(b, '{') + 1;
			while (p < e) {
				const char *nl = memchr(p, '\n', (size_t)(e - p));
				const char *end = nl ? nl : e;
				const char *colon = memchr(p, ':', (size_t)(end - p));
				if (colon) {
					const char *n0 = p;
					while (n0 < colon && (*n0 == ' ' || *n0 == '\t'))
						n0++;
					char *val = xstrndup(colon + 1, (size_t)(end - colon - 1));
					bool v = strstr(val, "true") ? true : strstr(val, "regabiSupported") ? regabi
					       : strstr(val, "dwarf5Supported") ? dwarf5 : false;
					if (v) {
						char *name = xstrndup(n0, (size_t)(colon - n0));
						for (char *c = name; *c; c++)
							*c = (char)tolower((unsigned char)*c);
						vec_push(on, name);
					}
					free(val);
				}
				p = end + 1;
			}
		}
	}
	free(text);
	free(path);
	if (parsed)
		return;
	if (regabi) {
		vec_push(on, xstrdup("regabiwrappers"));
		vec_push(on, xstrdup("regabiargs"));
	}
	if (dwarf5)
		vec_push(on, xstrdup("dwarf5"));
	vec_push(on, xstrdup("greenteagc"));
	vec_push(on, xstrdup("randomizedheapbase64"));
}

static void set_name(NameVec *v, const char *name, bool on)
{
	for (size_t i = 0; i < v->len; i++)
		if (!strcmp(v->data[i], name)) {
			if (!on) {
				free(v->data[i]);
				v->data[i--] = v->data[--v->len];
			}
			return;
		}
	if (on)
		vec_push(v, xstrdup(name));
}

/* GOEXPERIMENT: the baseline of internal/buildcfg.ParseGOEXPERIMENT, then the user's list. */
static void add_experiments(BuildCtx *ctx, const char *goroot)
{
	const char *a = ctx->goarch, *o = ctx->goos;
	bool regabi_always = !strcmp(a, "amd64") || !strcmp(a, "arm64") || !strcmp(a, "loong64") ||
	                     !strcmp(a, "ppc64le") || !strcmp(a, "ppc64") || !strcmp(a, "riscv64");
	bool regabi = regabi_always || !strcmp(a, "s390x");
	bool dwarf5 = strcmp(o, "darwin") && strcmp(o, "ios") && strcmp(o, "aix");
	NameVec on = {0};
	baseline_experiments(goroot, regabi, dwarf5, &on);
	const char *exp = load_getenv("GOEXPERIMENT");
	if (exp) {
		char *copy = xstrdup(exp), *save = NULL;
		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ')
				w++;
			bool val = true;
			if (!strncmp(w, "no", 2)) {
				val = false;
				w += 2;
			}
			for (char *c = w; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			if (!*w || !strcmp(w, "none"))
				continue;
			if (!strcmp(w, "regabi")) {
				set_name(&on, "regabiwrappers", val);
				set_name(&on, "regabiargs", val);
				continue;
			}
			set_name(&on, w, val);
		}
		free(copy);
	}
	if (regabi_always) {
		set_name(&on, "regabiwrappers", true);
		set_name(&on, "regabiargs", true);
	}
	if (!regabi) {
		set_name(&on, "regabiwrappers", false);
		set_name(&on, "regabiargs", false);
	}
	for (size_t i = 0; i < on.len; i++) {
		add_tag(ctx, xasprintf("goexperiment.%s", on.data[i]));
		free(on.data[i]);
	}
	vec_free(&on);
}

/* The Go minor version of the GOROOT (internal/goversion.Version), 0 when unknown. */
int load_goroot_minor(const char *goroot)
{
	if (!goroot)
		return 0;
	char *path = xasprintf("%s/src/internal/goversion/goversion.go", goroot);
	char *text;
	size_t len;
	const char *msg;
	int v = 0;
	if (base_read_file(path, &text, &len, &msg) == READ_OK) {
		const char *p = strstr(text, "const Version = ");
		if (p)
			v = atoi(p + 16);
		free(text);
	}
	free(path);
	return v > 0 && v < 1000 ? v : 0;
}

static bool goroot_has_arch_tags(const char *goroot)
{
	if (!goroot)
		return true;
	char *path = xasprintf("%s/src/internal/buildcfg/cfg.go", goroot);
	char *text;
	size_t len;
	const char *msg;
	bool r = true;
	if (base_read_file(path, &text, &len, &msg) == READ_OK) {
		r = strstr(text, "func gogoarchTags") != NULL;
		free(text);
	}
	free(path);
	return r;
}

/* internal/buildcfg.gogoarchTags */
static void add_arch_tags(BuildCtx *ctx)
{
	const char *a = ctx->goarch;
	if (!strcmp(a, "386")) {
		add_tag(ctx, xasprintf("386.%s", env_or("GO386", "sse2")));
	} else if (!strcmp(a, "amd64")) {
		const char *v = env_or("GOAMD64", "v1");
		int lvl = (v[0] == 'v' && v[1] >= '1' && v[1] <= '4' && !v[2]) ? v[1] - '0' : 1;
		for (int i = 1; i <= lvl; i++)
			add_tag(ctx, xasprintf("amd64.v%d", i));
	} else if (!strcmp(a, "arm")) {
		const char *v = env_or("GOARM", "7");
		int lvl = (*v >= '5' && *v <= '7') ? *v - '0' : 7;
		for (int i = 5; i <= lvl; i++)
			add_tag(ctx, xasprintf("arm.%d", i));
	} else if (!strcmp(a, "arm64")) {
		const char *v = env_or("GOARM64", "v8.0");
		int major = 8, minor = 0;
		if (v[0] == 'v' && (v[1] == '8' || v[1] == '9') && v[2] == '.' && isdigit((unsigned char)v[3])) {
			major = v[1] - '0';
			minor = v[3] - '0';
		}
		for (int i = 0; i <= minor; i++)
			add_tag(ctx, xasprintf("arm64.v%d.%d", major, i));
		if (major == 9)
			for (int i = 0; i <= minor + 5 && i <= 9; i++)
				add_tag(ctx, xasprintf("arm64.v8.%d", i));
	} else if (!strcmp(a, "mips") || !strcmp(a, "mipsle")) {
		add_tag(ctx, xasprintf("%s.%s", a, env_or("GOMIPS", "hardfloat")));
	} else if (!strcmp(a, "mips64") || !strcmp(a, "mips64le")) {
		add_tag(ctx, xasprintf("%s.%s", a, env_or("GOMIPS64", "hardfloat")));
	} else if (!strcmp(a, "ppc64") || !strcmp(a, "ppc64le")) {
		const char *v = env_or("GOPPC64", "power8");
		int lvl = !strncmp(v, "power", 5) ? atoi(v + 5) : 8;
		if (lvl < 8 || lvl > 10)
			lvl = 8;
		for (int i = 8; i <= lvl; i++)
			add_tag(ctx, xasprintf("%s.power%d", a, i));
	} else if (!strcmp(a, "riscv64")) {
		const char *v = env_or("GORISCV64", "rva20u64");
		add_tag(ctx, xstrdup("riscv64.rva20u64"));
		if (!strcmp(v, "rva22u64") || !strcmp(v, "rva23u64"))
			add_tag(ctx, xstrdup("riscv64.rva22u64"));
		if (!strcmp(v, "rva23u64"))
			add_tag(ctx, xstrdup("riscv64.rva23u64"));
	} else if (!strcmp(a, "wasm")) {
		add_tag(ctx, xstrdup("wasm.satconv"));
		add_tag(ctx, xstrdup("wasm.signext"));
	}
}

static const char *host_goarch(void)
{
#if defined(__x86_64__)
	return "amd64";
#elif defined(__aarch64__)
	return "arm64";
#elif defined(__i386__)
	return "386";
#elif defined(__arm__)
	return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
	return "riscv64";
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return "ppc64le";
#elif defined(__s390x__)
	return "s390x";
#else
	return "amd64";
#endif
}

static const char *host_goos(void)
{
#if defined(__APPLE__)
	return "darwin";
#elif defined(__FreeBSD__)
	return "freebsd";
#else
	return "linux";
#endif
}

void load_ctx_init(BuildCtx *ctx, const char *usertags, const char *goroot)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->goos = env_or("GOOS", host_goos());
	ctx->goarch = env_or("GOARCH", host_goarch());
	ctx->compiler = "gc";
	/* cmd/go/internal/cfg: natively on (where cgo is supported) unless CC is unset and the
	 * default C compiler is not on PATH; cross-compiling off; CGO_ENABLED=0/1 decides. */
	bool native = !strcmp(ctx->goos, host_goos()) && !strcmp(ctx->goarch, host_goarch());
	ctx->cgo = native;
	if (native && !(getenv("CC") && *getenv("CC"))) {
		const char *o = ctx->goos;
		bool clang = !strcmp(o, "darwin") || !strcmp(o, "ios") || !strcmp(o, "freebsd") || !strcmp(o, "openbsd");
		ctx->cgo = on_path(clang ? "clang" : "gcc");
	}
	const char *cgo = load_getenv("CGO_ENABLED");
	if (cgo && (!strcmp(cgo, "0") || !strcmp(cgo, "1")))
		ctx->cgo = cgo[0] == '1';
	if (usertags) {
		const char *p = usertags;
		while (*p) {
			size_t n = strcspn(p, ", ");
			if (n)
				add_tag(ctx, xstrndup(p, n));
			p += n;
			if (*p)
				p++;
		}
	}
	add_experiments(ctx, goroot);
	if (goroot_has_arch_tags(goroot))
		add_arch_tags(ctx);
	int minor = load_goroot_minor(goroot);
	for (int i = 1; i <= (minor ? minor : GO_MINOR); i++)
		add_tag(ctx, xasprintf("go1.%d", i));
}

void load_ctx_free(BuildCtx *ctx)
{
	for (size_t i = 0; i < ctx->tags.len; i++)
		free((char *)ctx->tags.data[i]);
	vec_free(&ctx->tags);
}

/* go/build Context.matchTag */
bool load_match_tag(const BuildCtx *ctx, const char *name, size_t n)
{
	if (ctx->cgo && eq(name, n, "cgo"))
		return true;
	if (eq(name, n, ctx->goos) || eq(name, n, ctx->goarch) || eq(name, n, ctx->compiler))
		return true;
	if (!strcmp(ctx->goos, "android") && eq(name, n, "linux"))
		return true;
	if (!strcmp(ctx->goos, "illumos") && eq(name, n, "solaris"))
		return true;
	if (!strcmp(ctx->goos, "ios") && eq(name, n, "darwin"))
		return true;
	if (eq(name, n, "unix") && in_list(unix_os, ARRAY_LEN(unix_os), ctx->goos, strlen(ctx->goos)))
		return true;
	if (eq(name, n, "boringcrypto")) {
		name = "goexperiment.boringcrypto";
		n = strlen(name);
	}
	for (size_t i = 0; i < ctx->tags.len; i++)
		if (eq(name, n, ctx->tags.data[i]))
			return true;
	return false;
}

