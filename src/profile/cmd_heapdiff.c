/*
 * gomem heapdiff [--json] [--sample-index NAME] [--top N] BASE CUR
 *
 * Reads two heap profiles (protobuf, gzip or not, or the debug=1 text form), subtracts
 * BASE from CUR as `go tool pprof -base BASE CUR` does, and prints the growth per function
 * (flat and cum) and per allocation site (function, file:line), largest first.
 */
#include "base/opt.h"
#include "heapdiff.h"
#include "json.h"

#include <stdlib.h>
#include <string.h>

static bool json_out;
static const char *sample_index;
static long top_n = 20;
static long max_inflated;

static const Opt heapdiff_opts[] = {
    {"json", OPT_BOOL, &json_out, NULL, "print the result as JSON (exact values in the sample type's unit)"},
    {"sample-index", OPT_STRING, &sample_index, "NAME",
     "sample type to compare, by name or index (default inuse_space; e.g. alloc_space)"},
    {"top", OPT_INT, &top_n, "N", "rows per table in the text report (default 20; 0 shows all)"},
    {"max-inflated", OPT_INT, &max_inflated, "BYTES", "refuse gzip data that inflates beyond BYTES (default 1 GiB)"},
};

const CmdSpec heapdiff_spec = {
    .name = "heapdiff",
    .usage = "[-json] [-sample-index NAME] [-top N] [-max-inflated BYTES] BASE CUR",
    .summary = "growth between two heap profiles, per function and allocation site",
    .details = "BASE and CUR are heap profiles as /debug/pprof/heap or pprof.WriteHeapProfile write them\n"
               "(protobuf, gzip-compressed or not) or the legacy text of /debug/pprof/heap?debug=1.\n"
               "Figures are those of `go tool pprof -top -base BASE CUR`: flat is memory allocated by\n"
               "the function itself, cum includes what its callees allocated.\n"
               "JSON: {\"sample_type\", \"unit\", \"total\" (net growth), \"base_total\", \"current_total\",\n"
               "\"functions\": [{\"function\", \"flat\", \"cum\"}], \"sites\": [{\"function\", \"file\", \"line\",\n"
               "\"flat\"}]}, largest growth first.\n"
               "Exit status: 0 success, 2 usage errors or unreadable or malformed profiles.\n",
    .opts = heapdiff_opts,
    .nopts = ARRAY_LEN(heapdiff_opts),
    .min_args = 2,
    .max_args = 2,
};

static int64_t profile_total(const Profile *p, int ti)
{
	uint64_t t = 0;
	for (size_t i = 0; i < p->nsamples; i++)
		t += (uint64_t)p->samples[i].values[ti];
	return (int64_t)t;
}

static const char *label(int64_t v, const char *unit, char *buf, size_t n)
{
	return prof_scaled_label(v, unit, buf, n);
}

