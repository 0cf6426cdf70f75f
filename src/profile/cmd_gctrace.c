/*
 * gomem gctrace: the live-heap trend of a GODEBUG=gctrace=1 log, and a verdict.
 *
 * The log is streamed line by line; every gc line (anywhere in a line: a program's own output
 * may be mixed in) becomes a cycle. When the GC numbers start again from a lower number the log
 * holds several runs of the program: the last run is analysed and a warning says so.
 */
#include "base/opt.h"
#include "profile/gctrace.h"
#include "profile/json.h"
#include "profile/linereader.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool json_out;
static const char *svg_path;

static const Opt opts[] = {
    {"json", OPT_BOOL, &json_out, NULL, "print JSON instead of text"},
    {"svg", OPT_STRING, &svg_path, "FILE", "also draw the heap over time, with the trend, as an SVG chart"},
};

const CmdSpec gctrace_spec = {
    .name = "gctrace",
    .usage = "[-json] [-svg FILE] LOG|-",
    .summary = "tell from a GODEBUG=gctrace=1 log whether the live heap keeps growing",
    .details =
        "LOG holds the lines GODEBUG=gctrace=1 makes the Go runtime print on standard error (Go 1.19 to\n"
        "1.26 formats); other lines are skipped. It may be gzip-compressed. '-' reads standard input, e.g.\n"
        "    GODEBUG=gctrace=1 ./server 2>&1 | gomem gctrace -\n\n"
        "The live heap after each GC is fitted against time by least squares, leaving out the first\n"
        "20% of the log as warm-up. The verdict is 'growing' (a leak suspect, with its rate in MB/min)\n"
        "when the slope is significant (at least 3 standard errors), the rise is at least 1 MB and 5% of\n"
        "the heap, and the heap still grows in the second half of the fitted span; otherwise 'steady'.\n"
        "MB are the runtime's: 2^20 bytes.\n\n"
        "Exit status: 0 steady, 1 growing or too few cycles to judge, 2 usage or I/O errors.\n",
    .opts = opts,
    .nopts = ARRAY_LEN(opts),
    .min_args = 1,
    .max_args = 1,
};

static double finite_or(double v, double alt) { return isfinite(v) ? v : alt; }

