/*
 * gomem goroutines: groups a goroutine dump by stack and flags the buckets that look leaked.
 *
 * The input is streamed (linereader + gdump's line parser): only the buckets are held, so a
 * dump of millions of goroutines runs in memory bounded by its distinct stacks. The debug=0
 * protobuf form is recognised by its gzip magic and decoded by the shared pprof decoder
 * (gd_from_pprof in gdump_pprof.c).
 */
#include "base/opt.h"
#include "profile/gdump.h"
#include "profile/json.h"
#include "profile/linereader.h"

#include <stdlib.h>
#include <string.h>

static bool json_out;
static long min_count = 10;
static double min_wait = 10 * 60;
static long top = 0;

static const Opt opts[] = {
    {"json", OPT_BOOL, &json_out, NULL, "print JSON instead of text"},
    {"min-count", OPT_INT, &min_count, "N", "a blocked stack shared by at least N goroutines is a suspect (default 10)"},
    {"min-wait", OPT_DURATION, &min_wait, "DUR", "so is one blocked for at least DUR (default 10m; the dump gives minutes)"},
    {"top", OPT_INT, &top, "N", "text output: show only the N largest buckets (default all)"},
};

const CmdSpec goroutines_spec = {
    .name = "goroutines",
    .usage = "[-json] [-min-count N] [-min-wait DUR] [-top N] DUMP|-",
    .summary = "group a goroutine dump by stack and flag goroutines that look leaked",
    .details =
        "DUMP is a goroutine dump in any form Go 1.19 to 1.26 writes: /debug/pprof/goroutine?debug=2\n"
        "(the same text a panic, a fatal error or SIGQUIT prints; other lines around it are skipped),\n"
        "?debug=1, or the ?debug=0 protobuf profile (also the goroutineleak profile of Go 1.26, whose\n"
        "goroutines are marked leaked). Any of them may be gzip-compressed. '-' reads standard input.\n\n"
        "Goroutines with the same stack, state and creator form one bucket, largest first. A bucket is\n"
        "a leak suspect when its goroutines are blocked on a channel, a select, a lock, a WaitGroup or a\n"
        "condition, outside the runtime's own goroutines and the main goroutine, and there are at least\n"
        "-min-count of them or they have waited at least -min-wait, or they can never wake up (nil\n"
        "channel, empty select), or the garbage collector marked them leaked.\n\n"
        "Exit status: 0 no suspect, 1 suspects found or a malformed dump, 2 usage or I/O errors.\n",
    .opts = opts,
    .nopts = ARRAY_LEN(opts),
    .min_args = 1,
    .max_args = 1,
};

static void json_frame(JsonW *w, const GdFrame *f)
{
	json_begin_object(w);
	json_key(w, "function");
	json_string(w, f->func->s);
	json_key(w, "file");
	json_string(w, f->file ? f->file->s : NULL);
	json_key(w, "line");
	json_uint(w, f->line);
	json_end_object(w);
}

