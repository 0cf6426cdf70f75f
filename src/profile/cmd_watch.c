/*
 * gomem watch [--json] [--interval DUR] [--duration DUR] [--timeout DUR] URL
 *
 * Samples a live service's /debug/pprof/heap and /debug/pprof/goroutine every interval for
 * the duration (samples at 0, interval, 2×interval, ... up to the duration), then reports
 * the functions whose in-use memory kept growing, how the goroutine count moved, and a
 * verdict. Progress goes to standard error when it is a terminal; Ctrl-C stops sampling
 * early and reports what was gathered. Exit status: 0 stable, 1 growth found, 2 usage or
 * fetch errors.
 */
#include "base/opt.h"
#include "json.h"
#include "watch.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool json_out;
static double interval = 2, duration = 20, timeout = 10;
static long min_growth = 16384;

static const Opt watch_opts[] = {
    {"json", OPT_BOOL, &json_out, NULL, "print the result as JSON"},
    {"interval", OPT_DURATION, &interval, "DUR", "time between samples (default 2s)"},
    {"duration", OPT_DURATION, &duration, "DUR", "how long to sample (default 20s)"},
    {"timeout", OPT_DURATION, &timeout, "DUR", "limit for each HTTP request (default 10s)"},
    {"min-growth", OPT_INT, &min_growth, "BYTES", "ignore functions that grew less than BYTES (default 16384)"},
};

const CmdSpec watch_spec = {
    .name = "watch",
    .usage = "[-json] [-interval DUR] [-duration DUR] [-timeout DUR] [-min-growth BYTES] URL",
    .summary = "sample a live service's /debug/pprof and report what keeps growing",
    .details = "URL is the service's address (http://host:port) where net/http/pprof is served; a path\n"
               "ending in /debug/pprof/... is accepted too. Each sample fetches /debug/pprof/heap?gc=1\n"
               "(the service runs a garbage collection first, so in-use figures are current) and\n"
               "/debug/pprof/goroutine. A function keeps growing when its in-use bytes end above where\n"
               "they started (by at least --min-growth), rose in at least half of the intervals and fell\n"
               "in at most a quarter (a step counts when it moves by more than --min-growth/steps).\n"
               "JSON: {\"samples\", \"growing\": [{\"function\", \"growth_bytes\"}], \"goroutines\": {\"first\",\n"
               "\"last\"}, \"verdict\"}; the verdict is one of stable, heap-growing, goroutines-growing,\n"
               "heap-and-goroutines-growing.\n"
               "Exit status: 0 stable, 1 growth found, 2 usage errors or a service that cannot be sampled.\n",
    .opts = watch_opts,
    .nopts = ARRAY_LEN(watch_opts),
    .min_args = 1,
    .max_args = 1,
};

static volatile sig_atomic_t interrupted;
static void on_sigint(int sig) { (void)sig; interrupted = 1; }

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
	while (!interrupted) {
		double d = t - now();
		if (d <= 0)
			return;
		struct timespec ts = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
		if (nanosleep(&ts, NULL) == 0)
			return;
		if (errno != EINTR)
			return;
	}
}

static int64_t sum_values(const Profile *p, int ti)
{
	uint64_t t = 0;
	for (size_t i = 0; i < p->nsamples; i++)
		t += (uint64_t)p->samples[i].values[ti];
	return (int64_t)t;
}