static void pct(int64_t v, int64_t total, char *buf, size_t n)
{
	if (total <= 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.2f%%", 100.0 * (double)v / (double)total);
}

static void print_text(const char *bpath, const char *cpath, const ProfValueType *vt, int64_t btot, int64_t ctot,
                       int64_t total, HdFunc *fs, size_t nf, HdSite *ss, size_t ns)
{
	char a[64], b[64], c[64], d[64];
	printf("Type: %s (%s)\n", vt->type, vt->unit[0] ? vt->unit : "count");
	printf("Base: %s (total %s)\n", bpath, label(btot, vt->unit, a, sizeof a));
	printf("Current: %s (total %s)\n", cpath, label(ctot, vt->unit, b, sizeof b));
	printf("Growth: %s%s\n", total > 0 ? "+" : "", label(total, vt->unit, c, sizeof c));
	size_t shown = top_n > 0 && (size_t)top_n < nf ? (size_t)top_n : nf;
	char note[64] = "";
	if (shown < nf)
		snprintf(note, sizeof note, ", top %zu shown; --top 0 for all", shown);
	printf("\nFunctions (%zu changed%s):\n", nf, note);
	/* widths */
	int wf = 4, wc = 3;
	for (size_t i = 0; i < shown; i++) {
		int l1 = (int)strlen(label(fs[i].flat, vt->unit, a, sizeof a));
		int l2 = (int)strlen(label(fs[i].cum, vt->unit, b, sizeof b));
		if (l1 > wf) wf = l1;
		if (l2 > wc) wc = l2;
	}
	printf("  %*s %8s  %*s %8s  %s\n", wf, "flat", "flat%", wc, "cum", "cum%", "function");
	for (size_t i = 0; i < shown; i++) {
		pct(fs[i].flat, total, c, sizeof c);
		pct(fs[i].cum, total, d, sizeof d);
		printf("  %*s %8s  %*s %8s  %s\n", wf, label(fs[i].flat, vt->unit, a, sizeof a), c, wc,
		       label(fs[i].cum, vt->unit, b, sizeof b), d, fs[i].name);
	}
	size_t sshown = top_n > 0 && (size_t)top_n < ns ? (size_t)top_n : ns;
	note[0] = 0;
	if (sshown < ns)
		snprintf(note, sizeof note, ", top %zu shown", sshown);
	printf("\nAllocation sites (%zu changed%s):\n", ns, note);
	wf = 4;
	for (size_t i = 0; i < sshown; i++) {
		int l1 = (int)strlen(label(ss[i].flat, vt->unit, a, sizeof a));
		if (l1 > wf) wf = l1;
	}
	printf("  %*s %8s  %s\n", wf, "flat", "flat%", "site");
	for (size_t i = 0; i < sshown; i++) {
		pct(ss[i].flat, total, c, sizeof c);
		if (ss[i].file[0])
			printf("  %*s %8s  %s %s:%lld\n", wf, label(ss[i].flat, vt->unit, a, sizeof a), c, ss[i].func, ss[i].file,
			       (long long)ss[i].line);
		else
			printf("  %*s %8s  %s\n", wf, label(ss[i].flat, vt->unit, a, sizeof a), c, ss[i].func);
	}
}

static void print_json(const ProfValueType *vt, int64_t btot, int64_t ctot, int64_t total, HdFunc *fs, size_t nf,
                       HdSite *ss, size_t ns)
{
	JsonW w;
	json_init(&w, stdout, false);
	json_begin_object(&w);
	json_key(&w, "sample_type");
	json_string(&w, vt->type);
	json_key(&w, "unit");
	json_string(&w, vt->unit);
	json_key(&w, "total");
	json_int(&w, total);
	json_key(&w, "base_total");
	json_int(&w, btot);
	json_key(&w, "current_total");
	json_int(&w, ctot);
	json_key(&w, "functions");
	json_begin_array(&w);
	for (size_t i = 0; i < nf; i++) {
		json_begin_object(&w);
		json_key(&w, "function");
		json_string(&w, fs[i].name);
		json_key(&w, "flat");
		json_int(&w, fs[i].flat);
		json_key(&w, "cum");
		json_int(&w, fs[i].cum);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "sites");
	json_begin_array(&w);
	for (size_t i = 0; i < ns; i++) {
		json_begin_object(&w);
		json_key(&w, "function");
		json_string(&w, ss[i].func);
		json_key(&w, "file");
		json_string(&w, ss[i].file);
		json_key(&w, "line");
		json_int(&w, ss[i].line);
		json_key(&w, "flat");
		json_int(&w, ss[i].flat);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

int heapdiff_main(int argc, char **argv);
int heapdiff_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int rc = opt_parse(&heapdiff_spec, argc, argv, &args, &nargs);
	if (rc == OPT_HELP)
		return 0;
	if (rc != OPT_OK)
		return 2;
	if (top_n < 0 || max_inflated < 0) {
		fprintf(stderr, "gomem heapdiff: --top and --max-inflated must not be negative\n");
		return 2;
	}
	ProfOptions po = {(uint64_t)max_inflated};
	Profile prof[2];
	for (int i = 0; i < 2; i++) {
		char *err = NULL;
		if (!prof_read_file(&prof[i], args[i], &po, &err)) {
			fprintf(stderr, "gomem heapdiff: %s: %s\n", args[i], err);
			free(err);
			if (i == 1)
				prof_free(&prof[0]);
			return 2;
		}
	}
	int bi, ci;
	char *err = NULL;
	if (!hd_select_type(&prof[0], &prof[1], sample_index, &bi, &ci, &err)) {
		fprintf(stderr, "gomem heapdiff: %s\n", err);
		free(err);
		prof_free(&prof[0]);
		prof_free(&prof[1]);
		return 2;
	}
	ProfAgg g;
	prof_agg_init(&g);
	prof_agg_add(&g, &prof[1], ci, +1);
	prof_agg_add(&g, &prof[0], bi, -1);
	size_t nf, ns;
	HdFunc *fs = prof_agg_functions(&g, &nf);
	HdSite *ss = prof_agg_sites(&g, &ns);
	int64_t btot = profile_total(&prof[0], bi), ctot = profile_total(&prof[1], ci);
	const ProfValueType *vt = &prof[1].types[ci];
	if (json_out)
		print_json(vt, btot, ctot, g.total, fs, nf, ss, ns);
	else
		print_text(strcmp(args[0], "-") == 0 ? "<stdin>" : args[0], strcmp(args[1], "-") == 0 ? "<stdin>" : args[1], vt, btot, ctot, g.total, fs, nf, ss, ns);
	prof_agg_free(&g);
	prof_free(&prof[0]);
	prof_free(&prof[1]);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gomem heapdiff: error writing output\n");
		return 2;
	}
	return 0;
}