static void print_json(GdDump *d, FILE *out)
{
	size_t nsus = 0;
	for (size_t i = 0; i < gd_nbuckets(d); i++)
		nsus += gd_bucket(d, i)->suspect;
	JsonW w;
	json_init(&w, out, false);
	json_begin_object(&w);
	json_key(&w, "total");
	json_uint(&w, gd_total(d));
	json_key(&w, "form");
	json_string(&w, gd_form_name(gd_form(d)));
	json_key(&w, "suspects");
	json_uint(&w, nsus);
	json_key(&w, "buckets");
	json_begin_array(&w);
	for (size_t i = 0; i < gd_nbuckets(d); i++) {
		GdBucket *b = gd_bucket(d, i);
		json_begin_object(&w);
		json_key(&w, "count");
		json_uint(&w, b->count);
		json_key(&w, "state");
		json_string(&w, b->state ? b->state->s : NULL);
		json_key(&w, "state_inferred");
		json_bool(&w, b->state_inferred);
		json_key(&w, "leaked");
		json_bool(&w, b->leaked);
		json_key(&w, "wait_minutes_max");
		if (b->has_wait)
			json_uint(&w, b->wait_max);
		else if (gd_form(d) == GD_FORM_TRACEBACK)
			json_uint(&w, 0); /* the traceback form omits waits under a minute */
		else
			json_null(&w);
		json_key(&w, "suspect");
		json_bool(&w, b->suspect);
		json_key(&w, "why");
		json_string(&w, b->why);
		json_key(&w, "stack");
		json_begin_array(&w);
		for (uint32_t k = 0; k < b->nframes; k++)
			json_frame(&w, &b->frames[k]);
		json_end_array(&w);
		json_key(&w, "created_by");
		if (b->has_creator)
			json_frame(&w, &b->creator);
		else
			json_null(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "warnings");
	json_begin_array(&w);
	for (size_t i = 0; i < gd_nwarns(d); i++) {
		const GdWarn *wn = gd_warn(d, i);
		json_begin_object(&w);
		json_key(&w, "line");
		json_uint(&w, wn->line);
		json_key(&w, "message");
		json_string(&w, wn->msg);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

static void print_text(GdDump *d, const char *path, FILE *out)
{
	size_t nsus = 0;
	uint64_t gsus = 0;
	for (size_t i = 0; i < gd_nbuckets(d); i++)
		if (gd_bucket(d, i)->suspect) {
			nsus++;
			gsus += gd_bucket(d, i)->count;
		}
	unsigned long long total = (unsigned long long)gd_total(d);
	fprintf(out, "%s: %llu goroutine%s (%s), %zu stack%s", path, total, total == 1 ? "" : "s",
	        gd_form_name(gd_form(d)), gd_nbuckets(d), gd_nbuckets(d) == 1 ? "" : "s");
	if (nsus)
		fprintf(out, "; %zu leak suspect%s holding %llu goroutine%s\n", nsus, nsus == 1 ? "" : "s",
		        (unsigned long long)gsus, gsus == 1 ? "" : "s");
	else
		fputs("; no leak suspect\n", out);
	size_t n = gd_nbuckets(d);
	if (top > 0 && (size_t)top < n)
		n = (size_t)top;
	for (size_t i = 0; i < n; i++) {
		GdBucket *b = gd_bucket(d, i);
		fprintf(out, "\n%llu goroutine%s [%s", (unsigned long long)b->count, b->count == 1 ? "" : "s",
		        b->state ? b->state->s : "state unknown");
		if (b->state_inferred)
			fputs(" (from the stack)", out);
		if (b->leaked)
			fputs(", leaked", out);
		if (b->has_wait && b->wait_max > 0) {
			if (b->wait_min != b->wait_max)
				fprintf(out, ", %llu-%llu minutes", (unsigned long long)b->wait_min, (unsigned long long)b->wait_max);
			else
				fprintf(out, ", %llu minutes", (unsigned long long)b->wait_max);
		}
		fputc(']', out);
		if (b->suspect)
			fputs("  LEAK SUSPECT", out);
		fputc('\n', out);
		if (b->suspect && b->why)
			fprintf(out, "  %s\n", b->why);
		for (uint32_t k = 0; k < b->nframes; k++) {
			fprintf(out, "    %s\n", b->frames[k].func->s);
			if (b->frames[k].file)
				fprintf(out, "        %s:%u\n", b->frames[k].file->s, b->frames[k].line);
		}
		if (b->has_creator) {
			fprintf(out, "  created by %s\n", b->creator.func->s);
			if (b->creator.file)
				fprintf(out, "        %s:%u\n", b->creator.file->s, b->creator.line);
		}
	}
	if (n < gd_nbuckets(d))
		fprintf(out, "\n... %zu more bucket%s (-top 0 shows all)\n", gd_nbuckets(d) - n,
		        gd_nbuckets(d) - n == 1 ? "" : "s");
}

int goroutines_main(int argc, char **argv);
int goroutines_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int rc = opt_parse(&goroutines_spec, argc, argv, &args, &nargs);
	if (rc != OPT_OK)
		return rc == OPT_HELP ? 0 : 2;
	if (min_count < 1 || min_wait < 0 || top < 0) {
		fprintf(stderr, "gomem goroutines: -min-count must be at least 1, -min-wait and -top not negative\n");
		return 2;
	}
	const char *path = args[0];
	const char *disp = strcmp(path, "-") == 0 ? "<stdin>" : path;
	LineReader r;
	const char *msg;
	if (!lr_open(&r, path, &msg)) {
		fprintf(stderr, "gomem goroutines: %s: %s\n", path, msg);
		return 2;
	}
	GdOptions o = {(uint64_t)min_count, (uint64_t)((min_wait + 59.999) / 60)};
	if (min_wait > 0 && o.min_wait == 0)
		o.min_wait = 1;
	GdDump *d = gd_new(&o);
	int status = 0;
	char *err = NULL;
	if (!gd_read(d, &r, &err)) {
		fprintf(stderr, "gomem goroutines: %s: %s\n", disp, err ? err : "cannot decode the profile");
		free(err);
		gd_free(d);
		lr_close(&r);
		return 1;
	}
	if (r.error && !r.errmsg) {
		fprintf(stderr, "gomem goroutines: %s: read error: %s\n", disp, strerror(r.err_no));
		gd_free(d);
		lr_close(&r);
		return 2;
	}
	if (r.errmsg) {
		/* a damaged gzip stream: report what was read before the damage */
		fprintf(stderr, "%s: warning: %s; the dump is cut there\n", disp, r.errmsg);
		status = 1;
	}
	if (r.long_lines)
		fprintf(stderr, "%s: warning: %llu line%s longer than %d bytes were cut\n", disp,
		        (unsigned long long)r.long_lines, r.long_lines == 1 ? "" : "s", LR_MAX_LINE);
	lr_close(&r);
	if (gd_total(d) == 0 && gd_nbuckets(d) == 0) {
		fprintf(stderr,
		        "gomem goroutines: %s: no goroutine dump found (expected 'goroutine N [state]:' blocks, "
		        "a 'goroutine profile: total N' header or a gzip-compressed pprof profile)\n",
		        disp);
		gd_free(d);
		return 1;
	}
	gd_finish(d);
	for (size_t i = 0; i < gd_nwarns(d); i++) {
		const GdWarn *w = gd_warn(d, i);
		if (w->line)
			fprintf(stderr, "%s:%llu: warning: %s\n", disp, (unsigned long long)w->line, w->msg);
		else
			fprintf(stderr, "%s: warning: %s\n", disp, w->msg);
		status = 1;
	}
	if (json_out)
		print_json(d, stdout);
	else
		print_text(d, disp, stdout);
	for (size_t i = 0; i < gd_nbuckets(d); i++)
		if (gd_bucket(d, i)->suspect)
			status = 1;
	gd_free(d);
	if (fflush(stdout) != 0)
		return 2;
	return status;
}