int watch_main(int argc, char **argv);
int watch_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int rc = opt_parse(&watch_spec, argc, argv, &args, &nargs);
	if (rc == OPT_HELP)
		return 0;
	if (rc != OPT_OK)
		return 2;
	if (interval <= 0 || duration < 0 || timeout <= 0 || min_growth < 0) {
		fprintf(stderr, "gomem watch: --interval and --timeout must be positive, --duration and --min-growth "
		                "not negative\n");
		return 2;
	}
	char *err = NULL;
	WatchHttp *h = watch_http_new(args[0], timeout, &err);
	if (!h) {
		fprintf(stderr, "gomem watch: %s\n", err);
		free(err);
		return 2;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);

	bool progress = isatty(STDERR_FILENO);
	size_t want = (size_t)(duration / interval + 1e-9) + 1;
	WatchSeries *series = watch_series_new();
	Vec(int64_t) heap = {0};
	Vec(int64_t) gor = {0};
	const char *heap_unit = "bytes";
	double start = now();
	int status = 0;
	for (size_t k = 0; k < want && !interrupted; k++) {
		if (k > 0)
			sleep_until(start + (double)k * interval);
		if (interrupted)
			break;
		Profile hp, gp;
		if (!watch_fetch_profile(h, "/debug/pprof/heap?gc=1", &hp, &err)) {
			status = 2;
			break;
		}
		int ti = prof_type_index(&hp, "inuse_space");
		if (ti < 0) {
			err = xasprintf("%s/debug/pprof/heap: the profile has no inuse_space samples (not a heap profile)", args[0]);
			prof_free(&hp);
			status = 2;
			break;
		}
		if (!watch_fetch_profile(h, "/debug/pprof/goroutine", &gp, &err)) {
			prof_free(&hp);
			status = 2;
			break;
		}
		if (gp.ntypes == 0 || strcmp(gp.types[0].type, "goroutine") != 0) {
			err = xasprintf("%s/debug/pprof/goroutine: not a goroutine profile", args[0]);
			prof_free(&hp);
			prof_free(&gp);
			status = 2;
			break;
		}
		watch_series_add(series, &hp, ti);
		vec_push(&heap, sum_values(&hp, ti));
		prof_free(&hp);
		vec_push(&gor, sum_values(&gp, 0));
		prof_free(&gp);
		if (progress) {
			char b[64];
			fprintf(stderr, "\rgomem watch: sample %zu/%zu  heap in use %s  goroutines %lld   ", k + 1, want,
			        prof_scaled_label(vec_last(&heap), heap_unit, b, sizeof b), (long long)vec_last(&gor));
			fflush(stderr);
		}
	}
	if (progress)
		fputs("\r\033[K", stderr); /* clear the progress line */
	if (status == 2) {
		fprintf(stderr, "gomem watch: %s\n", err);
		free(err);
		if (gor.len < 2) {
			watch_series_free(series);
			watch_http_free(h);
			vec_free(&heap);
			vec_free(&gor);
			return 2;
		}
		fprintf(stderr, "gomem watch: reporting the %zu samples taken before the error\n", gor.len);
	}
	size_t n = gor.len; /* complete samples */
	size_t ng = 0;
	WatchGrowth *grow = NULL;
	if (n >= 2)
		grow = watch_series_growing(series, min_growth, &ng);
	bool heap_up = ng > 0 && n >= 2 && heap.data[n - 1] > heap.data[0];
	bool gor_up = n >= 2 && watch_trend_growing(gor.data, n, 0);
	const char *verdict = heap_up && gor_up ? "heap-and-goroutines-growing"
	                      : heap_up         ? "heap-growing"
	                      : gor_up          ? "goroutines-growing"
	                      : n < 2           ? "too-few-samples"
	                                        : "stable";
	if (json_out) {
		JsonW w;
		json_init(&w, stdout, false);
		json_begin_object(&w);
		json_key(&w, "samples");
		json_uint(&w, n);
		json_key(&w, "interval_seconds");
		json_double(&w, interval);
		json_key(&w, "growing");
		json_begin_array(&w);
		for (size_t i = 0; i < ng; i++) {
			json_begin_object(&w);
			json_key(&w, "function");
			json_string(&w, grow[i].function);
			json_key(&w, "growth_bytes");
			json_int(&w, grow[i].growth);
			json_key(&w, "first_bytes");
			json_int(&w, grow[i].first);
			json_key(&w, "last_bytes");
			json_int(&w, grow[i].last);
			json_end_object(&w);
		}
		json_end_array(&w);
		json_key(&w, "heap");
		json_begin_object(&w);
		json_key(&w, "first");
		json_int(&w, n ? heap.data[0] : 0);
		json_key(&w, "last");
		json_int(&w, n ? heap.data[n - 1] : 0);
		json_end_object(&w);
		json_key(&w, "goroutines");
		json_begin_object(&w);
		json_key(&w, "first");
		json_int(&w, n ? gor.data[0] : 0);
		json_key(&w, "last");
		json_int(&w, n ? gor.data[n - 1] : 0);
		json_key(&w, "series");
		json_begin_array(&w);
		for (size_t i = 0; i < n; i++)
			json_int(&w, gor.data[i]);
		json_end_array(&w);
		json_end_object(&w);
		json_key(&w, "verdict");
		json_string(&w, verdict);
		json_end_object(&w);
		json_finish(&w);
	} else {
		char a[64], b[64], c[64];
		printf("Samples: %zu, every %gs, from %s\n", n, interval, args[0]);
		if (n) {
			int64_t d = heap.data[n - 1] - heap.data[0];
			printf("Heap in use: %s -> %s (%s%s)\n", prof_scaled_label(heap.data[0], heap_unit, a, sizeof a),
			       prof_scaled_label(heap.data[n - 1], heap_unit, b, sizeof b), d > 0 ? "+" : "",
			       prof_scaled_label(d, heap_unit, c, sizeof c));
			printf("Goroutines: %lld -> %lld (%+lld)\n", (long long)gor.data[0], (long long)gor.data[n - 1],
			       (long long)(gor.data[n - 1] - gor.data[0]));
		}
		if (ng) {
			int w = 6;
			for (size_t i = 0; i < ng; i++) {
				int l = (int)strlen(prof_scaled_label(grow[i].growth, heap_unit, a, sizeof a)) + 1;
				if (l > w) w = l;
			}
			printf("\nFunctions whose in-use memory keeps growing:\n");
			printf("  %*s  %s\n", w, "growth", "function");
			for (size_t i = 0; i < ng; i++) {
				char g[72];
				snprintf(g, sizeof g, "+%s", prof_scaled_label(grow[i].growth, heap_unit, a, sizeof a));
				printf("  %*s  %s\n", w, g, grow[i].function);
			}
		}
		printf("\nVerdict: %s\n", verdict);
	}
	watch_series_free(series);
	watch_http_free(h);
	vec_free(&heap);
	vec_free(&gor);
	fflush(stdout);
	if (status)
		return status;
	return heap_up || gor_up ? 1 : 0;
}
