/* opt: flag parsing shared by every command (see opt.h). */
#include "opt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool opt_parse_duration(const char *s, double *seconds)
{
	static const struct { const char *unit; double scale; } units[] = {
	    {"ns", 1e-9}, {"us", 1e-6}, {"\xc2\xb5s", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600},
	};
	double total = 0;
	if (!*s)
		return false;
	if (strcmp(s, "0") == 0) {
		*seconds = 0;
		return true;
	}
	while (*s) {
		char *end;
		errno = 0;
		double v = strtod(s, &end);
		if (end == s || errno || v < 0 || *s == '+' || *s == '-' || *s == ' ')
			return false;
		s = end;
		size_t best = 0;
		double scale = 0;
		for (size_t i = 0; i < ARRAY_LEN(units); i++) {
			size_t n = strlen(units[i].unit);
			if (n > best && strncmp(s, units[i].unit, n) == 0) {
				best = n;
				scale = units[i].scale;
			}
		}
		if (!best)
			return false;
		s += best;
		total += v * scale;
	}
	*seconds = total;
	return true;
}

void opt_print_help(const CmdSpec *spec, FILE *out)
{
	fprintf(out, "usage: gomem %s %s\n\n%s\n", spec->name, spec->usage, spec->summary);
	if (spec->nopts) {
		fputs("\nflags:\n", out);
		for (size_t i = 0; i < spec->nopts; i++) {
			const Opt *o = &spec->opts[i];
			char head[64];
			snprintf(head, sizeof head, "-%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
			fprintf(out, "  %-22s %s\n", head, o->help);
		}
		fprintf(out, "  %-22s %s\n", "-h, --help", "print this help");
	}
	if (spec->details) {
		size_t n = strlen(spec->details);
		fprintf(out, "\n%s%s", spec->details, n && spec->details[n - 1] != '\n' ? "\n" : "");
	}
}

static const Opt *find_opt(const CmdSpec *spec, const char *name, size_t n)
{
	for (size_t i = 0; i < spec->nopts; i++)
		if (strlen(spec->opts[i].name) == n && strncmp(spec->opts[i].name, name, n) == 0)
			return &spec->opts[i];
	return NULL;
}

static int usage_error(const CmdSpec *spec, const char *fmt, const char *what)
{
	fprintf(stderr, "gomem %s: ", spec->name);
	fprintf(stderr, fmt, what);
	fprintf(stderr, "\nusage: gomem %s %s\nRun 'gomem %s --help' for details.\n", spec->name, spec->usage,
	        spec->name);
	return OPT_ERROR;
}

static bool set_value(const Opt *o, const char *v)
{
	char *end;
	switch (o->kind) {
	case OPT_BOOL:
		if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
			*(bool *)o->dst = true;
		else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
			*(bool *)o->dst = false;
		else
			return false;
		return true;
	case OPT_STRING:
		*(const char **)o->dst = v;
		return true;
	case OPT_INT:
		errno = 0;
		*(long *)o->dst = strtol(v, &end, 10);
		return *v && !*end && !errno;
	case OPT_DURATION:
		return opt_parse_duration(v, (double *)o->dst);
	}
	return false;
}

int opt_parse(const CmdSpec *spec, int argc, char **argv, char ***args, int *nargs)
{
	int n = 0;
	bool flags_done = false;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (flags_done || a[0] != '-' || a[1] == 0) {
			argv[1 + n++] = a; /* compact operands in place; i >= 1 + n always */
			continue;
		}
		if (strcmp(a, "--") == 0) {
			flags_done = true;
			continue;
		}
		const char *name = a + 1 + (a[1] == '-');
		const char *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		if ((len == 1 && name[0] == 'h') || (len == 4 && strncmp(name, "help", 4) == 0)) {
			opt_print_help(spec, stdout);
			return OPT_HELP;
		}
		const Opt *o = find_opt(spec, name, len);
		if (!o)
			return usage_error(spec, "unknown flag %s", a);
		const char *v = eq ? eq + 1 : NULL;
		if (!v && o->kind == OPT_BOOL)
			v = "true";
		if (!v) {
			if (i + 1 >= argc)
				return usage_error(spec, "flag %s needs a value", a);
			v = argv[++i];
		}
		if (!set_value(o, v))
			return usage_error(spec, "bad value for flag %s", a);
	}
	if (n < spec->min_args)
		return usage_error(spec, "%s", n == 0 ? "missing operand" : "too few operands");
	if (spec->max_args >= 0 && n > spec->max_args)
		return usage_error(spec, "%s", "too many operands");
	*args = argv + 1;
	*nargs = n;
	return OPT_OK;
}