int gctrace_main(int argc, char **argv);
int gctrace_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int rc = opt_parse(&gctrace_spec, argc, argv, &args, &nargs);
	if (rc != OPT_OK)
		return rc == OPT_HELP ? 0 : 2;
	const char *path = args[0];
	const char *disp = strcmp(path, "-") == 0 ? "<stdin>" : path;
	LineReader r;
	const char *msg;
	if (!lr_open(&r, path, &msg)) {
		fprintf(stderr, "gomem gctrace: %s: %s\n", path, msg);
		return 2;
	}
	Vec(GcCycle) cy = {0};
	uint64_t lineno = 0, foreign = 0, malformed = 0, runs = 0, forced = 0;
	const char *line;
	size_t n;
	int status = 0;
	while (lr_next(&r, &line, &n)) {
		lineno++;
		GcCycle c;
		switch (gct_parse_line(line, n, &c)) {
		case GCT_NONE:
			foreign++;
			break;
		case GCT_MALFORMED:
			if (++malformed <= 10)
				fprintf(stderr, "%s:%llu: warning: a gc line whose fields do not parse%s\n", disp,
				        (unsigned long long)lineno, r.last_mid ? " (the log ends in the middle of it)" : "");
			break;
		case GCT_CYCLE:
			if (cy.len && (c.num <= vec_last(&cy).num || c.t < vec_last(&cy).t)) {
				runs++;
				vec_clear(&cy);
				forced = 0;
			}
			forced += c.forced;
			vec_push(&cy, c);
			break;
		}
	}
	bool rerr = r.error && !r.errmsg;
	int rerrno = r.err_no; /* lr_close clears r */
	if (r.errmsg) {
		fprintf(stderr, "%s: warning: %s; the log is cut there\n", disp, r.errmsg);
		status = 1;
	}
	lr_close(&r);
	if (rerr) {
		fprintf(stderr, "gomem gctrace: %s: read error: %s\n", disp, strerror(rerrno));
		vec_free(&cy);
		return 2;
	}
	if (malformed > 10)
		fprintf(stderr, "%s: warning: %llu malformed gc lines in all\n", disp, (unsigned long long)malformed);
	if (malformed)
		status = 1;
	if (runs)
		fprintf(stderr, "%s: warning: the log holds %llu runs (the GC numbers start again); analysing the last\n",
		        disp, (unsigned long long)runs + 1);
	if (cy.len == 0) {
		fprintf(stderr,
		        "gomem gctrace: %s: no gctrace lines found (expected lines like 'gc 1 @0.012s 2%%: ... 4->4->1 MB, "
		        "5 MB goal, ...' from GODEBUG=gctrace=1)\n",
		        disp);
		vec_free(&cy);
		return 1;
	}
	GctFit fit = gct_fit(cy.data, cy.len);
	double dur = cy.data[cy.len - 1].t - cy.data[0].t;
	if (svg_path) {
		FILE *f = fopen(svg_path, "w");
		if (!f) {
			fprintf(stderr, "gomem gctrace: %s: cannot write: %s\n", svg_path, strerror(errno));
			vec_free(&cy);
			return 2;
		}
		gct_write_svg(f, cy.data, cy.len, &fit, disp);
		if (fclose(f) != 0) {
			fprintf(stderr, "gomem gctrace: %s: write error\n", svg_path);
			vec_free(&cy);
			return 2;
		}
	}
	const GcCycle *first = &cy.data[0], *last = &vec_last(&cy);
	double maxlive = 0;
	for (size_t i = 0; i < cy.len; i++)
		if (cy.data[i].live_mb > maxlive)
			maxlive = cy.data[i].live_mb;
	if (json_out) {
		JsonW w;
		json_init(&w, stdout, false);
		json_begin_object(&w);
		json_key(&w, "cycles");
		json_uint(&w, cy.len);
		json_key(&w, "duration_s");
		json_double(&w, round(dur * 1000) / 1000);
		json_key(&w, "slope_mb_per_min");
		json_double(&w, round(fit.slope * 60 * 10000) / 10000);
		json_key(&w, "verdict");
		json_string(&w, gct_verdict_name(fit.verdict));
		json_key(&w, "why");
		json_string(&w, fit.why);
		json_key(&w, "fit_cycles");
		json_uint(&w, fit.n);
		json_key(&w, "warmup_s");
		json_double(&w, round(fit.warmup_s * 1000) / 1000);
		json_key(&w, "r2");
		json_double(&w, round(fit.r2 * 10000) / 10000);
		json_key(&w, "t_stat");
		json_double(&w, round(finite_or(fit.tstat, 1e9) * 100) / 100);
		json_key(&w, "late_slope_mb_per_min");
		json_double(&w, round(fit.late_slope * 60 * 10000) / 10000);
		json_key(&w, "live_mb_first");
		json_double(&w, first->live_mb);
		json_key(&w, "live_mb_last");
		json_double(&w, last->live_mb);
		json_key(&w, "live_mb_max");
		json_double(&w, maxlive);
		json_key(&w, "forced_cycles");
		json_uint(&w, forced);
		json_key(&w, "foreign_lines");
		json_uint(&w, foreign);
		json_key(&w, "malformed_lines");
		json_uint(&w, malformed);
		json_key(&w, "runs");
		json_uint(&w, runs + 1);
		json_end_object(&w);
		json_finish(&w);
	} else {
		char d1[32], d2[32], d3[32];
		printf("%s: %zu GC cycles over %s (gc %llu to %llu", disp, cy.len, gct_duration(d1, sizeof d1, dur), (unsigned long long)first->num,
		       (unsigned long long)last->num);
		if (foreign)
			printf("; %llu other lines skipped", (unsigned long long)foreign);
		printf(")\n");
		printf("live heap after GC: %.0f MB at %.1f s, %.0f MB at %s, peak %.0f MB\n", first->live_mb, first->t,
		       last->live_mb, gct_duration(d3, sizeof d3, last->t), maxlive);
		if (fit.verdict != GCT_UNKNOWN)
			printf("trend: %+.2f MB/min (least squares over %zu cycles after a %s warm-up; r2 %.2f)\n",
			       fit.slope * 60, fit.n, gct_duration(d2, sizeof d2, fit.warmup_s), fit.r2);
		if (fit.verdict == GCT_GROWING)
			printf("verdict: growing, %.2f MB/min (%.1f MB/hour): %s\n", fit.slope * 60, fit.slope * 3600, fit.why);
		else
			printf("verdict: %s: %s\n", gct_verdict_name(fit.verdict), fit.why);
		if (svg_path)
			printf("chart: %s\n", svg_path);
	}
	if (fit.verdict != GCT_STEADY)
		status = 1;
	vec_free(&cy);
	return status;
}
