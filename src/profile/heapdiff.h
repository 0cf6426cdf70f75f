/*
 * heapdiff: growth between two profiles, per function and per allocation site, with the
 * figures `go tool pprof -top -base BASE CUR` prints (flat and cum at function
 * granularity; -lines granularity for sites).
 *
 * pprof's graph rules, reproduced by prof_agg_add:
 *   - each frame is a (location, line) pair; a location's lines[0] is the innermost
 *     (inlined) frame, its last line the outermost;
 *   - flat goes to the innermost frame of the leaf location only;
 *   - cum goes once per sample to every distinct function on its stack (recursion and
 *     inlining never count a function twice);
 *   - a frame without a function (unsymbolized location) is one node per mapping,
 *     named "[binary]" after the mapping's file, or "<unknown>";
 *   - -base subtracts: the base profile's samples enter with their values negated.
 * Nodes whose flat and cum are both zero are left out, as pprof leaves them out.
 */
#ifndef GOMEM_PROFILE_HEAPDIFF_H
#define GOMEM_PROFILE_HEAPDIFF_H

#include "pprof.h"

typedef struct HdFunc {
	const char *name;
	int64_t flat, cum;
} HdFunc;

typedef struct HdSite {
	const char *func, *file;
	int64_t line;
	int64_t flat;
} HdSite;

/* An aggregation over one or more profiles (all with the same sample type). */
typedef struct ProfAgg {
	Arena arena;
	Interner names;
	Map func_index;   /* Name* -> index + 1 into funcs */
	Map site_index;   /* Name* ("func\0file\0line") -> index + 1 into sites */
	Vec(HdFunc) funcs;
	Vec(HdSite) sites;
	Vec(uint32_t) stamp; /* per function: last sample that counted it (cum dedup) */
	uint32_t sample_no;
	int64_t total;      /* sum of the sample values added (net; wraps rather than overflow) */
} ProfAgg;

void prof_agg_init(ProfAgg *g);
void prof_agg_free(ProfAgg *g);
/* Adds every sample of p at sample type index ti, multiplied by sign (+1 or -1). */
void prof_agg_add(ProfAgg *g, const Profile *p, int ti, int sign);
/* Function and site lists without all-zero entries, sorted largest first (flat, then cum,
 * then name). The arrays live in g's arena. */
HdFunc *prof_agg_functions(ProfAgg *g, size_t *n);
HdSite *prof_agg_sites(ProfAgg *g, size_t *n);

/* Chooses the sample type: name (or a decimal index) when given (error when absent), else inuse_space when
 * present, else pprof's default. Both profiles must carry it with the same unit. Returns
 * the indexes in base and cur, or false with *err (heap string). */
bool hd_select_type(const Profile *base, const Profile *cur, const char *name, int *bi, int *ci, char **err);

#endif
