/*
 * gctrace: parsing GODEBUG=gctrace=1 lines and fitting the live-heap trend (see gctrace.h).
 *
 * The fit. The live heap after each cycle (the third "A->B->C MB" figure) is fitted against
 * time by ordinary least squares, after leaving out a warm-up: the first 20% of the log's
 * duration. Time rather than a number of cycles, because a starting program collects often
 * (its heap goal is a few MB), so its first cycles crowd into a short while in which caches,
 * pools and buffers fill; dropping N cycles would drop almost no time. At least 5 cycles are
 * kept (all of them if the log has fewer).
 *
 * The verdict is "growing" when all of these hold:
 *   - the slope is positive and significant: slope / standard error >= 3;
 *   - the fitted rise over the fitted span is at least 1 MB (the log's resolution: gctrace
 *     truncates to whole MB) and at least 5% of the mean live heap;
 *   - the heap still grows in the second half of the fitted span (its own slope is at least
 *     a third of the overall one), so a heap that rose early and then levelled off is steady.
 * Otherwise "steady". Fewer than 3 cycles, or no time between them: "unknown".
 */
#include "profile/gctrace.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool digit(char c) { return c >= '0' && c <= '9'; }

/* A non-negative decimal with optional fraction at s[*i..n). */
static bool num(const char *s, size_t n, size_t *i, double *v)
{
	size_t j = *i;
	double x = 0;
	if (j >= n || !digit(s[j]))
		return false;
	while (j < n && digit(s[j])) {
		x = x * 10 + (s[j] - '0');
		j++;
	}
	if (j + 1 < n && s[j] == '.' && digit(s[j + 1])) {
		double f = 0.1;
		j++;
		while (j < n && digit(s[j])) {
			x += (s[j] - '0') * f;
			f /= 10;
			j++;
		}
	}
	*i = j;
	*v = x;
	return true;
}

static bool lit(const char *s, size_t n, size_t *i, const char *p)
{
	size_t k = strlen(p);
	if (*i + k > n || memcmp(s + *i, p, k) != 0)
		return false;
	*i += k;
	return true;
}

/* "gc N @T": where a gc line starts in s, or n when none does. */
static size_t find_start(const char *s, size_t n, size_t from)
{
	for (size_t p = from; p + 6 <= n; p++) {
		const char *q = memchr(s + p, 'g', n - p);
		if (!q)
			return n;
		p = (size_t)(q - s);
		if (p + 6 > n)
			return n;
		if (s[p + 1] != 'c' || s[p + 2] != ' ' || !digit(s[p + 3]))
			continue;
		if (p > 0 && ((s[p - 1] >= 'a' && s[p - 1] <= 'z') || (s[p - 1] >= 'A' && s[p - 1] <= 'Z') || s[p - 1] == '_'))
			continue;
		size_t j = p + 3;
		while (j < n && digit(s[j]))
			j++;
		if (j + 2 <= n && s[j] == ' ' && s[j + 1] == '@')
			return p;
	}
	return n;
}

GctLine gct_parse_line(const char *s, size_t n, GcCycle *c)
{
	size_t p = find_start(s, n, 0);
	if (p >= n)
		return GCT_NONE;
	GcCycle cy = {0};
	cy.goal_mb = -1;
	size_t i = p + 3;
	double v;
	size_t d0 = i;
	uint64_t gcn = 0;
	while (i < n && digit(s[i])) {
		if (gcn > (UINT64_MAX - 9) / 10)
			return GCT_MALFORMED;
		gcn = gcn * 10 + (uint64_t)(s[i] - '0');
		i++;
	}
	if (i == d0)
		return GCT_MALFORMED;
	cy.num = gcn;
	if (!lit(s, n, &i, " @") || !num(s, n, &i, &cy.t) || !lit(s, n, &i, "s "))
		return GCT_MALFORMED;
	/* the heap figures: the first "A->B->C MB" after the clock and cpu times */
	const char *arrow = NULL;
	for (size_t k = i; k + 2 <= n; k++)
		if (s[k] == '-' && s[k + 1] == '>') {
			arrow = s + k;
			break;
		}
	if (!arrow)
		return GCT_MALFORMED;
	size_t a = (size_t)(arrow - s);
	while (a > i && digit(s[a - 1]))
		a--;
	size_t j = a;
	if (!num(s, n, &j, &cy.start_mb) || !lit(s, n, &j, "->") || !num(s, n, &j, &cy.end_mb) || !lit(s, n, &j, "->") ||
	    !num(s, n, &j, &cy.live_mb) || !lit(s, n, &j, " MB"))
		return GCT_MALFORMED;
	/* figures beyond any real heap or run time (an exabyte, 30 years) are not a gc line's */
	if (cy.t > 1e9 || cy.start_mb > 1e12 || cy.end_mb > 1e12 || cy.live_mb > 1e12)
		return GCT_MALFORMED;
	size_t g = j;
	if (lit(s, n, &g, ", ") && num(s, n, &g, &v) && lit(s, n, &g, " MB goal") && v <= 1e12)
		cy.goal_mb = v;
	/* "(forced)" ends the line; a later gc line on the same line is not ours to judge */
	size_t end = find_start(s, n, j);
	for (size_t k = j; k + 8 <= end; k++)
		if (memcmp(s + k, "(forced)", 8) == 0) {
			cy.forced = true;
			break;
		}
	*c = cy;
	return GCT_CYCLE;
}

