/*
 * watch: HTTP fetching (libcurl) and the growth analysis behind `gomem watch` (see
 * watch.h). The response body is collected into a buffer capped at WATCH_MAX_BODY; the
 * profile decoder does the rest, so a body that is HTML, truncated or garbage is an error
 * with the decoder's message.
 */
#include "watch.h"

#include "heapdiff.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#define WATCH_MAX_BODY ((size_t)256 << 20)

struct WatchHttp {
	CURL *curl;
	char *base;
	double timeout;
	char errbuf[CURL_ERROR_SIZE];
};

typedef struct Body {
	Vec(uint8_t) buf;
	bool too_big;
} Body;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *user)
{
	Body *b = user;
	size_t n = size * nmemb;
	if (b->buf.len + n > WATCH_MAX_BODY) {
		b->too_big = true;
		return 0; /* aborts the transfer */
	}
	vec_grow_to(&b->buf, b->buf.len + n);
	memcpy(b->buf.data + b->buf.len, ptr, n);
	b->buf.len += n;
	return n;
}

WatchHttp *watch_http_new(const char *base, double timeout, char **err)
{
	static bool inited;
	if (!inited) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			*err = xstrdup("cannot initialise libcurl");
			return NULL;
		}
		inited = true;
	}
	if (strncmp(base, "http://", 7) != 0 && strncmp(base, "https://", 8) != 0) {
		*err = xasprintf("%s: not an http:// or https:// URL", base);
		return NULL;
	}
	WatchHttp *h = xcalloc(1, sizeof *h);
	h->base = xstrdup(base);
	char *cut = strstr(h->base, "/debug/pprof");
	if (cut)
		*cut = 0;
	size_t l = strlen(h->base);
	while (l > 0 && h->base[l - 1] == '/')
		h->base[--l] = 0;
	h->timeout = timeout;
	h->curl = curl_easy_init();
	if (!h->curl) {
		*err = xstrdup("cannot create a libcurl handle");
		watch_http_free(h);
		return NULL;
	}
	return h;
}

void watch_http_free(WatchHttp *h)
{
	if (!h)
		return;
	if (h->curl)
		curl_easy_cleanup(h->curl);
	free(h->base);
	free(h);
}

bool watch_fetch_profile(WatchHttp *h, const char *path, Profile *p, char **err)
{
	char *url = xasprintf("%s%s", h->base, path);
	Body body = {0};
	CURL *c = h->curl;
	curl_easy_reset(c);
	long ms = (long)(h->timeout * 1000);
	if (ms < 1)
		ms = 1;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, ms);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)WATCH_MAX_BODY);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "gomem-watch/" GOMEM_VERSION);
	h->errbuf[0] = 0;
	CURLcode rc = curl_easy_perform(c);
	bool ok = false;
	if (rc != CURLE_OK) {
		if (body.too_big)
			*err = xasprintf("%s: response larger than %zu bytes", url, WATCH_MAX_BODY);
		else
			*err = xasprintf("%s: %s", url, h->errbuf[0] ? h->errbuf : curl_easy_strerror(rc));
		goto out;
	}
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200) {
		size_t n = body.buf.len < 120 ? body.buf.len : 120;
		char snippet[128];
		size_t k = 0;
		for (size_t i = 0; i < n && k < sizeof snippet - 1; i++) {
			uint8_t ch = body.buf.data[i];
			if (ch == '\n' || ch == '\r')
				break;
			snippet[k++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
		}
		snippet[k] = 0;
		*err = xasprintf("%s: HTTP status %ld%s%s (is net/http/pprof served there?)", url, status, k ? ": " : "", snippet);
		goto out;
	}
	char *perr = NULL;
	if (!prof_parse(p, body.buf.data ? body.buf.data : (const uint8_t *)"", body.buf.len, NULL, &perr)) {
		*err = xasprintf("%s: the response is not a profile: %s", url, perr);
		free(perr);
		goto out;
	}
	ok = true;
out:
	vec_free(&body.buf);
	free(url);
	return ok;
}

/* ---- growth analysis ---- */

typedef struct Series1 {
	const char *name;
	Vec(int64_t) v; /* one value per sample (0 before the function first appeared) */
} Series1;

struct WatchSeries {
	Interner names;
	Map index; /* Name* -> index + 1 */
	Vec(Series1) fns;
	size_t nsamples;
	Vec(WatchGrowth) out;
};

WatchSeries *watch_series_new(void)
{
	WatchSeries *s = xcalloc(1, sizeof *s);
	intern_init(&s->names);
	map_init(&s->index);
	return s;
}

void watch_series_free(WatchSeries *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->fns.len; i++)
		vec_free(&s->fns.data[i].v);
	vec_free(&s->fns);
	vec_free(&s->out);
	map_free(&s->index);
	intern_free(&s->names);
	free(s);
}

size_t watch_series_len(const WatchSeries *s) { return s->nsamples; }

void watch_series_add(WatchSeries *s, const Profile *p, int ti)
{
	ProfAgg g;
	prof_agg_init(&g);
	prof_agg_add(&g, p, ti, +1);
	size_t k = s->nsamples++;
	for (size_t i = 0; i < g.funcs.len; i++) {
		HdFunc *f = &g.funcs.data[i];
		Name *nm = intern_cstr(&s->names, f->name);
		uintptr_t j = (uintptr_t)map_get(&s->index, (uintptr_t)nm);
		if (!j) {
			Series1 ns = {nm->s, {0}};
			vec_push(&s->fns, ns);
			j = s->fns.len;
			map_put(&s->index, (uintptr_t)nm, (void *)j);
		}
		Series1 *se = &s->fns.data[j - 1];
		while (se->v.len < k)
			vec_push(&se->v, 0);
		vec_push(&se->v, f->flat);
	}
	for (size_t i = 0; i < s->fns.len; i++) /* functions absent from this sample: 0 */
		while (s->fns.data[i].v.len < s->nsamples)
			vec_push(&s->fns.data[i].v, 0);
	prof_agg_free(&g);
}

bool watch_trend_growing(const int64_t *v, size_t n, int64_t min_step)
{
	if (n < 2 || v[n - 1] <= v[0])
		return false;
	size_t up = 0, down = 0, steps = n - 1;
	for (size_t i = 1; i < n; i++) {
		if (v[i] - v[i - 1] > min_step)
			up++;
		else if (v[i - 1] - v[i] > min_step)
			down++;
	}
	return up * 2 >= steps && down * 4 <= steps;
}

static int cmp_growth(const void *a, const void *b)
{
	const WatchGrowth *x = a, *y = b;
	if (x->growth != y->growth)
		return x->growth > y->growth ? -1 : 1;
	return strcmp(x->function, y->function);
}

WatchGrowth *watch_series_growing(WatchSeries *s, int64_t min_growth, size_t *n)
{
	vec_clear(&s->out);
	for (size_t i = 0; i < s->fns.len; i++) {
		Series1 *se = &s->fns.data[i];
		int64_t min_step = se->v.len > 1 ? min_growth / (int64_t)(se->v.len - 1) : 0;
		if (!watch_trend_growing(se->v.data, se->v.len, min_step) ||
		    se->v.data[se->v.len - 1] - se->v.data[0] < min_growth)
			continue;
		WatchGrowth g = {se->name, se->v.data[se->v.len - 1] - se->v.data[0], se->v.data[0], se->v.data[se->v.len - 1]};
		vec_push(&s->out, g);
	}
	if (s->out.len)
		qsort(s->out.data, s->out.len, sizeof *s->out.data, cmp_growth);
	*n = s->out.len;
	return s->out.data;
}
