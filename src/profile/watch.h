/*
 * watch: samples a live Go service's net/http/pprof endpoints over HTTP (libcurl) and
 * judges what grows: the functions whose in-use heap rises across the samples, and the
 * goroutine count.
 *
 * Each sample fetches BASE/debug/pprof/heap?gc=1 (the service runs a collection first, so
 * in-use figures are current) and BASE/debug/pprof/goroutine (protobuf; the count is the
 * sum of its samples). One connection is reused for every request. Every transfer has a
 * connect and a total timeout and a size cap; HTTP errors, transport errors and bodies
 * that are not profiles are reported as errors, never trusted.
 */
#ifndef GOMEM_PROFILE_WATCH_H
#define GOMEM_PROFILE_WATCH_H

#include "pprof.h"

typedef struct WatchHttp WatchHttp;

/* base: the service URL, e.g. http://127.0.0.1:6060 (a path from /debug/pprof on is cut).
 * timeout: seconds per request. */
WatchHttp *watch_http_new(const char *base, double timeout, char **err);
void watch_http_free(WatchHttp *h);
/* Fetches BASE + path and decodes it as a profile. */
bool watch_fetch_profile(WatchHttp *h, const char *path, Profile *p, char **err);

typedef struct WatchGrowth {
	const char *function;
	int64_t growth; /* bytes, last sample minus first */
	int64_t first, last;
} WatchGrowth;

/* Per-function in-use bytes over the samples; a function "keeps growing" when its last
 * figure is above its first by at least the noise floor, it rose in at least half of the
 * steps and fell in at most a quarter of them. */
typedef struct WatchSeries WatchSeries;
WatchSeries *watch_series_new(void);
void watch_series_free(WatchSeries *s);
/* Adds one heap sample (flat in-use bytes per function of p at sample type ti). */
void watch_series_add(WatchSeries *s, const Profile *p, int ti);
size_t watch_series_len(const WatchSeries *s);
/* The growing functions whose growth is at least min_growth bytes (the noise floor: pools
 * and caches of the runtime and net/http move by a few hundred bytes), largest growth
 * first (array valid until the series is freed). */
WatchGrowth *watch_series_growing(WatchSeries *s, int64_t min_growth, size_t *n);
/* True when the values rose overall and in at least half of the steps, falling in at most
 * a quarter of them; a step counts as a rise or a fall only when it moves by more than
 * min_step (watch uses min_growth / steps for bytes: a leak reaching the noise floor at a
 * steady rate moves at least that much per step; 0 for goroutine counts). */
bool watch_trend_growing(const int64_t *v, size_t n, int64_t min_step);

#endif