const char *gct_verdict_name(GctVerdict v)
{
	switch (v) {
	case GCT_STEADY: return "steady";
	case GCT_GROWING: return "growing";
	case GCT_UNKNOWN: return "unknown";
	}
	return "unknown";
}

const char *gct_duration(char *buf, size_t n, double s)
{
	if (s >= 3 * 3600)
		snprintf(buf, n, "%.1f h", s / 3600);
	else if (s >= 600)
		snprintf(buf, n, "%.1f min", s / 60);
	else
		snprintf(buf, n, "%.1f s", s);
	return buf;
}

typedef struct Ls {
	double slope, intercept, r2, se;
	size_t n;
} Ls;

static Ls least_squares(const GcCycle *c, size_t n)
{
	Ls r = {0, 0, 0, INFINITY, n};
	if (n == 0)
		return r;
	double mt = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mt += c[i].t;
		my += c[i].live_mb;
	}
	mt /= (double)n;
	my /= (double)n;
	double sxx = 0, sxy = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		double dt = c[i].t - mt, dy = c[i].live_mb - my;
		sxx += dt * dt;
		sxy += dt * dy;
		syy += dy * dy;
	}
	r.intercept = my;
	if (sxx <= 0)
		return r;
	r.slope = sxy / sxx;
	r.intercept = my - r.slope * mt;
	double ssr = syy - r.slope * sxy;
	if (ssr < 0)
		ssr = 0;
	r.r2 = syy > 0 ? 1 - ssr / syy : 1;
	r.se = n > 2 ? sqrt(ssr / (double)(n - 2) / sxx) : INFINITY;
	return r;
}

GctFit gct_fit(const GcCycle *c, size_t n)
{
	GctFit f = {0};
	f.verdict = GCT_UNKNOWN;
	if (n < 3) {
		f.why = "fewer than 3 GC cycles: too few to tell a trend";
		f.n = n;
		return f;
	}
	double t0 = c[0].t, t1 = c[n - 1].t;
	if (!(t1 > t0)) {
		f.why = "all GC cycles at the same time: no trend to fit";
		f.n = n;
		return f;
	}
	double cut = t0 + 0.2 * (t1 - t0);
	size_t first = 0;
	while (first < n && c[first].t < cut)
		first++;
	if (n - first < 5)
		first = n > 5 ? n - 5 : 0;
	f.first = first;
	f.n = n - first;
	f.warmup_s = c[first].t - t0;
	Ls ls = least_squares(c + first, f.n);
	f.slope = ls.slope;
	f.intercept = ls.intercept;
	f.r2 = ls.r2;
	f.tstat = ls.se > 0 ? ls.slope / ls.se : (ls.slope > 0 ? INFINITY : 0);
	double span = c[n - 1].t - c[first].t;
	f.rise_mb = ls.slope * span;
	double mean = 0;
	for (size_t i = first; i < n; i++)
		mean += c[i].live_mb;
	mean /= (double)f.n;
	size_t half = first + f.n / 2;
	Ls late = n - half >= 3 ? least_squares(c + half, n - half) : ls;
	f.late_slope = late.slope;
	if (span <= 0) {
		f.verdict = GCT_UNKNOWN;
		f.why = "the fitted cycles span no time";
		return f;
	}
	if (ls.slope <= 0 || f.tstat < 3) {
		f.verdict = GCT_STEADY;
		f.why = "the live heap shows no significant upward trend";
	} else if (f.rise_mb < 1 || f.rise_mb < 0.05 * mean) {
		f.verdict = GCT_STEADY;
		f.why = "the live heap rises by less than 1 MB or 5% of its size over the log";
	} else if (late.slope < ls.slope / 3) {
		f.verdict = GCT_STEADY;
		f.why = "the live heap grew earlier but has levelled off in the second half of the log";
	} else {
		f.verdict = GCT_GROWING;
		f.why = "the live heap after each GC keeps growing: leak suspect";
	}
	return f;
}
