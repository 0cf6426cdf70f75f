/*
 * gctrace: the lines GODEBUG=gctrace=1 prints, one per GC cycle, and the trend of the live
 * heap they show. The format (runtime/extern.go, mgc.go), Go 1.19 to 1.26:
 *
 *   gc 12 @3.105s 2%: 0.021+1.2+0.003 ms clock, 0.17+0.31/2.1/0.85+0.025 ms cpu,
 *       41->43->21 MB, 44 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)
 *
 * "A->B->C MB" are the heap at GC start, at GC end and the live (marked) heap: C is the
 * heap that survived the cycle, the figure a leak makes grow. Go before 1.18 has no
 * "stacks"/"globals" fields; 1.26 may add " (checking for goroutine leaks)" after the %.
 * A gc line is found anywhere in a line, so a program's own output mixed into the same
 * stream (even on the same line) does not hide it.
 */
#ifndef GOMEM_PROFILE_GCTRACE_H
#define GOMEM_PROFILE_GCTRACE_H

#include "base/base.h"

typedef struct GcCycle {
	uint64_t num;     /* the GC number */
	double t;         /* seconds since program start */
	double start_mb;  /* heap at GC start */
	double end_mb;    /* heap at GC end */
	double live_mb;   /* live (marked) heap */
	double goal_mb;   /* heap goal; -1 when absent */
	bool forced;
} GcCycle;

typedef enum { GCT_NONE, GCT_CYCLE, GCT_MALFORMED } GctLine;

/* Looks for a gc line in s[0..n). GCT_MALFORMED: it starts like one ("gc N @") but its
 * fields do not parse. */
GctLine gct_parse_line(const char *s, size_t n, GcCycle *c);

typedef enum { GCT_STEADY, GCT_GROWING, GCT_UNKNOWN } GctVerdict;

typedef struct GctFit {
	size_t first;          /* index of the first cycle used by the fit (after the warm-up) */
	size_t n;              /* cycles used */
	double warmup_s;       /* the warm-up left out, seconds */
	double slope;          /* MB per second */
	double intercept;      /* MB at t = 0 */
	double r2;             /* coefficient of determination */
	double tstat;          /* slope / its standard error (inf when the fit is exact) */
	double late_slope;     /* slope over the second half of the fitted cycles, MB/s */
	double rise_mb;        /* slope * fitted span */
	GctVerdict verdict;
	const char *why;       /* static explanation of the verdict */
} GctFit;

/* Fits the live heap of cycles[0..n) over time (see gctrace.c for the method). */
GctFit gct_fit(const GcCycle *cycles, size_t n);
const char *gct_verdict_name(GctVerdict v);
/* A duration for people: "42.1 s", "12.5 min", "3.2 h". Writes into buf. */
const char *gct_duration(char *buf, size_t n, double seconds);

/* Writes an SVG chart of the heap over time with the fitted trend (svg.c). */
void gct_write_svg(FILE *out, const GcCycle *cycles, size_t n, const GctFit *fit, const char *source);

#endif
